import type { BridgeError, CourierBridge, EventName, EventPayload, MethodInputArg, MethodName, MethodOutput, Result } from '../../shared/contract';
// the hand-written check, not webReplySchema: the schema would load zod and the whole contract before the first paint
import { parseWebReply } from '../../shared/contract/web-reply';
import { decodeBytesFrame } from '../../shared/contract/web-bytes-frame';
import { createConnectionStatusStore, lossFromProbe, lostConnectionMessage, probeUrl, type ConnectionLoss } from './connection-status';
import { webBridgeUrl } from './web-bridge-url';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    courier?: CourierBridge;
  }
}

/** A failed call, thrown by `call` so TanStack Query sees an error; the bridge error travels with it. */
export class BridgeCallError extends Error {
  readonly error: BridgeError;
  constructor(error: BridgeError) {
    super(error.message);
    this.name = 'BridgeCallError';
    this.error = error;
  }
}

type Listener = (payload: unknown) => void;

/** Whether the host still answers this page; only web mode ever loses it (see connection-status.ts). */
export const connectionStatus = createConnectionStatusStore();

const PROBE_EVERY_MS = 3000;

/** Web mode: the same contract over one WebSocket to the loopback host that served this page. */
function createWebSocketBridge(): CourierBridge {
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  const bridgeUrl = webBridgeUrl(window.location.href);
  let probeTimer: ReturnType<typeof setTimeout> | null = null;
  // A reload or a closed tab also closes the socket: that is no lost connection, and nothing is probed.
  let leaving = false;
  window.addEventListener('pagehide', () => {
    leaving = true;
  });
  window.addEventListener('pageshow', () => {
    leaving = false;
  });

  // Asks the host over HTTP why the socket failed, and keeps asking while the answer is bad: a stopped server that
  // comes back under a new token turns "not running" into "open the new address".
  const probe = async (): Promise<ConnectionLoss | null> => {
    if (leaving) return null;
    let loss: ConnectionLoss | null;
    try {
      const response = await fetch(probeUrl(window.location.href), { method: 'HEAD', cache: 'no-store', credentials: 'omit' });
      loss = lossFromProbe({ status: response.status });
    } catch {
      loss = lossFromProbe('no-answer');
    }
    if (loss) {
      connectionStatus.set({ kind: 'lost', reason: loss });
      if (probeTimer === null) {
        probeTimer = setTimeout(() => {
          probeTimer = null;
          void probe();
        }, PROBE_EVERY_MS);
      }
    } else if (connectionStatus.get().kind === 'lost') {
      // the host answers this token again (a network hiccup, not a restart): reconnect, and the banner goes
      void connect().catch(() => undefined);
    }
    return loss;
  };

  const failAllPending = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } });
    pending.clear();
  };

  const connect = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(bridgeUrl);
      // answers holding bytes (body.read) come as binary frames; an ArrayBuffer decodes without a Blob read
      ws.binaryType = 'arraybuffer';
      let opened = false;
      ws.onopen = () => {
        opened = true;
        socket = ws;
        opening = null;
        connectionStatus.set({ kind: 'connected' });
        resolve(ws);
      };
      ws.onerror = () => {
        if (opened) return;
        opening = null;
        void probe().then((loss) => reject(new Error(loss ? lostConnectionMessage(loss) : 'Could not reach Courier just now. Try again.')));
      };
      ws.onclose = () => {
        socket = null;
        if (!opened) return;
        opening = null;
        failAllPending('Lost the connection to Courier before it answered.');
        void probe();
      };
      ws.onmessage = (message: MessageEvent<unknown>) => {
        let parsed: unknown;
        try {
          if (message.data instanceof ArrayBuffer) parsed = decodeBytesFrame(message.data);
          else if (typeof message.data === 'string') parsed = JSON.parse(message.data);
          else return;
        } catch {
          return;
        }
        const reply = parseWebReply(parsed);
        if (!reply) return;
        if (reply.type === 'result') {
          const resolve = pending.get(reply.id);
          pending.delete(reply.id);
          resolve?.(reply.result as Result<unknown>);
        } else {
          for (const listener of listeners.get(reply.event) ?? []) listener(reply.payload);
        }
      };
    });
    return opening;
  };

  return {
    async invoke<M extends MethodName>(method: M, input: MethodInputArg<M>): Promise<Result<MethodOutput<M>>> {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener as Listener);
    },
  };
}

/** The renderer's one way to reach the main process, whichever host serves it. */
export const bridge: CourierBridge = window.courier ?? createWebSocketBridge();

/** invoke, but throwing BridgeCallError on failure: the shape TanStack Query queries and mutations want. */
export async function call<M extends MethodName>(method: M, input: MethodInputArg<M>): Promise<MethodOutput<M>> {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new BridgeCallError(result.error);
  return result.value;
}
