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
 * Once the session has been read (`ready`), every restored tab that had a response shows it again, read back from
 * history by entry id: the session file holds the number, never the body.
 */
export function useStoredResponses(store: ExecutionStore, tabs: readonly { id: string; responseEntryId?: number }[], ready: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    for (const tab of tabs) if (tab.responseEntryId !== undefined) void showHistoryResponse(store, tab.id, tab.responseEntryId);
  }, [ready, tabs, store]);
}
