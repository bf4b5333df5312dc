import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatch, type EventPayload } from '../../shared/contract';
import { startWsTestServer, type WsTestServer } from '../test-support';
import { createCourier } from './create-courier';

let server: WsTestServer;
beforeAll(async () => {
  server = await startWsTestServer();
});
afterAll(() => server.close());

it('resolves variables and applies auth to a WebSocket handshake, as for an HTTP request', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-ws-prepare-'));
  const courier = createCourier({
    dataDir,
    mode: 'web',
    version: '1.0.0',
    openExternal: () => false,
    scrypt: { N: 1024, r: 8, p: 1 },
    onInternalError: () => undefined,
  });
  try {
    await dispatch(courier.handlers, 'vault.unlock', { passphrase: 'a passphrase' });
    await dispatch(courier.handlers, 'variables.saveScope', {
      scopeId: 'global',
      variables: [
        { name: 'token', value: 'ws-s3cret', secret: true },
        { name: 'room', value: 'lobby' },
      ],
    });
    const firstMessage = new Promise<string>((resolve) => {
      courier.onEvent((event, payload) => {
        if (event !== 'ws.events') return;
        for (const item of (payload as EventPayload<'ws.events'>).events) if (item.type === 'message' && item.message.text) resolve(item.message.text);
      });
    });
    const connected = await dispatch(courier.handlers, 'ws.connect', {
      sessionId: 's1',
      request: {
        url: `${server.origin}/headers?room={{room}}`,
        headers: [{ name: 'X-Room', value: '{{room}}' }],
        auth: { kind: 'bearer', token: '{{token}}' },
      },
    });
    expect(connected.ok).toBe(true);
    const seen = JSON.parse(await firstMessage) as { headers: Record<string, string>; query: string };
    expect(seen.headers.authorization).toBe('Bearer ws-s3cret');
    expect(seen.headers['x-room']).toBe('lobby');
    expect(seen.query).toBe('?room=lobby');

    const digest = await dispatch(courier.handlers, 'ws.connect', {
      sessionId: 's2',
      request: { url: `${server.origin}/echo`, auth: { kind: 'digest', username: 'a', password: 'b' } },
    });
    expect(digest.ok).toBe(false);
    if (!digest.ok) expect(digest.error.code).toBe('AUTH_FAILED');
  } finally {
    await courier.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
