import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, wsRequestSpecSchema, type WsRequestSpecInput } from '../../../shared/contract';
import { scanForSecret } from '../../test-support';
import { createWorkspaceService, type WorkspaceService } from './index';

const ws = (input: Partial<WsRequestSpecInput> = {}) => wsRequestSpecSchema.parse({ url: 'ws://127.0.0.1:9/echo', ...input });
const messages = [
  { name: 'hello', kind: 'text' as const, body: 'hi' },
  { name: 'join', kind: 'json' as const, body: '{"op":"join"}' },
];

function memoryStore() {
  const data = new Map<string, unknown>();
  return { get: (key: string) => data.get(key), set: (key: string, value: unknown) => void data.set(key, value) };
}

let dir: string;
let service: WorkspaceService;
const fileText = (rel: string) => readFile(path.join(dir, 'default', ...rel.split('/')), 'utf8');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courier-wsfile-'));
  service = createWorkspaceService({ defaultDir: path.join(dir, 'default'), store: memoryStore(), watch: false });
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

describe('WebSocket request files in the workspace', () => {
  it('saves, reads, renames, duplicates and moves a WebSocket request with its saved messages', async () => {
    const { path: api } = await service.createContainer(null, 'API');
    const { path: other } = await service.createContainer(null, 'Other');
    const request = ws({ headers: [{ name: 'X-Team', value: 'blue' }], subprotocols: ['chat.v1'], settings: { autoReconnect: true } });
    const created = await service.createWebSocket(api, 'Chat', request, messages);
    expect(created).toEqual({ path: 'api/chat.request.json', warnings: [] });
    const text = await fileText(created.path);
    expect(JSON.parse(text)).toMatchObject({ kind: 'websocket', name: 'Chat', url: 'ws://127.0.0.1:9/echo', subprotocols: ['chat.v1'], messages });

    const node = (await service.tree()).nodes.find((n) => n.path === created.path);
    expect(node).toMatchObject({ kind: 'request', name: 'Chat', method: 'WS', protocol: 'websocket' });
    expect(await service.readWebSocket(created.path)).toEqual({ path: created.path, name: 'Chat', request, messages });
    // An HTTP reader is told plainly rather than handed a request it would send wrong.
    await expect(service.readRequest(created.path)).rejects.toThrow(/WebSocket request/);

    // Saving the same thing writes nothing; a new message is written.
    await service.saveWebSocket(created.path, request, messages);
    expect(await fileText(created.path)).toBe(text);
    const more = [...messages, { name: 'bye', kind: 'text' as const, body: 'bye' }];
    await service.saveWebSocket(created.path, request, more);
    expect((await service.readWebSocket(created.path)).messages).toEqual(more);

    const renamed = await service.rename(created.path, 'Chat room');
    expect(renamed.path).toBe('api/chat-room.request.json');
    expect(await service.readWebSocket(renamed.path)).toMatchObject({ name: 'Chat room', request, messages: more });

    const copy = await service.duplicate(renamed.path);
    expect(await service.readWebSocket(copy.path)).toMatchObject({ name: 'Chat room copy', request, messages: more });
    expect(JSON.parse(await fileText(copy.path)).kind).toBe('websocket');

    const moved = await service.move(copy.path, other, 0);
    expect(moved.path).toBe('other/chat-room-copy.request.json');
    expect(await service.readWebSocket(moved.path)).toMatchObject({ name: 'Chat room copy', messages: more });
    expect((await service.tree()).nodes.map((n) => `${n.path} ${n.method ?? ''}`)).toEqual([
      'api ',
      'api/chat-room.request.json WS',
      'other ',
      'other/chat-room-copy.request.json WS',
    ]);
  });

  it('keeps HTTP request files as they were, side by side with WebSocket ones', async () => {
    const { path: api } = await service.createContainer(null, 'API');
    const http = httpRequestSpecSchema.parse({ method: 'GET', url: 'https://api.test/' });
    const { path: get } = await service.createRequest(api, 'Get', http);
    await service.createWebSocket(api, 'Live', ws(), []);
    expect(await fileText(get)).toBe('{\n  "format": 2,\n  "name": "Get",\n  "method": "GET",\n  "url": "https://api.test/"\n}\n');
    expect((await service.readRequest(get)).request).toEqual(http);
    await expect(service.readWebSocket(get)).rejects.toThrow(/HTTP request/);
    const exported = await service.exportCollection(api);
    expect(exported.collection.items.map((item) => item.name)).toEqual(['Get']);
    expect(exported.warnings.join(' ')).toMatch(/Live: a WebSocket request/);
  });

  it('never writes a credential typed into the handshake auth', async () => {
    const secret = 'CANARY-ws-collection-Secret-9131';
    const { path: api } = await service.createContainer(null, 'API');
    const created = await service.createWebSocket(api, 'Login', ws({ auth: { kind: 'bearer', token: secret, prefix: 'Bearer' } }), []);
    expect(created.warnings).toHaveLength(1);
    await service.saveWebSocket(created.path, ws({ auth: { kind: 'basic', username: 'ann', password: secret } }), []);
    await service.duplicate(created.path);
    const { hits, filesScanned } = await scanForSecret([path.join(dir, 'default')], secret);
    expect(filesScanned).toBeGreaterThan(0);
    expect(hits).toEqual([]);
  });
});
