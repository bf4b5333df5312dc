import { Suspense, useCallback, useState } from 'react';
import type { HttpRequestSpec } from '../../shared/contract';
import { EnvironmentEditor, useEnvironmentDialogs, useVariablesEvents, VaultDialog, VaultWarningBanner } from '../features/environments';
import { CollectionsPanel, RequestTabsBar, useInheritedLayers, useRequestTabs, useRevealInTree } from '../features/collections';
import { CurlPasteBanner, ExportDialog, ImportDialog, replaceDraft, useCurlPaste } from '../features/import-export';
import { AppNotices, CompareView, HistoryEntryView, HistoryPanel, useHistoryEvents } from '../features/history';
import { useRequestExecution } from '../features/request-execution';
import { RequestBuilder } from '../features/request-builder';
import { ResponseViewer } from '../features/response-viewer';
import { SubscriptionLog, useGraphqlSubscription } from '../features/graphql';
import { RequestKindSwitch, useWsRequestOpener, WebSocketWorkspace, type RequestKind } from '../features/websocket';
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
const COLLECTIONS_OPEN_KEY = 'courier.collectionsOpen';

function readOpen(key: string, fallback = false): boolean {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value === '1';
  } catch {
    return fallback;
  }
}

function usePanelToggle(key: string, fallback: boolean): [boolean, () => void] {
  const [open, setOpen] = useState(() => readOpen(key, fallback));
  const toggle = () =>
    setOpen((current) => {
      try {
        localStorage.setItem(key, current ? '0' : '1');
      } catch {
        // private mode: the panel just will not remember
      }
      return !current;
    });
  return [open, toggle];
}

