import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { dispatch } from '../../shared/contract';
import { createCourier } from './create-courier';

const CANARY = 'ws-inherit-CANARY-7a1c';
let dataDir: string;
let http: Server;
let wss: WebSocketServer;
let origin: string;
const handshakes: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-ws-inherit-'));
  http = createServer();
  wss = new WebSocketServer({ server: http });
  // the server echoes the handshake headers it received, so what was sent can be compared with what is shown
  // the handshake answer quotes the Authorization it received in a response header: shown to the user, so masked
  wss.on('headers', (headers, request) => headers.push(`X-Seen-Auth: ${request.headers.authorization ?? ''}`));
  wss.on('connection', (socket, request) => {
    handshakes.push(request.headers);
    socket.send('hello');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  origin = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => http.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('connecting a WebSocket request saved in a collection', () => {
  it('sends its collection and folder headers and inherited auth through the request preparer, the secret masked in what is shown and kept', async () => {
    const events: unknown[] = [];
    const courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, onInternalError: (e) => console.error(e) });
    const off = courier.onEvent((name, payload) => void (name === 'ws.events' ? events.push(payload) : undefined));
    try {
      const call = async (method: string, input: unknown) => {
        const result = await dispatch(courier.handlers, method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value as Record<string, unknown>;
      };
      const api = (await call('workspace.createContainer', { parent: null, name: 'Realtime' })).path as string;
      const feeds = (await call('workspace.createContainer', { parent: api, name: 'Feeds' })).path as string;
      await call('workspace.saveContainer', {
        path: api,
        settings: {
          name: 'Realtime',
          variables: [{ name: 'tok', value: CANARY }],
          headers: [{ name: 'X-Team', value: 'core' }],
          auth: { kind: 'bearer', token: '{{tok}}' },
        },
      });
      await call('workspace.saveContainer', { path: feeds, settings: { name: 'Feeds', headers: [{ name: 'X-Folder', value: 'feeds' }] } });
      const request = { url: `${origin}/live`, auth: { kind: 'inherit' } };
      const saved = (await call('workspace.createWebSocket', { parent: feeds, name: 'Ticker', request, messages: [] })).path as string;

      const opened = await call('ws.connect', { sessionId: 'inherit-1', request, workspacePath: saved });
      expect(handshakes.at(-1)).toMatchObject({ 'x-team': 'core', 'x-folder': 'feeds', authorization: `Bearer ${CANARY}` });
      expect(JSON.stringify(opened)).toContain('"X-Seen-Auth","••••••"');
      await expect.poll(async () => JSON.stringify(await call('ws.log', { sessionId: 'inherit-1' }))).toContain('hello');
      const log = await call('ws.log', { sessionId: 'inherit-1' });
      const exported = await call('ws.exportLog', { sessionId: 'inherit-1', url: `${origin}/live`, messages: [], exportedAt: 0 });
      await call('ws.close', { sessionId: 'inherit-1' });
      // what the window is shown and what can be kept: the handshake, the log, the exported log, the events
      for (const shown of [opened, log, exported, events]) expect(JSON.stringify(shown)).not.toContain(CANARY);

      // Without the file, nothing is inherited.
      await call('ws.connect', { sessionId: 'inherit-2', request: { url: `${origin}/plain` } });
      expect(handshakes.at(-1)?.['x-team']).toBeUndefined();
      expect(handshakes.at(-1)?.authorization).toBeUndefined();
      await call('ws.close', { sessionId: 'inherit-2' });
    } finally {
      off();
      await courier.close();
    }
  });
});
