import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { SessionView, WsSessionStore } from './session-store';

const EMPTY: SessionView = {
  state: 'idle',
  handshake: null,
  rejected: null,
  closed: null,
  error: null,
  reconnect: null,
  lost: false,
  messages: [],
  dropped: 0,
  cap: 0,
  version: 0,
};

/**
 * One session's view, re-rendered at most once per frame. Before the first Connect there is no view yet: `cap` is the
 * log cap the connection's settings will apply, so the log says what it will keep rather than "keeps 0".
 */
export function useSessionView(store: WsSessionStore, sessionId: string, cap: number): SessionView {
  const empty = useMemo(() => ({ ...EMPTY, cap }), [cap]);
  const getSnapshot = useCallback(() => store.getView(sessionId) ?? empty, [store, sessionId, empty]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}

/** Only the session's state: a component that needs nothing else is not re-rendered for every batch of messages. */
export function useSessionState(store: WsSessionStore, sessionId: string): SessionView['state'] {
  const getSnapshot = useCallback(() => store.getView(sessionId)?.state ?? 'idle', [store, sessionId]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}
