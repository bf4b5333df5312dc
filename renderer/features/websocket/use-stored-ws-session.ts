import { useEffect, useState } from 'react';
import type { WsWorkspaceSession } from '../../../shared/contract';
import { call } from '../../lib/bridge';

/**
 * The WebSocket tabs of the last session, read once at start: undefined while reading, null when there are none
 * (or they could not be read). The WebSocket view mounts only after this, so it never starts blank and overwrites them.
 */
export function useStoredWsSession(): WsWorkspaceSession | null | undefined {
  const [session, setSession] = useState<WsWorkspaceSession | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    call('workspace.wsSession', {}).then(
      (stored) => live && setSession(stored.tabs.length > 0 ? stored : null),
      () => live && setSession(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return session;
}
