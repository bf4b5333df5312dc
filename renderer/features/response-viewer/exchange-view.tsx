import { useState } from 'react';
import { type HttpExchange } from '../../../shared/contract';
import { TabPanel, Tabs, type TabItem } from '../../ui';
import { GraphqlResponseErrors } from '../graphql';
import { TestResultsPanel, TestsTabCounts, testsTabLabel } from '../tests';
import { ExchangeNotices } from './exchange-notices';
import { isEventStream } from '../../../shared/sse';
import { SseEventsPanel } from './sse-events-panel';
import { ResponseBodyPanel } from './response-body-panel';
import { ResponseHeadersTable } from './response-headers-table';
import { ScriptConsolePanel } from './script-console-panel';
import { RawExchange } from './raw-exchange';
import { SentRequest } from './sent-request';
import { StatusSummary } from './status-summary';
import { TimingPanel } from './timing-panel';
import styles from './response-viewer.module.css';

type TabId = 'body' | 'events' | 'headers' | 'tests' | 'console' | 'timing' | 'raw' | 'request';
const ID_PREFIX = 'response';
const TAB_IDS: readonly string[] = ['body', 'events', 'headers', 'tests', 'console', 'timing', 'raw', 'request'] satisfies TabId[];
const isTabId = (value: string): value is TabId => TAB_IDS.includes(value);
const tabBody = `${styles.tab} ${styles.tabBody}`;

interface ExchangeViewProps {
  exchange: HttpExchange;
  graphql?: boolean;
  /** the section chosen earlier for this request tab, kept across its sends (Headers stays Headers) */
  section?: string | null;
  onSectionChange?: (section: string) => void;
}

/** `graphql`: the request was a GraphQL operation, so a GraphQL errors array is listed apart from the data. */
export function ExchangeView({ exchange, graphql = false, section = null, onSectionChange }: ExchangeViewProps) {
  // SSE: a text/event-stream response opens on its events.
  const eventStream = isEventStream(exchange.body.contentType);
  const fallback: TabId = eventStream ? 'events' : 'body';
  // Events only exist for an event stream; a choice that does not apply to this response falls back.
  const scripted = (exchange.scriptConsole?.length ?? 0) > 0 || (exchange.tests?.results ?? []).some((test) => test.source === 'script');
  const kept =
    section !== null &&
    isTabId(section) &&
    (section !== 'events' || eventStream) &&
    (section !== 'tests' || exchange.tests !== undefined) &&
    (section !== 'console' || scripted)
      ? section
      : null;
  const [tab, setTab] = useState<TabId>(kept ?? fallback);
  // An event stream's body can be large and is read as events first; its text loads when asked for.
  const [bodyWanted, setBodyWanted] = useState(!eventStream || tab === 'body');
  const selectTab = (id: TabId): void => {
    setTab(id);
    onSectionChange?.(id);
    if (id === 'body') setBodyWanted(true);
  };
  const tabs: TabItem<TabId>[] = [
    ...(eventStream ? [{ id: 'events' as const, label: 'Events', ariaLabel: 'Response events' }] : []),
    // Accessible names say "Response …": the request builder beside us has its own Body and Headers tabs.
    { id: 'body', label: 'Body', ariaLabel: 'Response body' },
    {
      id: 'headers',
      label: (
        <>
          Headers <span className="ui-tabs__badge">{exchange.response.headers.length}</span>
        </>
      ),
      ariaLabel: 'Response headers',
    },
    // only when the request had tests; the label carries the counts ("Tests 3/4")
    ...(exchange.tests
      ? [{ id: 'tests' as const, label: <TestsTabCounts tests={exchange.tests} />, ariaLabel: `Response ${testsTabLabel(exchange.tests)}` }]
      : []),
    ...(scripted
      ? [
          {
            id: 'console' as const,
            label: (
              <>
                Console <span className="ui-tabs__badge">{exchange.scriptConsole?.length ?? 0}</span>
              </>
            ),
            ariaLabel: 'Script console',
          },
        ]
      : []),
    { id: 'timing', label: 'Timing' },
    { id: 'raw', label: 'Raw' },
    { id: 'request', label: 'Request', ariaLabel: 'Sent request' },
  ];
  return (
    <div className={styles.exchange}>
      <StatusSummary exchange={exchange} />
      <ExchangeNotices exchange={exchange} />
      {graphql ? <GraphqlResponseErrors exchange={exchange} /> : null}
      <Tabs pane label="Response sections" idPrefix={ID_PREFIX} tabs={tabs} selected={tab} onSelect={selectTab} />
      {/* The body stays mounted while other tabs are shown, so switching back does not reload a large body. */}
      <div className={styles.exchangeBody} hidden={tab !== 'body'}>
        <TabPanel idPrefix={ID_PREFIX} id="body" className={tabBody}>
          {bodyWanted ? <ResponseBodyPanel exchange={exchange} /> : null}
        </TabPanel>
      </div>
      {tab === 'events' && (
        <TabPanel idPrefix={ID_PREFIX} id="events" className={tabBody}>
          <SseEventsPanel body={exchange.body} />
        </TabPanel>
      )}
      {tab === 'headers' && (
        <TabPanel idPrefix={ID_PREFIX} id="headers" className={styles.tab}>
          <ResponseHeadersTable headers={exchange.response.headers} label="Response headers" />
        </TabPanel>
      )}
      {tab === 'tests' && exchange.tests && (
        <TabPanel idPrefix={ID_PREFIX} id="tests" className={styles.tab}>
          <TestResultsPanel tests={exchange.tests} />
        </TabPanel>
      )}
      {tab === 'console' && (
        <TabPanel idPrefix={ID_PREFIX} id="console" className={styles.tab}>
          <ScriptConsolePanel exchange={exchange} />
        </TabPanel>
      )}
      {tab === 'timing' && (
        <TabPanel idPrefix={ID_PREFIX} id="timing" className={styles.tab}>
          <TimingPanel exchange={exchange} />
        </TabPanel>
      )}
      {tab === 'raw' && (
        <TabPanel idPrefix={ID_PREFIX} id="raw" className={styles.tab}>
          <RawExchange exchange={exchange} />
        </TabPanel>
      )}
      {tab === 'request' && (
        <TabPanel idPrefix={ID_PREFIX} id="request" className={styles.tab}>
          <SentRequest exchange={exchange} />
        </TabPanel>
      )}
    </div>
  );
}
