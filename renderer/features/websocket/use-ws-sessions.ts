import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { SavedWebSocket, WsRequestSpecInput, WsSessionTab, WsWorkspaceSession } from '../../../shared/contract';
import { WS_DEFAULT_SETTINGS } from '../../../shared/contract/values';
import { bridge } from '../../lib/bridge';
import { movedPath } from '../../../shared/workspace';
import { WsSessionStore } from './session-store';
import { useWsSessionPersistence } from './use-ws-session-persistence';
import { useWsRestore } from './use-ws-restore';

export interface SessionTab {
  id: string;
  /** the URL the tab was opened with; the tab's own form holds what is typed since */
  initialUrl: string;
  /** opened from a WebSocket request file: what the form starts with (its messages included) */
  saved?: SavedWebSocket;
  /** brought back from the session after a reload or restart: the form as it was, message draft included */
  restored?: WsSessionTab;
  /** its request file is being read; the panel waits for it */
  loading?: boolean;
}

/** The request file a tab edits, once it has one (opened from the tree or saved with "Save as"). */
export interface SessionFile {
  path: string;
  name: string;
}

function newSessionId(): string {
  return `ws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The open WebSocket tabs and the one store their events go to. Connect, send and close are plain bridge calls;
 * their results (and every message) come back on 'ws.events'.
 */
export function useWsSessions(restored: WsWorkspaceSession | null = null) {
  const [store] = useState(() => new WsSessionStore());
  const [tabs, setTabs] = useState<SessionTab[]>(() =>
    restored && restored.tabs.length > 0
      ? restored.tabs.map((tab) => ({ id: tab.id, initialUrl: tab.request.url, restored: tab, loading: tab.path !== null }))
      : [{ id: newSessionId(), initialUrl: '' }],
  );
  const [active, setActive] = useState<string>(() => tabs.find((tab) => tab.id === restored?.activeId)?.id ?? tabs[0]?.id ?? '');
  // Titles change on Connect (not on every keystroke), so typing in one tab never re-renders the others.
  const [titles, setTitles] = useState<Record<string, string>>(() => Object.fromEntries((restored?.tabs ?? []).map((tab) => [tab.id, tab.name])));
  const rename = useCallback((id: string, title: string) => setTitles((current) => ({ ...current, [id]: title })), []);
  const [files, setFiles] = useState<Record<string, SessionFile>>(() =>
    Object.fromEntries((restored?.tabs ?? []).flatMap((tab) => (tab.path === null ? [] : [[tab.id, { path: tab.path, name: tab.name }]]))),
  );
  const filesRef = useRef(files);
  useEffect(() => {
    filesRef.current = files;
  });
  const setFile = useCallback(
    (id: string, file: SessionFile) => {
      setFiles((current) => ({ ...current, [id]: file }));
      rename(id, file.name);
    },
    [rename],
  );

  useEffect(() => bridge.subscribe('ws.events', (batch) => store.apply(batch)), [store]);

  // Connections live in the main process: a reload re-attaches to them (useWsRestore), and web mode closes the ones
  // no page takes back (electron/host/web/ws-session-keeper.ts). Unmounting the view closes them, best effort.
  const tabsRef = useRef(tabs);
  useEffect(() => {
    tabsRef.current = tabs;
  });
  useEffect(
    () => () => {
      for (const tab of tabsRef.current) void bridge.invoke('ws.close', { sessionId: tab.id }).catch(() => undefined);
    },
    [],
  );
  useWsRestore(restored, store, setTabs, setFiles);
  const report = useWsSessionPersistence({ tabs, active, titles, files, store });
  const openCount = useSyncExternalStore(store.subscribe, () => tabs.filter((tab) => store.getView(tab.id)?.state === 'open').length);

  const open = useCallback((initialUrl = '') => {
    const id = newSessionId();
    setTabs((current) => [...current, { id, initialUrl }]);
    setActive(id);
    return id;
  }, []);

  /** Tabs whose file was renamed or moved in the tree (itself or a folder above it) keep saving to it. */
  const followMove = useCallback(
    (from: string, to: string, name?: string) => {
      for (const [id, file] of Object.entries(filesRef.current)) {
        const next = movedPath(file.path, from, to);
        if (next !== null) setFile(id, { path: next, name: file.path === from && name ? name : file.name });
      }
    },
    [setFile],
  );

  /** A saved WebSocket request: its tab again when it is open already, else a new tab filled from the file. */
  const openSaved = useCallback(
    (saved: SavedWebSocket) => {
      const existing = Object.entries(filesRef.current).find(([, file]) => file.path === saved.path)?.[0];
      if (existing && tabsRef.current.some((tab) => tab.id === existing)) {
        setActive(existing);
        return existing;
      }
      const id = newSessionId();
      setTabs((current) => [...current, { id, initialUrl: saved.request.url, saved }]);
      setFile(id, { path: saved.path, name: saved.name });
      setActive(id);
      return id;
    },
    [setFile],
  );

  const closeTab = useCallback(
    (id: string) => {
      void bridge.invoke('ws.close', { sessionId: id }).catch(() => undefined);
      store.remove(id);
      setTabs((current) => {
        const index = current.findIndex((tab) => tab.id === id);
        const next = current.filter((tab) => tab.id !== id);
        if (next.length === 0) {
          const fresh = { id: newSessionId(), initialUrl: '' };
          setActive(fresh.id);
          return [fresh];
        }
        setActive((was) => (was === id ? (next[Math.max(0, index - 1)] as SessionTab).id : was));
        return next;
      });
    },
    [store],
  );

  const connect = useCallback(
    async (sessionId: string, request: WsRequestSpecInput) => {
      store.resetStatus(sessionId, request.settings?.logCap ?? WS_DEFAULT_SETTINGS.logCap);
      // a request saved in a collection connects with its collection's and folders' headers and auth, as HTTP sends do
      const workspacePath = filesRef.current[sessionId]?.path;
      const result = await bridge.invoke('ws.connect', { sessionId, request, ...(workspacePath ? { workspacePath } : {}) });
      if (!result.ok) store.setError(sessionId, result.error);
      return result;
    },
    [store],
  );

  const disconnect = useCallback((sessionId: string) => {
    void bridge.invoke('ws.close', { sessionId }).catch(() => undefined);
  }, []);

  return { disconnect, store, tabs, titles, rename, files, setFile, followMove, active, setActive, open, openSaved, closeTab, connect, report, openCount };
}
export type WsSessions = ReturnType<typeof useWsSessions>;
