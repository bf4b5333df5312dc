import { useCallback, useState } from 'react';
import type { HttpRequestSpec } from '../../shared/contract';
import { CurlPasteBanner, ExportDialog, ImportDialog, useCurlPaste } from '../features/import-export';
import { AppNotices, CompareView, HistoryEntryView, HistoryPanel, useHistoryEvents } from '../features/history';
import { useRequestExecution } from '../features/request-execution';
import { RequestBuilder } from '../features/request-builder';
import { ResponseViewer } from '../features/response-viewer';
import { SplitPane, useMediaQuery } from '../ui';
import { TopBar } from './top-bar';
import './app.css';

/** What the response pane shows: the live exchange, a history entry, or two entries compared. */
type ResponseView = { kind: 'live' } | { kind: 'entry'; id: number } | { kind: 'compare'; ids: [number, number] };

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
  const wide = useMediaQuery('(min-width: 900px)');
  const [historyOpen, setHistoryOpen] = useState(readHistoryOpen);
  const [view, setView] = useState<ResponseView>({ kind: 'live' });
  // "Restore to builder" remounts the builder with the entry's request (the key changes each time).
  const [restore, setRestore] = useState<{ key: number; request: HttpRequestSpec } | null>(null);
  const { send: executionSend } = execution;
  const replaceRequest = useCallback((request: HttpRequestSpec) => setRestore((current) => ({ key: (current?.key ?? 0) + 1, request })), []);
  const curlPaste = useCurlPaste(replaceRequest);
  const [importOpen, setImportOpen] = useState(false);
  const [exportRequest, setExportRequest] = useState<HttpRequestSpec | null>(null);

  const send = useCallback(
    (request: HttpRequestSpec) => {
      setView({ kind: 'live' });
      return executionSend(request);
    },
    [executionSend],
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
      <TopBar
        historyOpen={historyOpen}
        onToggleHistory={toggleHistory}
        actions={
          <button type="button" className="ie-top-button" onClick={() => setImportOpen(true)}>
            Import
          </button>
        }
      />
      {/* Until the workspace keeps imported collections, Import opens the first request (see ImportDialog). */}
      <ImportDialog
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onOpenRequest={(item) => replaceRequest(item.request)}
        onImport={(result) => {
          const first = result.collections.flatMap((collection) => collection.items).find((item) => item.type === 'request');
          if (first && first.type === 'request') replaceRequest(first.request);
        }}
      />
      <ExportDialog request={exportRequest} onClose={() => setExportRequest(null)} />
      <AppNotices />
      <main className="app-main">
        {historyOpen ? (
          <div className="app-history">
            <HistoryPanel activeId={view.kind === 'entry' ? view.id : null} onOpen={openEntry} onCompare={compare} />
          </div>
        ) : null}
        <div className="app-work">
          <SplitPane
            label="Resize request and response panes"
            direction={wide ? 'row' : 'column'}
            initialRatio={wide ? 0.5 : 0.45}
            first={
              <div className="app-pane">
                <CurlPasteBanner notice={curlPaste.notice} onUndo={curlPaste.undo} onDismiss={curlPaste.dismiss} />
                <RequestBuilder
                  key={restore?.key ?? 0}
                  initialRequest={restore?.request ?? null}
                  state={execution.state}
                  onSend={send}
                  onCancel={execution.cancel}
                  onPasteText={curlPaste.onPasteText}
                  toolbar={(current) => (
                    <button type="button" className="ie-button" onClick={() => setExportRequest(current())}>
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
                    onRestore={(request) => setRestore((current) => ({ key: (current?.key ?? 0) + 1, request }))}
                    onResend={send}
                  />
                ) : view.kind === 'compare' ? (
                  <CompareView key={view.ids.join('-')} ids={view.ids} onClose={closeView} />
                ) : (
                  <ResponseViewer state={execution.state} />
                )}
              </div>
            }
          />
        </div>
      </main>
    </div>
  );
}
