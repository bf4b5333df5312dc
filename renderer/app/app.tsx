import { useCallback, useState } from 'react';
import type { HttpRequestSpec } from '../../shared/contract';
import { EnvironmentEditor, useEnvironmentDialogs, useVariablesEvents, VaultDialog, VaultWarningBanner } from '../features/environments';
import { AppNotices, CompareView, HistoryEntryView, HistoryPanel, useHistoryEvents } from '../features/history';
import { useRequestExecution } from '../features/request-execution';
import { RequestBuilder } from '../features/request-builder';
import { ResponseViewer } from '../features/response-viewer';
import { SubscriptionLog, useGraphqlSubscription } from '../features/graphql';
import { isSubscription } from '../../shared/graphql/operations';
import { RequestKindSwitch, WebSocketWorkspace, type RequestKind } from '../features/websocket';
import { SplitPane, useMediaQuery } from '../ui';
import { TopBar } from './top-bar';
import './app.css';

/** What the response pane shows: the live exchange, a history entry, or two entries compared. */
type ResponseView =
  | { kind: 'live' }
  | { kind: 'entry'; id: number }
  | { kind: 'compare'; ids: [number, number] }
  // GraphQL (issue 5): a running or finished subscription's log
  | { kind: 'subscription' };

const HISTORY_OPEN_KEY = 'courier.historyOpen';

function readHistoryOpen(): boolean {
  try {
    return localStorage.getItem(HISTORY_OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** The window: a top bar, the history panel (when open), then the request and its response side by side. */
export function App() {
  const execution = useRequestExecution();
  useHistoryEvents();
  useVariablesEvents();
  const environments = useEnvironmentDialogs();
  const wide = useMediaQuery('(min-width: 900px)');
  const [historyOpen, setHistoryOpen] = useState(readHistoryOpen);
  const [view, setView] = useState<ResponseView>({ kind: 'live' });
  // WebSocket (issue 5): mounted on first use, then kept (hidden) so open connections survive switching back.
  const [requestKind, setRequestKind] = useState<RequestKind>('http');
  const [websocketUsed, setWebsocketUsed] = useState(false);
  // "Restore to builder" remounts the builder with the entry's request (the key changes each time).
  const [restore, setRestore] = useState<{ key: number; request: HttpRequestSpec } | null>(null);
  const { send: executionSend } = execution;
  // GraphQL (issue 5): a subscription operation streams into a log instead of a one-shot send.
  const graphqlSubscription = useGraphqlSubscription();
  const { start: startSubscription } = graphqlSubscription;

  const send = useCallback(
    (request: HttpRequestSpec) => {
      if (request.body.kind === 'graphql' && isSubscription(request.body.query, request.body.operationName)) {
        setView({ kind: 'subscription' });
        startSubscription(request);
        return;
      }
      setView({ kind: 'live' });
      return executionSend(request);
    },
    [executionSend, startSubscription],
  );
  const toggleHistory = () => {
    setHistoryOpen((open) => {
      try {
        localStorage.setItem(HISTORY_OPEN_KEY, open ? '0' : '1');
      } catch {
        // private mode: the panel just will not remember
      }
      return !open;
    });
  };
  const closeView = useCallback(() => setView({ kind: 'live' }), []);
  const openEntry = useCallback((id: number) => setView({ kind: 'entry', id }), []);
  const compare = useCallback((ids: [number, number]) => setView({ kind: 'compare', ids }), []);

  return (
    <div className="app">
      <TopBar historyOpen={historyOpen} onToggleHistory={toggleHistory} onOpenEnvironments={environments.openEditor} onOpenVault={environments.openVault} />
      <VaultWarningBanner onOpenVault={environments.openVault} />
      <AppNotices />
      <main className="app-main">
        {historyOpen ? (
          <div className="app-history">
            <HistoryPanel activeId={view.kind === 'entry' ? view.id : null} onOpen={openEntry} onCompare={compare} />
          </div>
        ) : null}
        <div className="app-work app-work--kinds">
          <div className="app-kind-bar">
            <RequestKindSwitch
              kind={requestKind}
              onChange={(kind) => {
                setRequestKind(kind);
                if (kind === 'websocket') setWebsocketUsed(true);
              }}
            />
          </div>
          {websocketUsed ? (
            <div className="app-kind-view" hidden={requestKind !== 'websocket'}>
              <WebSocketWorkspace />
            </div>
          ) : null}
          <div className="app-kind-view" hidden={requestKind !== 'http'}>
          <SplitPane
            label="Resize request and response panes"
            direction={wide ? 'row' : 'column'}
            initialRatio={wide ? 0.5 : 0.45}
            first={
              <div className="app-pane">
                <RequestBuilder
                  key={restore?.key ?? 0}
                  initialRequest={restore?.request ?? null}
                  state={execution.state}
                  onSend={send}
                  onCancel={execution.cancel}
                  active={requestKind === 'http'}
                />
              </div>
            }
            second={
              <div className="app-pane">
                {view.kind === 'entry' ? (
                  <HistoryEntryView
                    key={view.id}
                    id={view.id}
                    onClose={closeView}
                    onRestore={(request) => setRestore((current) => ({ key: (current?.key ?? 0) + 1, request }))}
                    onResend={send}
                  />
                ) : view.kind === 'compare' ? (
                  <CompareView key={view.ids.join('-')} ids={view.ids} onClose={closeView} />
                ) : view.kind === 'subscription' && graphqlSubscription.run ? (
                  <SubscriptionLog run={graphqlSubscription.run} onStop={graphqlSubscription.stop} />
                ) : (
                  <ResponseViewer state={execution.state} />
                )}
              </div>
            }
          />
          </div>
        </div>
      </main>
      {environments.editorOpen ? <EnvironmentEditor onClose={environments.closeEditor} onOpenVault={environments.openVault} /> : null}
      {environments.vaultOpen ? <VaultDialog onClose={environments.closeVault} /> : null}
    </div>
  );
}
