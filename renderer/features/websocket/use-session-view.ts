import { useCallback, useSyncExternalStore } from 'react';
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

/** One session's view, re-rendered at most once per frame. */
export function useSessionView(store: WsSessionStore, sessionId: string): SessionView {
  const getSnapshot = useCallback(() => store.getView(sessionId) ?? EMPTY, [store, sessionId]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}

/** Only the session's state: a component that needs nothing else is not re-rendered for every batch of messages. */
export function useSessionState(store: WsSessionStore, sessionId: string): SessionView['state'] {
  const getSnapshot = useCallback(() => store.getView(sessionId)?.state ?? 'idle', [store, sessionId]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}
