import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { bridge, call } from '../../lib/bridge';
import type { ExecutionState } from '../../lib/execution-state';
import { listenForLiveSse, liveSseEvents } from '../response-viewer';
import { createExecutionStore, type ExecutionStore } from './execution-store';
import { createRequestId } from './request-id';
import { toBridgeError } from './to-bridge-error';

/** The window's execution store, wired to the bridge: one per App, everything cancelled and released on unmount. */
export function useExecutionStore(): ExecutionStore {
  const [store] = useState(() =>
    createExecutionStore({
      send: (input) => call('http.send', input),
      cancel: (requestId) => void bridge.invoke('http.cancel', { requestId }).catch(() => undefined),
      // Fire and forget: a body that is already gone is not worth telling the user about.
      releaseBody: (bodyId) => void bridge.invoke('body.release', { bodyId }).catch(() => undefined),
      newRequestId: createRequestId,
      toError: toBridgeError,
      now: () => Date.now(),
      // Progress events can arrive far faster than frames: the states change at most once per frame.
      requestFrame: (callback) => requestAnimationFrame(callback),
      cancelFrame: (handle) => cancelAnimationFrame(handle),
      // An event stream's live events are kept per send, from its first batch until it ends.
      sendStarted: liveSseEvents.begin,
      sendEnded: liveSseEvents.end,
    }),
  );
  useEffect(() => {
    const unsubscribe = bridge.subscribe('http.progress', store.progress);
    const stopLiveSse = listenForLiveSse();
    return () => {
      unsubscribe();
      stopLiveSse();
      store.dispose();
    };
  }, [store]);
  return store;
}

/** One tab's execution state; re-renders only when that tab's state changes. */
export function useTabExecutionState(store: ExecutionStore, tabId: string): ExecutionState {
  const subscribe = useCallback((listener: () => void) => store.subscribe(tabId, listener), [store, tabId]);
  return useSyncExternalStore(subscribe, () => store.state(tabId));
}

/** The response section (Body, Headers…) the user chose in one tab; kept across that tab's sends. */
export function useTabResponseSection(store: ExecutionStore, tabId: string): [string | null, (section: string) => void] {
  const subscribe = useCallback((listener: () => void) => store.subscribe(tabId, listener), [store, tabId]);
  const section = useSyncExternalStore(subscribe, () => store.section(tabId));
  const choose = useCallback((next: string) => store.setSection(tabId, next), [store, tabId]);
  return [section, choose];
}

/** Why the tab's last Send did not go, until its next send (null: it went, or none was refused). */
export function useTabRefusal(store: ExecutionStore, tabId: string): string | null {
  const subscribe = useCallback((listener: () => void) => store.subscribe(tabId, listener), [store, tabId]);
  return useSyncExternalStore(subscribe, () => store.refusal(tabId));
}
