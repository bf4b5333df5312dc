import { useEffect, useRef } from 'react';
import { call } from '../../lib/bridge';
import type { ExecutionStore } from './execution-store';

/**
 * Reads a history entry and shows its response in a tab (if the tab still shows nothing). An entry deleted from
 * history, or one without a response, leaves the tab's normal empty state: nothing to report to the user.
 */
async function showHistoryResponse(store: ExecutionStore, tabId: string, entryId: number): Promise<boolean> {
  try {
    const entry = await call('history.get', { id: entryId });
    if (!entry.exchange) return false;
    return store.showStored(tabId, { entryId, sentAt: entry.summary.sentAt, exchange: entry.exchange, request: entry.composed });
  } catch {
    return false;
  }
}

/**
 * A saved request's latest response, found by the request's file (history records the path a send came from; the
 * URL alone would mix in other requests to the same address). A request never sent keeps the empty state.
 */
async function showLatestResponse(store: ExecutionStore, tabId: string, path: string): Promise<boolean> {
  try {
    const page = await call('history.list', { filter: { savedPath: path }, offset: 0, limit: 1 });
    const latest = page.entries[0];
    return latest ? await showHistoryResponse(store, tabId, latest.id) : false;
  } catch {
    return false;
  }
}

/**
 * Once the session has been read (`ready`), every restored tab that had a response shows it again, read back from
 * history by entry id: the session file holds the number, never the body. A tab opened later on a saved request
 * (from the tree, after its tab was closed) shows that request's latest response, as Insomnia and Yaak keep it.
 */
export function useStoredResponses(
  store: ExecutionStore,
  tabs: readonly { id: string; path: string | null; responseEntryId?: number }[],
  ready: boolean,
): void {
  // tabs already looked at: each is filled once, when it first appears
  const seen = useRef(new Set<string>());
  useEffect(() => {
    if (!ready) return;
    for (const tab of tabs) {
      if (seen.current.has(tab.id)) continue;
      seen.current.add(tab.id);
      if (tab.responseEntryId !== undefined) void showHistoryResponse(store, tab.id, tab.responseEntryId);
      else if (tab.path !== null) void showLatestResponse(store, tab.id, tab.path);
    }
  }, [ready, tabs, store]);
}
