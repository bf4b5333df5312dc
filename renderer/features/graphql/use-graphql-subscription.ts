import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphqlSubscriptionItem, HttpRequestSpec } from '../../../shared/contract';
import { bridge, call } from '../../lib/bridge';

/** The newest results kept on screen; older ones are dropped (and counted) so a long run cannot grow without end. */
const MAX_ITEMS = 5_000;
const ENDING_KINDS: ReadonlySet<GraphqlSubscriptionItem['kind']> = new Set(['complete', 'error', 'closed']);

export interface SubscriptionRun {
  id: string;
  request: HttpRequestSpec;
  items: GraphqlSubscriptionItem[];
  dropped: number;
  running: boolean;
  /** the subscription could not start (bad variables, bad URL) */
  startError: string | null;
}

/** One GraphQL subscription at a time for the window: start, stop, and its results as they stream in. */
export function useGraphqlSubscription() {
  const [run, setRun] = useState<SubscriptionRun | null>(null);
  const currentRef = useRef<string | null>(null);

  useEffect(
    () =>
      bridge.subscribe('graphql.subscription', (event) => {
        if (event.subscriptionId !== currentRef.current) return;
        setRun((current) => {
          if (!current || current.id !== event.subscriptionId) return current;
          const all = [...current.items, ...event.items];
          const over = Math.max(0, all.length - MAX_ITEMS);
          const ended = event.items.some((item) => ENDING_KINDS.has(item.kind));
          return { ...current, items: over > 0 ? all.slice(over) : all, dropped: current.dropped + over, running: current.running && !ended };
        });
      }),
    [],
  );

  const stop = useCallback(() => {
    const id = currentRef.current;
    if (!id) return;
    setRun((current) => (current && current.id === id ? { ...current, running: false } : current));
    void call('graphql.unsubscribe', { subscriptionId: id }).catch(() => undefined);
  }, []);

  const start = useCallback(
    (request: HttpRequestSpec) => {
      stop();
      const id = `gql-${crypto.randomUUID()}`;
      currentRef.current = id;
      setRun({ id, request, items: [], dropped: 0, running: true, startError: null });
      call('graphql.subscribe', { subscriptionId: id, request }).catch((error: Error) => {
        setRun((current) => (current && current.id === id ? { ...current, running: false, startError: error.message } : current));
      });
    },
    [stop],
  );

  // Leaving the window (or remounting) must not leave a subscription running in the main process.
  useEffect(
    () => () => {
      const id = currentRef.current;
      if (id) void call('graphql.unsubscribe', { subscriptionId: id }).catch(() => undefined);
    },
    [],
  );

  return { run, start, stop };
}
