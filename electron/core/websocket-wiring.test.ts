import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type WsEventBatch, type HttpSse } from '../../shared/contract';
import { startHttpServer, startWsTestServer, type TestServer, type WsTestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

let workDir: string;
let wsServer: WsTestServer;
let sseServer: TestServer;
let courier: Courier;
const received: { event: string; payload: unknown }[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'courier-ws-wiring-'));
  wsServer = await startWsTestServer();
  sseServer = await startHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end('data: a\n\ndata: b\n\n');
  });
  courier = createCourier({
    dataDir: workDir,
    mode: 'web',
    version: '1.2.3',
    openExternal: () => true,
    onInternalError: () => undefined,
    // as web mode does: its own port is off limits
    isRefusedAddress: (_address, port) => port === 1,
  });
  courier.onEvent((event, payload) => received.push({ event, payload }));
});

afterAll(async () => {
  await courier.close();
  await wsServer.close();
  await sseServer.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('WebSocket and SSE wiring', () => {
  it('connects, sends and receives through the contract, with events on ws.events', async () => {
    const connected = await dispatch(courier.handlers, 'ws.connect', { sessionId: 'w1', request: { url: `${wsServer.origin}/echo` } });
    expect(connected.ok).toBe(true);
    const sent = await dispatch(courier.handlers, 'ws.send', { sessionId: 'w1', kind: 'text', data: 'hi' });
    expect(sent.ok).toBe(true);
    await expect
      .poll(
        () =>
          received
            .filter((r) => r.event === 'ws.events')
            .flatMap((r) => (r.payload as WsEventBatch).events)
            .filter((e) => e.type === 'message').length,
      )
      .toBe(2);
    expect((await dispatch(courier.handlers, 'ws.close', { sessionId: 'w1' })).ok).toBe(true);
  });

  it('refuses the host-forbidden port and answers with a typed error', async () => {
    const result = await dispatch(courier.handlers, 'ws.connect', { sessionId: 'w2', request: { url: 'ws://127.0.0.1:1/' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'SELF_REQUEST_REFUSED' } });
  });

  it('emits http.sse while a text/event-stream response arrives', async () => {
    const result = await dispatch(courier.handlers, 'http.send', { requestId: 'sse-1', request: { method: 'GET', url: `${sseServer.origin}/` } });
    expect(result.ok).toBe(true);
    const events = received.filter((r) => r.event === 'http.sse').flatMap((r) => (r.payload as HttpSse).events);
    expect(events.map((e) => e.data)).toEqual(['a', 'b']);
  });
});
