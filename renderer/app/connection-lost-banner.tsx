import { useSyncExternalStore } from 'react';
import { connectionStatus } from '../lib/bridge';
import { lostConnectionMessage, type ConnectionStatus } from '../lib/connection-status';

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(connectionStatus.subscribe, connectionStatus.get);
}

/**
 * Web mode: the page no longer reaches Courier (stopped, or restarted under a new address). Said once for the whole
 * window, since every action would fail the same way; it goes when the connection comes back.
 */
export function ConnectionLostBanner() {
  const status = useConnectionStatus();
  if (status.kind !== 'lost') return null;
  return (
    <div className="app-connection-lost" role="alert">
      {lostConnectionMessage(status.reason)}
    </div>
  );
}
