/**
 * Web mode only: the page talks to the loopback host over one WebSocket. When that socket fails, the browser does
 * not say why (a refused upgrade looks like a dead server), so the bridge asks the host once over plain HTTP: no
 * answer means Courier is not running; 401/403 means it is running but no longer knows this page's token (it
 * restarted, and printed a new address).
 */
export type ConnectionLoss = 'token-refused' | 'unreachable';
export type ConnectionStatus = { kind: 'connected' } | { kind: 'lost'; reason: ConnectionLoss };

/** What a probe of the page's address (HEAD) says: null when the host answers and the token is good. */
export function lossFromProbe(outcome: { status: number } | 'no-answer'): ConnectionLoss | null {
  if (outcome === 'no-answer') return 'unreachable';
  return outcome.status === 401 || outcome.status === 403 ? 'token-refused' : null;
}

/** The sentence for a page-wide banner and for a call that failed for the same reason. */
export function lostConnectionMessage(reason: ConnectionLoss): string {
  return reason === 'token-refused'
    ? 'Lost the connection to Courier — if it restarted, open the new address it printed. This page’s address belongs to the earlier run.'
    : 'Lost the connection to Courier — it is not running. Start it again (npm run web) and open the new address it prints.';
}

/** What the probe asks for: the page's own folder under the secret path (200 while the token is good, else 401). */
export function probeUrl(pageHref: string): string {
  const url = new URL('./', pageHref);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** A tiny observable for the app's banner and top bar (useSyncExternalStore). */
export function createConnectionStatusStore() {
  let status: ConnectionStatus = { kind: 'connected' };
  const listeners = new Set<() => void>();
  return {
    get: (): ConnectionStatus => status,
    set(next: ConnectionStatus): void {
      if (next.kind === status.kind && (next.kind === 'connected' || (status.kind === 'lost' && status.reason === next.reason))) return;
      status = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
