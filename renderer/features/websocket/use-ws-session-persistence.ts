import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { WsRequestSpecInput, WsSessionTab } from '../../../shared/contract';
import { call } from '../../lib/bridge';
import type { WsSessionStore } from './session-store';

const SAVE_DELAY_MS = 400;

/** What a tab's form holds now, as its panel reports it. */
export interface WsTabSnapshot {
  request: WsRequestSpecInput;
  draft: WsSessionTab['draft'];
}

interface PersistedTab {
  id: string;
  /** restored from the session and not yet reported by its panel (its file is still being read) */
  restored?: WsSessionTab;
}

const isLive = (state: string | undefined) => state === 'open' || state === 'connecting' || state === 'reconnecting';

/**
 * Writes the open WebSocket tabs to the session (a moment after the last change): each tab's form and message
 * draft, its file, whether it was connected, and which tab is active. Returns what panels report their form with.
 */
export function useWsSessionPersistence(options: {
  tabs: readonly PersistedTab[];
  active: string;
  titles: Record<string, string>;
  files: Record<string, { path: string }>;
  store: WsSessionStore;
}): (id: string, snapshot: WsTabSnapshot) => void {
  const { tabs, active, titles, files, store } = options;
  const snapshots = useRef(new Map<string, WsTabSnapshot>());
  const [reported, setReported] = useState(0);
  const report = useCallback((id: string, snapshot: WsTabSnapshot) => {
    snapshots.current.set(id, snapshot);
    setReported((n) => n + 1);
  }, []);
  // which tabs are connected, as one string: a connect or a disconnect is saved too, a message is not
  const live = useSyncExternalStore(store.subscribe, () => tabs.map((tab) => (isLive(store.getView(tab.id)?.state) ? '1' : '0')).join(''));

  useEffect(() => {
    const timer = setTimeout(() => {
      const saved: WsSessionTab[] = [];
      for (const [index, tab] of tabs.entries()) {
        const snapshot = snapshots.current.get(tab.id) ?? tab.restored;
        if (!snapshot) continue;
        saved.push({
          id: tab.id,
          path: files[tab.id]?.path ?? null,
          name: (titles[tab.id] ?? 'New connection').slice(0, 200),
          request: snapshot.request as WsSessionTab['request'],
          draft: snapshot.draft,
          connected: live[index] === '1',
        });
      }
      for (const id of [...snapshots.current.keys()]) if (!tabs.some((tab) => tab.id === id)) snapshots.current.delete(id);
      void call('workspace.saveWsSession', { tabs: saved, activeId: active }).catch(() => undefined);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tabs, active, titles, files, reported, live]);

  return report;
}
