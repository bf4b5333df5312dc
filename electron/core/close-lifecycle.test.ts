import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type EventName } from '../../shared/contract';
import { expectNothingLeftOpen, openResources, startHttpServer, startWsTestServer, type TestServer, type WsTestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';
import { spoolRoot } from './spool-dir';
import type * as WorkspaceModule from '../services/workspace';

// One real service made to fail its close (after closing what it holds, so only the failure itself is under test):
// without the disposable store, the throw ended courier.close() there and everything after it stayed open.
const inject = vi.hoisted(() => ({ failWorkspaceClose: false, failWorkspaceStart: false }));
vi.mock('../services/workspace', async (importOriginal) => {
  const real = await importOriginal<typeof WorkspaceModule>();
  return {
    ...real,
    createWorkspaceService: (...args: Parameters<typeof real.createWorkspaceService>) => {
      if (inject.failWorkspaceStart) throw new Error('no workspace today');
      const service = real.createWorkspaceService(...args);
      return {
        ...service,
        close: async () => {
          await service.close();
          if (inject.failWorkspaceClose) throw new Error('watcher would not stop');
        },
      };
    },
  };
});

let http: TestServer;
let ws: WsTestServer;
let dataDir: string;
let errors: unknown[];
const events: EventName[] = [];

beforeAll(async () => {
  http = await startHttpServer((req, res) => {
    if (req.url === '/large') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(6 * 1024 * 1024, 0x61));
      return;
    }
    if (req.url === '/events') {
      // a stream that never ends by itself: only the client's close stops it
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
      const tick = setInterval(() => res.write('data: more\n\n'), 50);
      res.on('close', () => clearInterval(tick));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  ws = await startWsTestServer();
  // One round first, so what the test runner starts on first use (its esbuild service transforming modules that are
  // imported lazily, such as the script worker's) is in every baseline rather than counted as the courier's.
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-close-warm-'));
  errors = [];
  const warm = await busyCourier();
  await warm.courier.close();
  await warm.streaming;
  await rm(dataDir, { recursive: true, force: true });
});

afterAll(async () => {
  await ws.close();
  await http.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-close-'));
  errors = [];
  events.length = 0;
  inject.failWorkspaceClose = false;
  inject.failWorkspaceStart = false;
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the SSE and WebSocket events');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Files left under the spool folder, at any depth. */
async function spoolFiles(): Promise<string[]> {
  const files = await readdir(spoolRoot(dataDir), { recursive: true, withFileTypes: true }).catch(() => []);
  return files.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
}

/** A courier that has done a bit of everything and still holds it: a spooled body, a pooled socket, an open WebSocket, an SSE stream in flight, the script worker. */
async function busyCourier(): Promise<{ courier: Courier; streaming: Promise<unknown> }> {
  const courier = createCourier({
    dataDir,
    mode: 'web',
    version: '1.0.0',
    openExternal: () => true,
    onInternalError: (error) => errors.push(error),
    prewarmScripts: true,
  });
  courier.onEvent((event) => events.push(event));
  const large = await dispatch(courier.handlers, 'http.send', { requestId: 'large', request: { method: 'GET', url: `${http.origin}/large` } });
  expect(large).toMatchObject({ ok: true, value: { body: { spooled: true } } });
  expect(await spoolFiles()).not.toEqual([]);
  expect(await dispatch(courier.handlers, 'http.send', { requestId: 'small', request: { method: 'GET', url: `${http.origin}/small` } })).toMatchObject({
    ok: true,
  });
  expect(await dispatch(courier.handlers, 'ws.connect', { sessionId: 'open-ws', request: { url: `${ws.origin}/echo` } })).toMatchObject({ ok: true });
  expect(await dispatch(courier.handlers, 'ws.send', { sessionId: 'open-ws', kind: 'text', data: 'hi' })).toMatchObject({ ok: true });
  const streaming = dispatch(courier.handlers, 'http.send', { requestId: 'sse', request: { method: 'GET', url: `${http.origin}/events` } });
  await until(() => events.filter((event) => event === 'http.sse').length > 1 && events.includes('ws.events'));
  return { courier, streaming };
}

describe('closing a courier', () => {
  it('leaves no socket, timer, worker or spool file behind after HTTP, WebSocket and SSE requests', async () => {
    const baseline = openResources();
    const { courier, streaming } = await busyCourier();
    await courier.close();
    await streaming;
    expect(errors).toEqual([]);
    await expectNothingLeftOpen(baseline);
    expect(await spoolFiles()).toEqual([]);
    // the stream the close cut off still reached history (its outcome was recorded before history closed)
    const reopened = createCourier({ dataDir, mode: 'web', version: '1.0.0', openExternal: () => true, onInternalError: (error) => errors.push(error) });
    const listed = await dispatch(reopened.handlers, 'history.list', {});
    await reopened.close();
    expect(listed).toMatchObject({ ok: true, value: { total: 3 } });
    expect(errors).toEqual([]);
  });

  it('closes everything else when one service fails to close, and reports that failure by name', async () => {
    inject.failWorkspaceClose = true;
    const baseline = openResources();
    const { courier, streaming } = await busyCourier();
    await courier.close();
    await streaming;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'CloseError', resource: 'workspace', message: 'Closing workspace failed: watcher would not stop' });
    // closed before the workspace (LIFO) and after it alike
    await expectNothingLeftOpen(baseline);
    expect(await spoolFiles()).toEqual([]);
  });

  it('closes what it had started when a service fails to start', async () => {
    inject.failWorkspaceStart = true;
    const baseline = openResources();
    // the script worker is started before the workspace
    expect(() =>
      createCourier({ dataDir, mode: 'web', version: '1.0.0', openExternal: () => true, onInternalError: (error) => errors.push(error), prewarmScripts: true }),
    ).toThrow('no workspace today');
    await expectNothingLeftOpen(baseline);
    expect(errors).toEqual([]);
  });
});
