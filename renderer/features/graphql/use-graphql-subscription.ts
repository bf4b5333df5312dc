import { useCallback, useEffect, useRef, useState } from 'react';
import type { BridgeError, GraphqlSubscriptionItem, HttpRequestSpec } from '../../../shared/contract';
import { bridge, BridgeCallError, call } from '../../lib/bridge';

/** The newest results kept on screen; older ones are dropped (and counted) so a long run cannot grow without end. */
const MAX_ITEMS = 5_000;
const ENDING_KINDS: ReadonlySet<GraphqlSubscriptionItem['kind']> = new Set(['complete', 'error', 'closed']);

export interface SubscriptionRun {
  id: string;
  request: HttpRequestSpec;
  /** the saved request's file it was started for (Retry inherits the same collection settings) */
  workspacePath: string | null;
  items: GraphqlSubscriptionItem[];
  dropped: number;
  running: boolean;
  /** the subscription could not start (bad variables, bad URL) */
  startError: string | null;
  /** the bridge error behind startError (ENV_NOT_ALLOWED offers Allow) */
  startFailure: BridgeError | null;
}

export interface GraphqlSubscriptions {
  /** the run that belongs to a request tab, if it started one */
  runOf(key: string): SubscriptionRun | null;
  /** starts a subscription for the tab, stopping the tab's previous one */
  start(key: string, request: HttpRequestSpec, workspacePath?: string | null): void;
  /** stops the tab's subscription; its log stays on screen */
  stop(key: string): void;
  /** stops the tab's subscription and forgets its log (the tab closed, or sent something else) */
  release(key: string): void;
  /** releases every tab not in the list */
  retainOnly(keys: Iterable<string>): void;
}

const unsubscribe = (id: string): void => void call('graphql.unsubscribe', { subscriptionId: id }).catch(() => undefined);

/**
 * GraphQL subscriptions, one per request tab at most: start, stop, and each tab's results as they stream in. A run
 * belongs to the tab that started it, so switching tabs shows that tab's own log, and closing a tab stops its run.
 */
export function useGraphqlSubscriptions(): GraphqlSubscriptions {
  const [runs, setRuns] = useState<ReadonlyMap<string, SubscriptionRun>>(() => new Map());
  // key → id of the subscription that may still change that key's run; read by event handlers without re-subscribing
  const currentRef = useRef(new Map<string, string>());

  const update = useCallback((key: string, id: string, change: (run: SubscriptionRun) => SubscriptionRun) => {
    setRuns((current) => {
      const run = current.get(key);
      if (!run || run.id !== id) return current;
      const next = new Map(current);
      next.set(key, change(run));
      return next;
    });
  }, []);

  useEffect(
    () =>
      bridge.subscribe('graphql.subscription', (event) => {
        const key = [...currentRef.current].find(([, id]) => id === event.subscriptionId)?.[0];
        if (key === undefined) return;
        update(key, event.subscriptionId, (run) => {
          const all = [...run.items, ...event.items];
          const over = Math.max(0, all.length - MAX_ITEMS);
          const ended = event.items.some((item) => ENDING_KINDS.has(item.kind));
          return { ...run, items: over > 0 ? all.slice(over) : all, dropped: run.dropped + over, running: run.running && !ended };
        });
      }),
    [update],
  );

  const stop = useCallback(
    (key: string) => {
      const id = currentRef.current.get(key);
      if (!id) return;
      currentRef.current.delete(key);
      update(key, id, (run) => ({ ...run, running: false }));
      unsubscribe(id);
    },
    [update],
  );

  const release = useCallback(
    (key: string) => {
      stop(key);
      setRuns((current) => {
        if (!current.has(key)) return current;
        const next = new Map(current);
        next.delete(key);
        return next;
      });
    },
    [stop],
  );

  const start = useCallback(
    (key: string, request: HttpRequestSpec, workspacePath: string | null = null) => {
      stop(key);
      const id = `gql-${crypto.randomUUID()}`;
      currentRef.current.set(key, id);
      setRuns((current) =>
        new Map(current).set(key, { id, request, workspacePath, items: [], dropped: 0, running: true, startError: null, startFailure: null }),
      );
      call('graphql.subscribe', { subscriptionId: id, request, ...(workspacePath ? { workspacePath } : {}) }).catch((error: Error) => {
        const startFailure = error instanceof BridgeCallError ? error.error : null;
        update(key, id, (run) => ({ ...run, running: false, startError: error.message, startFailure }));
      });
    },
    [stop, update],
  );

  const retainOnly = useCallback(
    (keys: Iterable<string>) => {
      const keep = new Set(keys);
      const gone = new Set([...currentRef.current.keys()].filter((key) => !keep.has(key)));
      for (const key of gone) stop(key);
      setRuns((current) => {
        const stale = [...current.keys()].filter((key) => !keep.has(key));
        if (stale.length === 0) return current;
        const next = new Map(current);
        for (const key of stale) next.delete(key);
        return next;
      });
    },
    [stop],
  );

  // Leaving the window (or remounting) must not leave a subscription running in the main process.
  useEffect(() => {
    const current = currentRef.current;
    return () => {
      for (const id of current.values()) unsubscribe(id);
      current.clear();
    };
  }, []);

  const runOf = useCallback((key: string) => runs.get(key) ?? null, [runs]);
  return { runOf, start, stop, release, retainOnly };
}
