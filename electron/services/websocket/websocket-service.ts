import { CourierError, type WsEvent, type WsEventBatch, type WsHandshake, type WsMessage, type WsRequestSpec, type WsState } from '../../../shared/contract';
import { createEventBatcher, type EventBatcherOptions } from './event-batcher';
import { redactCourierError, redactHandshake, redactWsEvent } from './redact-ws';
import { WsSession } from './session';

interface WebSocketServiceOptions {
  /** batches of events per session (see event-batcher.ts for when they leave) */
  onEvents: (batch: WsEventBatch) => void;
  /** checked after DNS, before connecting; true → SELF_REQUEST_REFUSED (web mode refuses its own port) */
  isRefusedAddress?: (address: string, port: number) => boolean;
  userAgent: string;
  /** PEM certificates trusted in addition to the system roots */
  extraCaCertificates?: string[];
  batching?: EventBatcherOptions;
}

export interface WebSocketService {
  /**
   * Opens a session (replacing one with the same id); rejects only with a CourierError. `secrets`: the plain values
   * the handshake carries, masked in everything the session reports except message payloads.
   */
  connect(sessionId: string, spec: WsRequestSpec, secrets?: readonly string[]): Promise<WsHandshake>;
  send(sessionId: string, kind: 'text' | 'json' | 'binary', data: string): Promise<{ seq: number; size: number }>;
  ping(sessionId: string): void;
  /** Disconnect and forget; false when there was no such session. */
  disconnect(sessionId: string, code?: number, reason?: string): boolean;
  log(sessionId: string): { messages: WsMessage[]; dropped: number };
  /**
   * Where a session stands now, with its (masked) handshake; null when there is no such session. A window that
   * reloaded re-attaches its tabs with this: the connection lives here, not in the window.
   */
  status(sessionId: string): { state: WsState; handshake: WsHandshake | null } | null;
  close(): Promise<void>;
}

export function createWebSocketService(options: WebSocketServiceOptions): WebSocketService {
  const batcher = createEventBatcher(options.onEvents, options.batching);
  const sessions = new Map<string, WsSession>();
  // the newest state and handshake of each session, as reported (masked), for status()
  const standing = new Map<string, { state: WsState; handshake: WsHandshake | null }>();
  let closed = false;

  const track = (sessionId: string, event: WsEvent): void => {
    const now = standing.get(sessionId) ?? { state: 'connecting', handshake: null };
    if (event.type === 'state') standing.set(sessionId, { ...now, state: event.state });
    else if (event.type === 'handshake') standing.set(sessionId, { ...now, handshake: event.handshake });
  };

  const session = (sessionId: string): WsSession => {
    const found = sessions.get(sessionId);
    if (!found) throw new CourierError('WS_SESSION_NOT_FOUND', 'This connection is no longer open. Connect again.', sessionId);
    return found;
  };

  return {
    async connect(sessionId, spec, secrets = []) {
      if (closed) throw new CourierError('INTERNAL', 'Courier is shutting down; the connection was not opened.');
      sessions.get(sessionId)?.close();
      standing.set(sessionId, { state: 'connecting', handshake: null });
      try {
        // The constructor parses the URL: an INVALID_URL quotes it.
        const created: WsSession = new WsSession(spec, {
          emit: (event) => {
            const shown = redactWsEvent(event, secrets);
            // a replaced session's last events must not overwrite its successor's standing
            if (sessions.get(sessionId) === created) track(sessionId, shown);
            batcher.push(sessionId, shown);
          },
          flush: () => batcher.flushNow(),
          isRefusedAddress: options.isRefusedAddress,
          userAgent: options.userAgent,
          extraCaCertificates: options.extraCaCertificates,
        });
        sessions.set(sessionId, created);
        return redactHandshake(await created.connect(), secrets);
      } catch (error) {
        throw error instanceof CourierError ? redactCourierError(error, secrets) : error;
      } finally {
        // The log (and the rejected response, if any) reaches the renderer before the call's answer.
        batcher.flushNow();
      }
    },
    send: async (sessionId, kind, data) => session(sessionId).send(kind, data),
    ping: (sessionId) => session(sessionId).ping(),
    disconnect(sessionId, code, reason) {
      const found = sessions.get(sessionId);
      if (!found) return false;
      sessions.delete(sessionId);
      standing.delete(sessionId);
      found.close(code, reason);
      return true;
    },
    log: (sessionId) => session(sessionId).messages(),
    status: (sessionId) => (sessions.has(sessionId) ? (standing.get(sessionId) ?? null) : null),
    async close() {
      if (closed) return;
      closed = true;
      for (const open of sessions.values()) open.close(1001, 'Courier is shutting down');
      sessions.clear();
      standing.clear();
      batcher.close();
    },
  };
}
