import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../shared/contract';
import { BRIDGE_GLOBAL_NAME, exposeCourierBridge, type PreloadIpc } from './preload-bridge';

type IpcListener = (...args: unknown[]) => void;

/** Stand-ins for ipcRenderer and contextBridge: record what the preload asks of them. */
function createPreloadStandIn(reply: unknown = { ok: true, value: 'from main' }) {
  const listeners = new Map<string, IpcListener[]>();
  const ipc = {
    invoke: vi.fn(async (..._args: unknown[]) => reply),
    on: vi.fn((channel: string, listener: IpcListener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipc;
    }),
    removeListener: vi.fn((channel: string, listener: IpcListener) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
      return ipc;
    }),
  };
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: (name: string, api: unknown) => void exposed.set(name, api) };
  exposeCourierBridge(contextBridge, ipc as unknown as PreloadIpc);
  const api = exposed.get(BRIDGE_GLOBAL_NAME) as {
    invoke: (method: unknown, input?: unknown) => Promise<unknown>;
    subscribe: (event: unknown, listener: unknown) => () => void;
  };
  /** Plays the main process sending an event: Electron passes its own event object first. */
  const emitFromMain = (...args: unknown[]) => {
    const ipcEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] };
    for (const listener of listeners.get(IPC_EVENT_CHANNEL) ?? []) listener(ipcEvent, ...args);
  };
  return { ipc, exposed, api, emitFromMain, listeners };
}

describe('preload bridge', () => {
  it('exposes one object with invoke and subscribe only, and nothing of Electron', () => {
    const { exposed, api } = createPreloadStandIn();
    expect([...exposed.keys()]).toEqual(['courier']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    const values = Object.values(api as object);
    expect(values.every((value) => typeof value === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|send|on\b/i);
  });

  it('forwards contract methods on the one invoke channel and returns the main process result', async () => {
    const { ipc, api } = createPreloadStandIn();
    expect(await api.invoke('app.info', {})).toEqual({ ok: true, value: 'from main' });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'app.info', {});
  });

  it('refuses methods outside the contract without touching IPC', async () => {
    const { ipc, api } = createPreloadStandIn();
    for (const method of ['fs.readFile', 'courier:invoke', '__proto__', 'constructor', 42, undefined]) {
      expect(await api.invoke(method, {}), String(method)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into a typed result instead of a rejection', async () => {
    const { ipc, api } = createPreloadStandIn();
    ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'courier:invoke'"));
    expect(await api.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('refuses to subscribe to events outside the contract without touching IPC', () => {
    const { ipc, api } = createPreloadStandIn();
    expect(() => api.subscribe('courier:event', () => undefined)).toThrow(/unknown event/);
    expect(() => api.subscribe('toString', () => undefined)).toThrow(/unknown event/);
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('calls listeners with the payload only, never the IPC event object', () => {
    const { api, emitFromMain } = createPreloadStandIn();
    const received: unknown[][] = [];
    api.subscribe('http.progress', (...args: unknown[]) => received.push(args));
    emitFromMain('http.progress', { requestId: 'r1', phase: 'waiting' });
    expect(received).toEqual([[{ requestId: 'r1', phase: 'waiting' }]]);
  });

  it('ignores events from main that are not in the contract, and other events than the one subscribed', () => {
    const { api, emitFromMain } = createPreloadStandIn();
    const listener = vi.fn();
    api.subscribe('http.progress', listener);
    emitFromMain('secret.event', { x: 1 });
    emitFromMain('__proto__', {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps one IPC listener for all subscriptions and removes it with the last one', () => {
    const { ipc, api, emitFromMain, listeners } = createPreloadStandIn();
    const first = vi.fn();
    const second = vi.fn(() => {
      throw new Error('a broken listener');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stopFirst = api.subscribe('http.progress', first);
    const stopSecond = api.subscribe('http.progress', second);
    expect(ipc.on).toHaveBeenCalledTimes(1);
    emitFromMain('http.progress', { n: 1 });
    expect(first).toHaveBeenCalledWith({ n: 1 });
    stopFirst();
    stopFirst();
    expect(listeners.get(IPC_EVENT_CHANNEL)).toHaveLength(1);
    stopSecond();
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);
    expect(listeners.get(IPC_EVENT_CHANNEL)).toHaveLength(0);
    errors.mockRestore();
  });
});

describe('preload bundle', () => {
  it('stays small and requires nothing but electron: no zod, no main-process code', async () => {
    const entry = fileURLToPath(new URL('../../preload.ts', import.meta.url));
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules'))).toBe(false);
    expect(inputs.every((input) => /(preload|preload-bridge|bridge-api|names)\.ts$/.test(input))).toBe(true);
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code.length).toBeLessThan(12_000);
  });
});
