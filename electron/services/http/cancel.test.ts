import { type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, startRawServer, startStalledListener, trapUnhandledErrors, type TestServer } from '../../test-support';
import { type HttpProgress, type HttpRequestSpecInput } from '../../../shared/contract';
import { createTestEngine, nextId, settle, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

let hostile: TestServer;
let silentTcp: TestServer;
let t: TestEngine;

beforeAll(async () => {
  hostile = await startHostileServer();
  // Accepts TCP and then says nothing: a TLS handshake to it hangs.
  silentTcp = await startRawServer((socket) => socket.resume());
  t = await createTestEngine({
    spoolThresholdBytes: 16 * 1024,
    resolveHost: async (hostname) => {
      if (hostname === 'stall.test') return new Promise(() => undefined);
      return [{ address: '127.0.0.1', family: 4 }];
    },
  });
});
afterAll(async () => {
  await t.dispose();
  await hostile.close();
  await silentTcp.close();
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function socketClosed(socket: Socket | undefined): Promise<boolean> {
  if (!socket) return false;
  await waitFor(() => socket.destroyed || socket.readableEnded, 2_000);
  return true;
}

async function cancelDuring(phase: HttpProgress['phase'], input: HttpRequestSpecInput): Promise<void> {
  const id = nextId();
  const pending = settle(t.engine.send(id, spec(input)));
  await waitFor(() => t.progress.some((event) => event.requestId === id && event.phase === phase));
  // give the phase a moment to really be stuck there
  await new Promise((resolve) => setTimeout(resolve, 30));
  const cancelledAt = performance.now();
  expect(t.engine.cancel(id)).toBe(true);
  const eventsAtCancel = t.progress.length;
  const { error } = await pending;
  // generous for loaded CI machines; in practice it is a few milliseconds
  expect(performance.now() - cancelledAt).toBeLessThan(500);
  expect(error?.code).toBe('CANCELLED');
  expect(error?.message).toBe('The request was cancelled.');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(t.progress.slice(eventsAtCancel).filter((event) => event.requestId === id)).toEqual([]);
  expect(t.engine.cancel(id)).toBe(false);
}

describe('cancel', () => {
  it('during DNS', async () => {
    await cancelDuring('dns', { method: 'GET', url: 'http://stall.test/' });
  });

  it('during TCP connect', async () => {
    const stalled = await startStalledListener();
    try {
      await cancelDuring('connecting', { method: 'GET', url: `http://127.0.0.1:${stalled.port}/`, settings: { connectTimeoutMs: 10_000 } });
    } finally {
      await stalled.close();
    }
  });

  it('during the TLS handshake, closing the socket', async () => {
    const before = silentTcp.sockets.length;
    await cancelDuring('tls', { method: 'GET', url: `https://127.0.0.1:${silentTcp.port}/` });
    expect(await socketClosed(silentTcp.sockets[before])).toBe(true);
  });

  it('while waiting for the response, closing the socket', async () => {
    const before = hostile.sockets.length;
    await cancelDuring('waiting', { method: 'GET', url: `${hostile.origin}/stall-waiting` });
    expect(await socketClosed(hostile.sockets[before])).toBe(true);
  });

  it('while downloading the body, closing the socket and removing the partial spool file', async () => {
    const before = hostile.sockets.length;
    const id = nextId();
    const pending = settle(t.engine.send(id, spec({ method: 'GET', url: `${hostile.origin}/stall-body?bytes=65536` })));
    await waitFor(async () => (await t.spoolFiles()).length > 0);
    expect(t.engine.cancel(id)).toBe(true);
    const { error } = await pending;
    expect(error?.code).toBe('CANCELLED');
    expect(await t.spoolFiles()).toEqual([]);
    expect(await socketClosed(hostile.sockets[before])).toBe(true);
  });

  it('a slow drip within the idle timeout stays alive, keeps reporting progress, and cancels cleanly', async () => {
    // The server is alive, so with no deadline nothing ends this on its own: only the user can, by cancelling.
    const before = hostile.sockets.length;
    const id = nextId();
    const started = performance.now();
    const pending = settle(
      t.engine.send(id, spec({ method: 'GET', url: `${hostile.origin}/drip?interval=200&count=1000`, settings: { idleTimeoutMs: 1_000 } })),
    );
    let done = false;
    void pending.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(done).toBe(false);
    const counts = t.progress.filter((event) => event.requestId === id && event.phase === 'downloading').map((event) => event.bytesReceived);
    expect(counts.length).toBeGreaterThanOrEqual(6);
    expect(counts.at(-1)).toBeGreaterThanOrEqual(7);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_000);
    const cancelledAt = performance.now();
    expect(t.engine.cancel(id)).toBe(true);
    const eventsAtCancel = t.progress.length;
    const { error } = await pending;
    expect(performance.now() - cancelledAt).toBeLessThan(500);
    expect(error?.code).toBe('CANCELLED');
    expect(await socketClosed(hostile.sockets[before])).toBe(true);
    // longer than the drip interval and the progress throttle: a late byte or timer would show up here
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(t.progress.slice(eventsAtCancel).filter((event) => event.requestId === id)).toEqual([]);
    expect(await t.spoolFiles()).toEqual([]);
  });

  it('returns false for an unknown request', () => {
    expect(t.engine.cancel('never-sent')).toBe(false);
  });

  it('close() cancels whatever is in flight', async () => {
    const own = await createTestEngine();
    const id = nextId();
    const pending = settle(own.engine.send(id, spec({ method: 'GET', url: `${hostile.origin}/stall-waiting` })));
    await waitFor(() => own.progress.some((event) => event.requestId === id && event.phase === 'waiting'));
    await own.dispose();
    const { error } = await pending;
    expect(error?.code).toBe('CANCELLED');
    const after = await settle(own.engine.send(nextId(), spec({ method: 'GET', url: hostile.origin })));
    expect(after.error?.code).toBe('INTERNAL');
  });
});