/** The window: a top bar, the history panel (when open), then the request and its response side by side. */
export function App() {
  const execution = useRequestExecution();
  useHistoryEvents();
  useVariablesEvents();
  const environments = useEnvironmentDialogs();
  const wide = useMediaQuery('(min-width: 900px)');
  const [historyOpen, toggleHistory] = usePanelToggle(HISTORY_OPEN_KEY, false);
  const [collectionsOpen, toggleCollections] = usePanelToggle(COLLECTIONS_OPEN_KEY, true);
  const [view, setView] = useState<ResponseView>({ kind: 'live' });
  // WebSocket (issue 5): mounted on first use, then kept (hidden) so open connections survive switching back.
  const [requestKind, setRequestKind] = useState<RequestKind>('http');
  const [websocketUsed, setWebsocketUsed] = useState(false);
  // A WebSocket request picked in the collections tree opens in the WebSocket view (issue 10 §6).
  const wsOpener = useWsRequestOpener();
  const { open: openWsRequest } = wsOpener;
  const openWebSocket = useCallback(
    (path: string) => {
      openWsRequest(path);
      setRequestKind('websocket');
      setWebsocketUsed(true);
    },
    [openWsRequest],
  );
  // GraphQL (issue 5): a subscription operation streams into a log instead of a one-shot send.
  const graphqlSubscription = useGraphqlSubscription();
  const { start: startSubscription } = graphqlSubscription;
  // The builder edits the active tab's draft; "Restore to builder" opens the entry's request in a new tab.
  const tabs = useRequestTabs();
  const { send: executionSend } = execution;
  const { dispatchActive } = tabs;
  const replaceRequest = useCallback((request: HttpRequestSpec) => replaceDraft(dispatchActive, request), [dispatchActive]);
  const curlPaste = useCurlPaste(replaceRequest);
  const [importOpen, setImportOpen] = useState(false);
  // Loaded on first open and kept: the dialog also shows the outcome of an import after it closed.
  const [importUsed, setImportUsed] = useState(false);
  const { reveal, showCollections } = useRevealInTree(tabs);
  const [exportRequest, setExportRequest] = useState<HttpRequestSpec | null>(null);
  const activePath = tabs.active.path;
  const inheritedLayers = useInheritedLayers(activePath);

  const send = useCallback(
    (request: HttpRequestSpec) => {
      const body = request.body;
      // Only a document that mentions a subscription needs the GraphQL parser to tell; it is loaded for that then.
      if (body.kind === 'graphql' && /\bsubscription\b/.test(body.query)) {
        void import('../../shared/graphql/operations').then(({ isSubscription }) => {
          if (isSubscription(body.query, body.operationName)) {
            setView({ kind: 'subscription' });
            startSubscription(request);
          } else {
            setView({ kind: 'live' });
            executionSend(request, activePath);
          }
        });
        return;
      }
      setView({ kind: 'live' });
      return executionSend(request, activePath);
    },
    [executionSend, startSubscription, activePath],
  );
  const closeView = useCallback(() => setView({ kind: 'live' }), []);
  const openEntry = useCallback((id: number) => setView({ kind: 'entry', id }), []);
  const compare = useCallback((ids: [number, number]) => setView({ kind: 'compare', ids }), []);

  return (
    <div className="app">
      <TopBar
        historyOpen={historyOpen}
        onToggleHistory={toggleHistory}
        collectionsOpen={collectionsOpen}
        onToggleCollections={toggleCollections}
        onOpenEnvironments={environments.openEditor}
        onOpenVault={environments.openVault}
        actions={
          <button type="button" className="app-top-bar__toggle" onClick={() => {
              setImportUsed(true);
              setImportOpen(true);
            }}>
            Import
          </button>
        }
      />
      <VaultWarningBanner onOpenVault={environments.openVault} />
      {/* Imported collections are saved into the workspace; the tree shows them and their first request opens. */}
      {/* Dialogs and panels not on screen at start are loaded on first use (see lazyNamed). */}
      <Suspense fallback={null}>
        {importUsed ? (
          <ImportDialog
            open={importOpen}
            onClose={() => setImportOpen(false)}
            onOpenRequest={(item) => tabs.openDraft(item.request, item.name)}
            onImport={(outcome) => void showCollections(outcome.collections.map((collection) => collection.path)).catch(() => undefined)}
          />
        ) : null}
        {exportRequest ? <ExportDialog request={exportRequest} onClose={() => setExportRequest(null)} /> : null}
        {environments.editorOpen ? <EnvironmentEditor onClose={environments.closeEditor} onOpenVault={environments.openVault} /> : null}
        {environments.vaultOpen ? <VaultDialog onClose={environments.closeVault} /> : null}
      </Suspense>
      <AppNotices />
      <main className="app-main">
        {collectionsOpen ? (
          <div className="app-history" id="collections-panel">
            <Suspense fallback={null}>
              <CollectionsPanel tabs={tabs} reveal={reveal} onOpenWebSocket={openWebSocket} onMoved={wsOpener.moved} />
            </Suspense>
          </div>
        ) : null}
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
              <Suspense fallback={<p className="app-loading">Loading…</p>}>
                <WebSocketWorkspace openRequest={wsOpener.request} move={wsOpener.move} />
              </Suspense>
            </div>
          ) : null}
          <div className="app-kind-view" hidden={requestKind !== 'http'}>
          <SplitPane
            label="Resize request and response panes"
            direction={wide ? 'row' : 'column'}
            initialRatio={wide ? 0.5 : 0.45}
            first={
              <div className="app-pane">
                <RequestTabsBar tabs={tabs} />
                <CurlPasteBanner notice={curlPaste.notice} onUndo={curlPaste.undo} onDismiss={curlPaste.dismiss} />
                <RequestBuilder
                  key={tabs.active.id}
                  draft={tabs.active.draft}
                  dispatch={tabs.dispatchActive}
                  inheritedLayers={inheritedLayers}
                  state={execution.state}
                  onSend={send}
                  onCancel={execution.cancel}
                  active={requestKind === 'http'}
                  onPasteText={curlPaste.onPasteText}
                  toolbar={(current) => (
                    <button type="button" className="ie-button ie-export-button" onClick={() => setExportRequest(current())}>
                      Export
                    </button>
                  )}
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
                    onRestore={(request) => tabs.openDraft(request)}
                    onResend={send}
                  />
                ) : view.kind === 'compare' ? (
                  <CompareView key={view.ids.join('-')} ids={view.ids} onClose={closeView} />
                ) : view.kind === 'subscription' && graphqlSubscription.run ? (
                  <Suspense fallback={null}>
                    <SubscriptionLog run={graphqlSubscription.run} onStop={graphqlSubscription.stop} />
                  </Suspense>
                ) : (
                  <ResponseViewer state={execution.state} />
                )}
              </div>
            }
          />
          </div>
        </div>
      </main>
    </div>
  );
}
