// Bundled into the sandboxed preload: import only name lists and channel constants, never the schemas (zod).
import type { ContextBridge, IpcRenderer } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type CourierBridge } from '../../../shared/contract/bridge-api';
import type { BridgeError, Result } from '../../../shared/contract/errors';
import { isContractEventName, isContractMethodName } from '../../../shared/contract/names';

export const BRIDGE_GLOBAL_NAME = 'courier';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
type Listener = (payload: unknown) => void;

function failure(code: BridgeError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * window.courier, built from the contract's name lists. The page gets two functions and nothing of Electron:
 * unknown names are refused before any IPC happens, and listeners receive the payload without the IPC event
 * (which would expose the sender and a way to reply).
 */
function createPreloadBridge(ipc: PreloadIpc): CourierBridge {
  const listeners = new Map<string, Set<Listener>>();

  const onEvent = (_event: unknown, name: unknown, payload: unknown) => {
    if (!isContractEventName(name)) return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`Courier: a listener for ${name} failed`, error);
      }
    }
  };

  const total = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  const invoke = async (method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isContractMethodName(method)) {
      return failure('UNKNOWN_METHOD', 'The app asked for something the main process does not offer.');
    }
    try {
      return (await ipc.invoke(IPC_INVOKE_CHANNEL, method, input)) as Result<unknown>;
    } catch {
      // Reached only if the main process has no handler yet or the input cannot be cloned; keep the Result shape.
      return failure('INTERNAL', 'Courier could not reach its main process. Restart the app if this keeps happening.');
    }
  };

  const subscribe = (event: unknown, listener: unknown): (() => void) => {
    if (!isContractEventName(event)) throw new TypeError(`Courier: unknown event "${String(event).slice(0, 100)}".`);
    if (typeof listener !== 'function') throw new TypeError('Courier: subscribe needs a listener function.');
    if (total() === 0) ipc.on(IPC_EVENT_CHANNEL, onEvent);
    const set = listeners.get(event) ?? new Set<Listener>();
    const wrapped: Listener = (payload) => (listener as Listener)(payload);
    set.add(wrapped);
    listeners.set(event, set);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      set.delete(wrapped);
      if (total() === 0) ipc.removeListener(IPC_EVENT_CHANNEL, onEvent);
    };
  };

  return { invoke: invoke as CourierBridge['invoke'], subscribe: subscribe as CourierBridge['subscribe'] };
}

export function exposeCourierBridge(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipc: PreloadIpc): void {
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, createPreloadBridge(ipc));
}
