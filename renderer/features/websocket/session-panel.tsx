import { useState } from 'react';
import { buildWsSpec, createConnectionDraft, handshakeAsHttpRequest, sessionTitle, type ConnectionDraft } from '../../../shared/websocket';
import { AuthPanel, useAuthTab } from '../auth';
import { InlineMessage, SplitPane, TabPanel, Tabs, type TabItem } from '../../ui';
import { ActivityPane } from './activity-pane';
import { Composer } from './composer';
import { ConnectionBar } from './connection-bar';
import { ConnectionSettings } from './connection-settings';
import { RowsPanel } from './rows-panel';
import { useSessionState } from './use-session-view';
import type { WsSessions } from './use-ws-sessions';

type TabId = 'message' | 'params' | 'headers' | 'auth' | 'settings';

interface SessionPanelProps {
  sessionId: string;
  initialUrl: string;
  sessions: WsSessions;
  wide: boolean;
}

/** One connection: what to connect to and send on the left, what happened on the right. */
export function SessionPanel({ sessionId, initialUrl, sessions, wide }: SessionPanelProps) {
  const [draft, setDraft] = useState<ConnectionDraft>(() => createConnectionDraft(initialUrl));
  const [tab, setTab] = useState<TabId>('message');
  const [callError, setCallError] = useState<string | null>(null);
  // The state only: this side of the panel must not re-render for every batch of messages.
  const state = useSessionState(sessions.store, sessionId);
  const busy = state === 'connecting' || state === 'open' || state === 'reconnecting' || state === 'closing';
  const idPrefix = `ws-${sessionId}`;
  // Held here, not in the Auth tab, so a sign-in in progress survives switching tabs.
  const authTab = useAuthTab(draft.auth.kind === 'oauth2' ? handshakeAsHttpRequest(draft) : null);

  const connect = () => {
    if (draft.url.trim() === '') {
      setCallError('Enter a ws:// or wss:// URL to connect to.');
      return;
    }
    setCallError(null);
    sessions.rename(sessionId, sessionTitle(draft.url));
    void sessions.connect(sessionId, buildWsSpec(draft));
  };
  const disconnect = () => sessions.disconnect(sessionId);

  const tabs: TabItem<TabId>[] = [
    { id: 'message', label: 'Message' },
    { id: 'params', label: 'Params' },
    { id: 'headers', label: 'Headers', ariaLabel: 'Handshake headers' },
    { id: 'auth', label: 'Auth' },
    { id: 'settings', label: 'Settings', ariaLabel: 'Connection settings' },
  ];

  return (
    <SplitPane
      label="Resize connection and message log panes"
      direction={wide ? 'row' : 'column'}
      initialRatio={wide ? 0.42 : 0.45}
      first={
        <div className="ws-pane">
          <div className="ws-pane__top">
            <ConnectionBar url={draft.url} onUrlChange={(url) => setDraft({ ...draft, url })} state={state} onConnect={connect} onDisconnect={disconnect} />
            {callError ? <InlineMessage tone="error">{callError}</InlineMessage> : null}
          </div>
          <Tabs label="Connection sections" idPrefix={idPrefix} tabs={tabs} selected={tab} onSelect={setTab} />
          <TabPanel idPrefix={idPrefix} id={tab} className={tab === 'message' ? 'ws-tab ws-tab--fill' : 'ws-tab'}>
            {tab === 'message' ? <Composer sessionId={sessionId} url={draft.url} open={state === 'open'} /> : null}
            {tab === 'params' ? (
              <RowsPanel label="Query parameters" itemName="parameter" rows={draft.params} onChange={(params) => setDraft({ ...draft, params })} />
            ) : null}
            {tab === 'headers' ? (
              <>
                <RowsPanel label="Handshake headers" itemName="header" rows={draft.headers} onChange={(headers) => setDraft({ ...draft, headers })} />
                <label className="ws-field">
                  <span className="ws-field__label">Subprotocols</span>
                  <input
                    className="ws-input"
                    value={draft.subprotocols}
                    placeholder="graphql-transport-ws, chat.v1"
                    onChange={(event) => setDraft({ ...draft, subprotocols: event.target.value })}
                  />
                  <span className="ws-muted">Sent as Sec-WebSocket-Protocol, in order of preference.</span>
                </label>
              </>
            ) : null}
            {tab === 'auth' ? <AuthPanel auth={draft.auth} onChange={(auth) => setDraft({ ...draft, auth })} state={authTab} /> : null}
            {tab === 'settings' ? (
              <ConnectionSettings
                settings={draft.settings}
                disabled={busy}
                onChange={(settings) => {
                  setDraft({ ...draft, settings });
                  sessions.store.setCap(sessionId, settings.logCap);
                }}
              />
            ) : null}
          </TabPanel>
        </div>
      }
      second={<ActivityPane sessionId={sessionId} url={draft.url} store={sessions.store} />}
    />
  );
}
