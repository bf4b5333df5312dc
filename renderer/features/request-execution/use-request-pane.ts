import { useCallback, useEffect, useState } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import { useGraphqlSubscriptions, type GraphqlSubscriptions } from '../graphql';
import type { ExecutionStore } from './execution-store';
import { useExecutionStore } from './use-execution-store';

/** A history entry or two entries compared, shown over the active tab's own response until closed or tabs switch. */
export type PaneOverlay = { kind: 'entry'; id: number } | { kind: 'compare'; ids: [number, number] };

export interface RequestPane {
  store: ExecutionStore;
  subscriptions: GraphqlSubscriptions;
  /** the request tab on screen */
  activeId: string;
  /** sends the active tab's request (a GraphQL subscription starts that tab's run instead) */
  send(request: HttpRequestSpec): void;
  /** cancels the active tab's request in flight */
  cancel(): void;
  /**
   * a send of the active tab was refused before it left, for `reason`: the pane keeps what it showed and says why;
   * null once the request on screen could be sent (the reason no longer holds)
   */
  refuse(reason: string | null): void;
  overlay: PaneOverlay | null;
  openEntry(id: number): void;
  compare(ids: [number, number]): void;
  closeOverlay(): void;
}

/**
 * Everything the request and response panes do, per request tab: each tab sends, cancels, streams and shows its
 * own exchange; a tab that closes (by any route) has its request cancelled, its body released and its subscription
 * stopped. `activePath` is the active tab's saved file, so its collection's headers, auth and variables apply.
 */
export function useRequestPane(tabIds: readonly string[], activeId: string, activePath: string | null): RequestPane {
  const store = useExecutionStore();
  const subscriptions = useGraphqlSubscriptions();
  const { start, release: releaseRun, retainOnly } = subscriptions;
  const [overlay, setOverlay] = useState<{ tabId: string; view: PaneOverlay } | null>(null);
  // Switching tabs returns to that tab's own response: an overlay opened over another tab is closed.
  if (overlay && overlay.tabId !== activeId) setOverlay(null);

  const idsKey = tabIds.join('\n');
  useEffect(() => {
    const open = idsKey.split('\n');
    store.retainOnly(open);
    retainOnly(open);
  }, [idsKey, store, retainOnly]);

  const send = useCallback(
    (request: HttpRequestSpec) => {
      // Captured now: the answer belongs to the tab that sent, even if the user has moved on when it arrives.
      const tabId = activeId;
      setOverlay(null);
      const sendHttp = () => {
        releaseRun(tabId);
        store.send(tabId, request, activePath);
      };
      const body = request.body;
      // Only a document that mentions a subscription needs the GraphQL parser to tell; it is loaded for that then.
      if (body.kind === 'graphql' && /\bsubscription\b/.test(body.query)) {
        void import('../../../shared/graphql/operations').then(({ isSubscription }) => {
          if (!isSubscription(body.query, body.operationName)) return sendHttp();
          store.clear(tabId);
          start(tabId, request, activePath);
        });
        return;
      }
      sendHttp();
    },
    [activeId, activePath, releaseRun, start, store],
  );
  const cancel = useCallback(() => store.cancel(activeId), [store, activeId]);
  const refuse = useCallback(
    (reason: string | null) => {
      if (reason !== null) setOverlay(null);
      store.refuse(activeId, reason);
    },
    [store, activeId],
  );
  const openEntry = useCallback((id: number) => setOverlay({ tabId: activeId, view: { kind: 'entry', id } }), [activeId]);
  const compare = useCallback((ids: [number, number]) => setOverlay({ tabId: activeId, view: { kind: 'compare', ids } }), [activeId]);
  const closeOverlay = useCallback(() => setOverlay(null), []);

  return {
    store,
    subscriptions,
    activeId,
    send,
    cancel,
    refuse,
    overlay: overlay && overlay.tabId === activeId ? overlay.view : null,
    openEntry,
    compare,
    closeOverlay,
  };
}
