import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { WsWorkspaceSession } from '../../../shared/contract';
import { call } from '../../lib/bridge';
import type { WsSessionStore } from './session-store';
import type { SessionFile, SessionTab } from './use-ws-sessions';

const isLive = (state: string) => state === 'open' || state === 'connecting' || state === 'reconnecting';

/**
 * Brings restored tabs back to life, once: a tab whose connection the main process still holds re-attaches to it
 * (its log goes on); one that was connected and is gone says so and waits for Connect (never connects by itself);
 * a tab with a file reads it again (its saved messages), and becomes unsaved if the file is gone.
 */
export function useWsRestore(
  restored: WsWorkspaceSession | null,
  store: WsSessionStore,
  setTabs: Dispatch<SetStateAction<SessionTab[]>>,
  setFiles: Dispatch<SetStateAction<Record<string, SessionFile>>>,
): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !restored) return;
    done.current = true;
    for (const tab of restored.tabs) {
      const cap = tab.request.settings.logCap;
      // ensure() first: events of a still-open session that arrive before the answer are kept, not dropped
      store.ensure(tab.id, cap);
      call('ws.attach', { sessionId: tab.id }).then(
        ({ session }) => {
          if (session && isLive(session.state)) store.attach(tab.id, cap, session);
          else if (tab.connected) store.markLost(tab.id, cap);
        },
        () => tab.connected && store.markLost(tab.id, cap),
      );
      if (tab.path === null) continue;
      const update = (change: Partial<SessionTab>) => setTabs((current) => current.map((t) => (t.id === tab.id ? { ...t, ...change } : t)));
      call('workspace.readWebSocket', { path: tab.path }).then(
        (saved) => update({ saved, loading: false }),
        () => {
          setFiles(({ [tab.id]: _gone, ...rest }) => rest);
          update({ loading: false });
        },
      );
    }
  }, [restored, store, setTabs, setFiles]);
}
