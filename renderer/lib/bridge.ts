import {
  webReplySchema,
  type BridgeError,
  type CourierBridge,
  type EventName,
  type EventPayload,
  type MethodInputArg,
  type MethodName,
  type MethodOutput,
  type Result,
} from '../../shared/contract';
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

/** Web mode: the same contract over one WebSocket to the loopback host that served this page. */
function createWebSocketBridge(): CourierBridge {
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;

  const failAllPending = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } });
    pending.clear();
  };

  const connect = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(webBridgeUrl(window.location.href));
      ws.onopen = () => {
        socket = ws;
        opening = null;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = null;
        reject(new Error('Could not connect to the Courier server. Is `npm run web` still running?'));
      };
      ws.onclose = () => {
        socket = null;
        opening = null;
        failAllPending('The connection to the Courier server was lost. Restart `npm run web` and reload the page.');
      };
      ws.onmessage = (message) => {
        if (typeof message.data !== 'string') return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(message.data);
        } catch {
          return;
        }
        const reply = webReplySchema.safeParse(parsed);
        if (!reply.success) return;
        if (reply.data.type === 'result') {
          const resolve = pending.get(reply.data.id);
          pending.delete(reply.data.id);
          resolve?.(reply.data.result as Result<unknown>);
        } else {
          for (const listener of listeners.get(reply.data.event) ?? []) listener(reply.data.payload);
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
