import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryEntry, HttpRequestSpec } from '../../shared/contract';
import { EnvironmentEditor, useEnvironmentDialogs, useVariablesEvents, VaultDialog, VaultWarningBanner } from '../features/environments';
import {
  CollectionsPanel,
  RequestTabsBar,
  useInheritedAuth,
  useInheritedLayers,
  useReadInheritanceChain,
  useRequestTabs,
  useRevealInTree,
} from '../features/collections';
import { applyInheritance, inheritedLayers as layersOf, tabLabel } from '../../shared/workspace';
import type { VariableLayer } from '../../shared/variables';
import { CurlPasteBanner, ExportDialog, ImportDialog, replaceDraft, useCurlPaste } from '../features/import-export';
import { AppNotices, HistoryPanel, useHistoryEvents } from '../features/history';
import { ResponsePane, TabSendingMark, useRequestPane, useStoredResponses, useTabExecutionState } from '../features/request-execution';
import { EnvPermissionPrompt } from '../features/env-permission';
import { RequestBuilder } from '../features/request-builder';
import { RunnerView, type RunTarget } from '../features/runner';
import { RequestKindSwitch, useStoredWsSession, useWsRequestOpener, WebSocketWorkspace, type RequestKind } from '../features/websocket';
import { MainLayout } from './main-layout';
import { ConnectionLostBanner } from './connection-lost-banner';
import { TopBar } from './top-bar';
import { ShortcutsDialog, useShortcutsKey } from '../features/shortcuts';
import { CookiesDialog } from '../features/cookies';
import './app.css';
import { Button, usePaneFocusKeys } from '../ui';

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
  useHistoryEvents();
  useVariablesEvents();
  const environments = useEnvironmentDialogs();
  const [historyOpen, toggleHistory] = usePanelToggle(HISTORY_OPEN_KEY, false);
  const [collectionsOpen, toggleCollections] = usePanelToggle(COLLECTIONS_OPEN_KEY, true);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [cookiesOpen, setCookiesOpen] = useState(false);
  useShortcutsKey(() => setShortcutsOpen(true));
  usePaneFocusKeys();
  // WebSocket: mounted on first use, then kept (hidden) so open connections survive switching back.
  const [requestKind, setRequestKind] = useState<RequestKind>('http');
  const [websocketUsed, setWebsocketUsed] = useState(false);
  // WebSocket tabs of the last session: their view mounts at start (hidden) so open connections re-attach at once.
  const storedWs = useStoredWsSession();
  if (storedWs && !websocketUsed) setWebsocketUsed(true);
  const [wsOpenCount, setWsOpenCount] = useState(0);
  // A WebSocket request picked in the collections tree opens in the WebSocket view.
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
  // The builder edits the active tab's draft; "Restore to builder" opens the entry's request in a new tab.
  const tabs = useRequestTabs();
  const { dispatch: dispatchTabs } = tabs;
  const replaceRequest = useCallback(
    (id: string, request: HttpRequestSpec) => replaceDraft((action) => dispatchTabs({ type: 'edit', id, action }), request),
    [dispatchTabs],
  );
  // Undo of a paste over a clean tab puts back what is saved, so the tab is clean again
  const curlTab = useMemo(
    () => ({ dirty: tabs.active.dirty, markClean: (id: string) => dispatchTabs({ type: 'clean', id }) }),
    [tabs.active.dirty, dispatchTabs],
  );
  const curlPaste = useCurlPaste(tabs.active.id, replaceRequest, curlTab);
  const [importOpen, setImportOpen] = useState(false);
  // a paste of several curl commands, handed to the import preview ("Import all")
  const [importText, setImportText] = useState<string | null>(null);
  // Loaded on first open and kept: the dialog also shows the outcome of an import after it closed.
  const [importUsed, setImportUsed] = useState(false);
  const { reveal, showCollections } = useRevealInTree(tabs);
  // the request to export, as Send would send it (with what it inherits), and its name as the tab shows it
  const [exportRequest, setExportRequest] = useState<{ spec: HttpRequestSpec; name: string; layers: readonly VariableLayer[] } | null>(null);
  const activePath = tabs.active.path;
  const inheritedLayers = useInheritedLayers(activePath);
  const readInheritanceChain = useReadInheritanceChain();
  // Export writes what Send sends: the chain is read when Export is pressed, not taken from the last render, which
  // may not have it yet (a save a moment ago, a collection's settings just changed).
  const openExport = (spec: HttpRequestSpec, name: string, path: string | null) =>
    void readInheritanceChain(path).then(
      (chain) => setExportRequest({ spec: applyInheritance(spec, chain), name, layers: layersOf(chain) }),
      // the settings could not be read (a broken collection.json): the request is still exported, with what it has
      () => setExportRequest({ spec, name, layers: inheritedLayers }),
    );
  // Every request tab sends, cancels and shows its own response (and GraphQL subscription).
  const pane = useRequestPane(
    tabs.state.tabs.map((tab) => tab.id),
    tabs.active.id,
    activePath,
  );
  // Each tab owns its request and its response: a history Re-send gets a tab of its own (the same one again for the
  // same entry while it is open), so it never replaces the response of the unrelated tab the entry was viewed over.
  const resendTabs = useRef(new Map<number, string>());
  const resend = (request: HttpRequestSpec, entryId: number) => {
    const known = resendTabs.current.get(entryId);
    let tabId: string;
    if (known !== undefined && tabs.state.tabs.some((tab) => tab.id === known)) {
      tabId = known;
      tabs.dispatch({ type: 'activate', id: tabId });
    } else {
      tabId = tabs.openDraft(request);
      resendTabs.current.set(entryId, tabId);
    }
    pane.closeOverlay();
    pane.store.send(tabId, request, null);
  };
  // Each tab remembers which history entry holds its response, so a reload shows it again (read back from history).
  useEffect(() => pane.store.onResponse((id, entryId) => dispatchTabs({ type: 'response', id, entryId })), [pane.store, dispatchTabs]);
  useStoredResponses(pane.store, tabs.state.tabs, tabs.restored);
  const restoreEntry = (entry: HistoryEntry) => {
    const tabId = tabs.openDraft(entry.composed);
    if (entry.exchange)
      pane.store.showStored(tabId, { entryId: entry.summary.id, sentAt: entry.summary.sentAt, exchange: entry.exchange, request: entry.composed });
  };
  const activeState = useTabExecutionState(pane.store, tabs.active.id);
  // The collection runner: mounted from the first "Run…" until closed; hidden, its run goes on.
  const [runner, setRunner] = useState<{ target: RunTarget; open: boolean } | null>(null);
  const inheritedAuth = useInheritedAuth(activePath);

  return (
    <div className="app">
      <TopBar
        historyOpen={historyOpen}
        onToggleHistory={toggleHistory}
        collectionsOpen={collectionsOpen}
        onToggleCollections={toggleCollections}
        onOpenEnvironments={environments.openEditor}
        onOpenVault={environments.openVault}
        onOpenShortcuts={() => setShortcutsOpen(true)}
        actions={
          <>
            {runner && !runner.open ? (
              <Button className="app-top-bar__toggle" onClick={() => setRunner({ ...runner, open: true })}>
                Runner
              </Button>
            ) : null}
            <Button
              className="app-top-bar__toggle"
              onClick={() => {
                setImportUsed(true);
                setImportOpen(true);
              }}
            >
              Import
            </Button>
            <Button className="app-top-bar__toggle" aria-haspopup="dialog" onClick={() => setCookiesOpen(true)}>
              Cookies
            </Button>
          </>
        }
      />
      <ConnectionLostBanner />
      <VaultWarningBanner onOpenVault={environments.openVault} />
      {/* Imported collections are saved into the workspace; the tree shows them and their first request opens. */}
      {/* Dialogs and panels not on screen at start are loaded on first use (see lazyNamed). */}
      <Suspense fallback={null}>
        {importUsed ? (
          <ImportDialog
            key={importText ?? ''}
            open={importOpen}
            onClose={() => setImportOpen(false)}
            onOpenRequest={(item) => tabs.openDraft(item.request, item.name)}
            initialText={importText}
            onOpenVault={environments.openVault}
            onImport={(outcome) =>
              void showCollections(outcome.into ? outcome.into.added : outcome.collections.map((collection) => collection.path)).catch(() => undefined)
            }
          />
        ) : null}
        {exportRequest ? (
          <ExportDialog request={exportRequest.spec} name={exportRequest.name} inheritedLayers={exportRequest.layers} onClose={() => setExportRequest(null)} />
        ) : null}
        {environments.editorOpen ? <EnvironmentEditor onClose={environments.closeEditor} onOpenVault={environments.openVault} /> : null}
        {environments.vaultOpen ? <VaultDialog onClose={environments.closeVault} /> : null}
        {cookiesOpen ? <CookiesDialog onClose={() => setCookiesOpen(false)} /> : null}
        {shortcutsOpen ? <ShortcutsDialog open onClose={() => setShortcutsOpen(false)} /> : null}
        {runner ? (
          <RunnerView
            key={runner.target.paths.join('\n')}
            target={runner.target}
            open={runner.open}
            onHide={() => setRunner((current) => current && { ...current, open: false })}
            onClose={() => setRunner(null)}
            onOpenEntry={(id) => {
              setRunner((current) => current && { ...current, open: false });
              pane.openEntry(id);
            }}
          />
        ) : null}
      </Suspense>
      <AppNotices />
      <MainLayout
        collections={
          collectionsOpen ? (
            <Suspense fallback={null}>
              <CollectionsPanel
                tabs={tabs}
                reveal={reveal}
                onOpenWebSocket={openWebSocket}
                onMoved={wsOpener.moved}
                onOpenVault={environments.openVault}
                onRun={(node) => setRunner({ target: { paths: [node.path], name: node.name }, open: true })}
              />
            </Suspense>
          ) : null
        }
        history={
          historyOpen ? (
            <Suspense fallback={null}>
              <HistoryPanel activeId={pane.overlay?.kind === 'entry' ? pane.overlay.id : null} onOpen={pane.openEntry} onCompare={pane.compare} />
            </Suspense>
          ) : null
        }
        kindSwitch={
          <RequestKindSwitch
            openCount={wsOpenCount}
            kind={requestKind}
            onChange={(kind) => {
              setRequestKind(kind);
              if (kind === 'websocket') setWebsocketUsed(true);
            }}
          />
        }
        httpShown={requestKind === 'http'}
        websocket={
          websocketUsed && storedWs !== undefined ? (
            <div className="app-kind-view" hidden={requestKind !== 'websocket'}>
              <Suspense fallback={<p className="app-loading">Loading…</p>}>
                <WebSocketWorkspace
                  active={requestKind === 'websocket'}
                  openRequest={wsOpener.request}
                  move={wsOpener.move}
                  restored={storedWs}
                  onOpenCountChange={setWsOpenCount}
                  onOpenVault={environments.openVault}
                />
              </Suspense>
            </div>
          ) : null
        }
        request={
          <div className="app-pane">
            <RequestTabsBar
              tabs={tabs}
              active={requestKind === 'http'}
              onOpenVault={environments.openVault}
              renderMark={(id) => <TabSendingMark store={pane.store} tabId={id} />}
            />
            <CurlPasteBanner
              notice={curlPaste.notice}
              onUndo={curlPaste.undo}
              onDismiss={curlPaste.dismiss}
              onImportAll={(text) => {
                setImportText(text);
                setImportUsed(true);
                setImportOpen(true);
              }}
            />
            <EnvPermissionPrompt state={activeState} onResend={pane.send} />
            <RequestBuilder
              key={tabs.active.id}
              draft={tabs.active.draft}
              dispatch={tabs.dispatchActive}
              inheritedLayers={inheritedLayers}
              inheritedAuth={inheritedAuth}
              workspacePath={activePath}
              onOpenVault={environments.openVault}
              state={activeState}
              onSend={pane.send}
              onCancel={pane.cancel}
              onRefused={pane.refuse}
              initialSection={pane.store.requestSection(tabs.active.id)}
              onSectionChange={(section) => pane.store.setRequestSection(tabs.active.id, section)}
              active={requestKind === 'http'}
              onPasteText={curlPaste.onPasteText}
              toolbar={(current) => (
                <Button className="app-export-button" onClick={() => openExport(current(), tabLabel(tabs.active), activePath)}>
                  Export
                </Button>
              )}
            />
          </div>
        }
        response={
          <div className="app-pane">
            <ResponsePane pane={pane} onRestore={restoreEntry} onResend={resend} onOpenVault={environments.openVault} />
          </div>
        }
      />
    </div>
  );
}
