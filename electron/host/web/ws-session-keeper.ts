/**
 * WebSocket sessions outlive the page that opened them for a short while: a reload (same page, new bridge socket)
 * takes them back with ws.attach and the log goes on; a page that never comes back (its browser tab closed) must
 * not leave them open until the server stops, so they are closed once the grace period ends unclaimed.
 */
export const WS_RELOAD_GRACE_MS = 30_000;

interface WsSessionKeeper {
  /** a page connected or re-attached the session: it is that page's now */
  claim(owner: object, sessionId: string): void;
  /** the page closed it itself */
  forget(owner: object, sessionId: string): void;
  /** the page went away: its sessions wait for another page to claim them */
  orphan(owner: object): void;
  close(): void;
}

export function createWsSessionKeeper(closeSession: (sessionId: string) => void, graceMs = WS_RELOAD_GRACE_MS): WsSessionKeeper {
  const owned = new Map<object, Set<string>>();
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();

  return {
    claim(owner, sessionId) {
      clearTimeout(waiting.get(sessionId));
      waiting.delete(sessionId);
      for (const [other, ids] of owned) if (other !== owner) ids.delete(sessionId);
      const ids = owned.get(owner) ?? new Set<string>();
      ids.add(sessionId);
      owned.set(owner, ids);
    },
    forget(owner, sessionId) {
      owned.get(owner)?.delete(sessionId);
    },
    orphan(owner) {
      for (const sessionId of owned.get(owner) ?? []) {
        clearTimeout(waiting.get(sessionId));
        const timer = setTimeout(() => {
          waiting.delete(sessionId);
          closeSession(sessionId);
        }, graceMs);
        timer.unref?.();
        waiting.set(sessionId, timer);
      }
      owned.delete(owner);
    },
    close() {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
      owned.clear();
    },
  };
}

/** The session a call is about, for the methods that give a page a session or take it away. */
export function wsSessionOf(method: string, input: unknown): { sessionId: string; claims: boolean } | null {
  if (method !== 'ws.connect' && method !== 'ws.attach' && method !== 'ws.close') return null;
  const sessionId = input && typeof input === 'object' ? (input as { sessionId?: unknown }).sessionId : undefined;
  return typeof sessionId === 'string' ? { sessionId, claims: method !== 'ws.close' } : null;
}
