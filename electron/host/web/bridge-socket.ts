import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  bytesFieldOf,
  dispatch,
  encodeBytesFrame,
  fail,
  webCallSchema,
  type EventName,
  type MethodHandlers,
  type Result,
  type WebReply,
} from '../../../shared/contract';
import { createWsSessionKeeper, wsSessionOf, WS_RELOAD_GRACE_MS } from './ws-session-keeper';

/** Request bodies may carry a picked file (up to 200 MiB, base64) in a single http.send call. */
const MAX_BRIDGE_MESSAGE_BYTES = 300 * 1024 * 1024;

export interface BridgeSockets {
  /** Completes an already-authenticated upgrade. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  broadcast(event: EventName, payload: unknown): void;
  readonly clientCount: number;
  close(): void;
}

function idOf(value: unknown): number | null {
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return id;
  }
  return null;
}

function requestIdOf(method: string, input: unknown): string | null {
  if (method !== 'http.send' || !input || typeof input !== 'object') return null;
  const requestId = (input as { requestId?: unknown }).requestId;
  return typeof requestId === 'string' ? requestId : null;
}

/**
 * The contract over WebSocket. Every call goes through the shared dispatch(), exactly as over Electron IPC.
 * A message that is not a call gets a typed INVALID_INPUT reply when it names an id, and is dropped otherwise.
 */
export function createBridgeSockets(
  handlers: MethodHandlers,
  onInternalError: (error: unknown) => void,
  options: { wsReloadGraceMs?: number } = {},
): BridgeSockets {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_BRIDGE_MESSAGE_BYTES, perMessageDeflate: false });
  const clients = new Set<WebSocket>();
  const wsSessions = createWsSessionKeeper(
    (sessionId) => void dispatch(handlers, 'ws.close', { sessionId }, onInternalError),
    options.wsReloadGraceMs ?? WS_RELOAD_GRACE_MS,
  );

  const send = (socket: WebSocket, reply: WebReply | Uint8Array) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    try {
      socket.send(reply instanceof Uint8Array ? reply : JSON.stringify(reply));
    } catch (error) {
      onInternalError(error);
    }
  };

  // An answer holding bytes (body.read) goes as one binary frame; JSON would turn them into base64 or worse.
  const reply = (socket: WebSocket, id: number, result: Result<unknown>) => {
    const field = result.ok ? bytesFieldOf(result.value) : null;
    send(socket, field !== null && result.ok ? encodeBytesFrame(id, result.value as Record<string, unknown>, field) : { type: 'result', id, result });
  };

  const onConnection = (socket: WebSocket) => {
    clients.add(socket);
    // Requests this page started: a closed or reloaded tab should not leave downloads running in the background.
    const inFlight = new Set<string>();
    // Response bodies this page was given and has not released: released for it when it goes away. (The
    // body.release handler waits until history has copied a body, so this cannot race the history capture.)
    const heldBodies = new Set<string>();
    let open = true;
    const releaseBody = (bodyId: string) => void dispatch(handlers, 'body.release', { bodyId }, onInternalError);

    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawText(data));
      } catch {
        return;
      }
      const call = webCallSchema.safeParse(parsed);
      if (!call.success) {
        const id = idOf(parsed);
        if (id !== null) reply(socket, id, fail('INVALID_INPUT', 'The message was not a valid call.'));
        return;
      }
      const { id, method, input } = call.data;
      const requestId = requestIdOf(method, input);
      if (requestId) inFlight.add(requestId);
      const released = releasedBodyIdOf(method, input);
      if (released) heldBodies.delete(released);
      const wsSession = wsSessionOf(method, input);
      if (wsSession?.claims) wsSessions.claim(socket, wsSession.sessionId);
      else if (wsSession) wsSessions.forget(socket, wsSession.sessionId);
      void dispatch(handlers, method, input, onInternalError).then((result) => {
        if (requestId) inFlight.delete(requestId);
        const bodyId = sentBodyIdOf(method, result);
        if (bodyId) {
          if (open) heldBodies.add(bodyId);
          else releaseBody(bodyId);
        }
        reply(socket, id, result);
      });
    });
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      clients.delete(socket);
      open = false;
      // the page is gone (closed, reloaded, or Courier stopping): a live event stream it had open keeps what arrived
      for (const requestId of inFlight) void dispatch(handlers, 'http.cancel', { requestId, reason: 'window-closed' }, onInternalError);
      inFlight.clear();
      for (const bodyId of heldBodies) releaseBody(bodyId);
      heldBodies.clear();
      wsSessions.orphan(socket);
    });
  };

  return {
    accept(request, socket, head) {
      server.handleUpgrade(request, socket, head, onConnection);
    },
    broadcast(event, payload) {
      for (const socket of clients) send(socket, { type: 'event', event, payload });
    },
    get clientCount() {
      return clients.size;
    },
    close() {
      for (const socket of clients) socket.terminate();
      clients.clear();
      wsSessions.close();
      server.close();
    },
  };
}

/** The engine body an http.send answer handed to the page, which the page must release when done with it. */
function sentBodyIdOf(method: string, result: Result<unknown>): string | null {
  if (method !== 'http.send' || !result.ok) return null;
  const body = (result.value as { body?: { id?: unknown } } | null)?.body;
  return typeof body?.id === 'string' ? body.id : null;
}

function releasedBodyIdOf(method: string, input: unknown): string | null {
  if (method !== 'body.release' || !input || typeof input !== 'object') return null;
  const bodyId = (input as { bodyId?: unknown }).bodyId;
  return typeof bodyId === 'string' ? bodyId : null;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
