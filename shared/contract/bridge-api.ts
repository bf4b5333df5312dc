import type { Result } from './errors';
import type { EventName, EventPayload, MethodInputArg, MethodName, MethodOutput } from './methods';

/**
 * The one object the renderer sees (window.courier in Electron, a WebSocket client in web mode).
 * invoke never throws for a failed call: it resolves with a Result.
 */
export interface CourierBridge {
  invoke<M extends MethodName>(method: M, input: MethodInputArg<M>): Promise<Result<MethodOutput<M>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Names used on the Electron IPC wire; the preload accepts nothing else. */
export const IPC_INVOKE_CHANNEL = 'courier:invoke';
export const IPC_EVENT_CHANNEL = 'courier:event';
