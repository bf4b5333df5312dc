import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, wsRequestSpecSchema, type HttpRequestSpecInput } from '../../../shared/contract';
import { scanForSecret } from '../../test-support';
import { createWorkspaceService, type WorkspaceChange, type WorkspaceService } from './index';

const spec = (input: Partial<HttpRequestSpecInput> = {}) => httpRequestSpecSchema.parse({ method: 'GET', url: 'https://api.test/', ...input });

function memoryStore() {
  const data = new Map<string, unknown>();
  return { get: (key: string) => data.get(key), set: (key: string, value: unknown) => void data.set(key, value) };
}

async function waitFor<T>(check: () => T | undefined, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string;
let service: WorkspaceService;
let changes: WorkspaceChange[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courier-ws-'));
  changes = [];
  service = createWorkspaceService({ defaultDir: path.join(dir, 'default'), store: memoryStore(), onChange: (c) => changes.push(c), debounceMs: 30 });
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const names = async () => (await service.tree()).nodes.map((n) => `${'  '.repeat(n.depth)}${n.name}`);

describe('workspace service', () => {
  it('refuses a second collection with a name already taken, in any case, by create and by rename', async () => {
    await service.createContainer(null, 'S7 Tests');
    await expect(service.createContainer(null, ' s7 tests ')).rejects.toMatchObject({
      code: 'NAME_TAKEN',
      message: 'A collection named "S7 Tests" already exists. Choose another name.',
    });
    const { path: other } = await service.createContainer(null, 'Other');
    await expect(service.rename(other, 'S7 TESTS')).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    // a collection renamed to its own name in another case is not a clash; folders in different places may share names
    await service.rename(other, 'OTHER');
    const { path: tests } = (await service.tree()).nodes.find((node) => node.name === 'S7 Tests')!;
    await service.createContainer(tests, 'Other');
    expect(await names()).toEqual(['S7 Tests', '  Other', 'OTHER']);
  });

  it('starts in the default workspace and writes collections, folders and requests as readable files', async () => {
    const tree = await service.tree();
    expect(tree.isDefault).toBe(true);
    const { path: api } = await service.createContainer(null, 'My API');
    const { path: users } = await service.createContainer(api, 'Users');
    const { path: get } = await service.createRequest(users, 'Get user', spec({ headers: [{ name: 'Accept', value: 'application/json' }] }));
    expect(get).toBe('my-api/users/get-user.request.json');
    const text = await readFile(path.join(dir, 'default', get), 'utf8');
    expect(text).toBe(
      '{\n  "format": 2,\n  "name": "Get user",\n  "method": "GET",\n  "url": "https://api.test/",\n  "headers": [\n    {\n      "name": "Accept",\n      "value": "application/json"\n    }\n  ]\n}\n',
    );
    expect(JSON.parse(await readFile(path.join(dir, 'default', 'my-api', 'collection.json'), 'utf8'))).toEqual({ format: 2, name: 'My API', order: ['users'] });
    expect(await names()).toEqual(['My API', '  Users', '    Get user']);
    expect((await service.readRequest(get)).request).toEqual(spec({ headers: [{ name: 'Accept', value: 'application/json' }] }));
    // Saving what is already there writes nothing.
    await service.saveRequest(get, (await service.readRequest(get)).request);
    expect(await readFile(path.join(dir, 'default', get), 'utf8')).toBe(text);
  });

  it('opens any existing folder and refuses a path that is not one', async () => {
    const other = path.join(dir, 'other');
    await expect(service.open(other)).rejects.toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    await (await import('node:fs/promises')).mkdir(path.join(other, 'team'), { recursive: true });
    const tree = await service.open(other);
    expect(tree.isDefault).toBe(false);
    expect(tree.nodes.map((n) => n.name)).toEqual(['team']);
    expect(changes.at(-1)?.reason).toBe('opened');
  });

  it('renames, duplicates, reorders, moves, deletes and undoes', async () => {
    const { path: a } = await service.createContainer(null, 'A');
    const { path: b } = await service.createContainer(null, 'B');
    const { path: one } = await service.createRequest(a, 'One', spec());
    const { path: two } = await service.createRequest(a, 'Two', spec({ method: 'POST' }));
    const { path: renamed } = await service.rename(one, 'First');
    expect(renamed).toBe('a/first.request.json');
    const { path: copy } = await service.duplicate(renamed);
    expect(await names()).toEqual(['A', '  First', '  First copy', '  Two', 'B']);
    await service.move(two, a, 0);
    expect(await names()).toEqual(['A', '  Two', '  First', '  First copy', 'B']);
    const { path: moved } = await service.move(copy, b, 0);
    expect(moved).toBe('b/first-copy.request.json');
    expect(await names()).toEqual(['A', '  Two', '  First', 'B', '  First copy']);
    await service.move(b, null, 0);
    expect(await names()).toEqual(['B', '  First copy', 'A', '  Two', '  First']);
    const { undoToken } = await service.delete(a);
    expect(await names()).toEqual(['B', '  First copy']);
    await service.undoDelete(undoToken);
    expect(await names()).toEqual(['B', '  First copy', 'A', '  Two', '  First']);
    const folder = await service.createContainer(b, 'Sub');
    await expect(service.move(b, folder.path, 0)).rejects.toMatchObject({ code: 'WORKSPACE_CONFLICT' });
    await service.move(a, b, 5);
    expect(await names()).toEqual(['B', '  First copy', '  Sub', '  A', '    Two', '    First']);
    expect(await readdir(path.join(dir, 'default', 'b', 'a'))).toContain('folder.json');
  });

  it('notices an edit made outside Courier and ignores its own writes', async () => {
    const { path: api } = await service.createContainer(null, 'API');
    const { path: ping } = await service.createRequest(api, 'Ping', spec());
    await new Promise((resolve) => setTimeout(resolve, 200));
    changes.length = 0;
    await service.saveRequest(ping, spec({ url: 'https://api.test/mine' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(changes.map((c) => c.reason)).toEqual(['changed']);
    const file = path.join(dir, 'default', ping);
    await writeFile(file, (await readFile(file, 'utf8')).replace('/mine', '/theirs'));
    const external = await waitFor(() => changes.find((c) => c.reason === 'external'));
    expect(external.paths).toContain(ping);
    expect((await service.readRequest(ping)).request.url).toBe('https://api.test/theirs');
  });

  it('lists a file it cannot parse with its error and never overwrites it', async () => {
    const { path: api } = await service.createContainer(null, 'API');
    const broken = path.join(dir, 'default', 'api', 'broken.request.json');
    await writeFile(broken, '{ "method": "GET", <<<<<<< HEAD');
    await service.refresh();
    const node = (await service.tree()).nodes.find((n) => n.path === 'api/broken.request.json');
    expect(node?.error).toMatch(/Not valid JSON/);
    await expect(service.saveRequest('api/broken.request.json', spec())).rejects.toMatchObject({ code: 'WORKSPACE_FILE_INVALID' });
    await expect(service.rename('api/broken.request.json', 'x')).rejects.toMatchObject({ code: 'WORKSPACE_FILE_INVALID' });
    expect(await readFile(broken, 'utf8')).toBe('{ "method": "GET", <<<<<<< HEAD');
    await writeFile(path.join(dir, 'default', 'api', 'collection.json'), 'nope');
    await service.refresh();
    await expect(service.createRequest(api, 'New', spec())).rejects.toMatchObject({ code: 'WORKSPACE_FILE_INVALID' });
    // Nothing moves into a folder whose order Courier could not write.
    const { path: other } = await service.createContainer(null, 'Other');
    const { path: loose } = await service.createRequest(other, 'Loose', spec());
    await expect(service.move(loose, api, 0)).rejects.toMatchObject({ code: 'WORKSPACE_FILE_INVALID' });
    expect((await service.readRequest(loose)).path).toBe('other/loose.request.json');
    expect(await readFile(path.join(dir, 'default', 'api', 'collection.json'), 'utf8')).toBe('nope');
  });

  it('gives a request its collection and folder settings, collection first', async () => {
    const { path: api } = await service.createContainer(null, 'API');
    const { path: users } = await service.createContainer(api, 'Users');
    await service.saveContainer(api, {
      name: 'API',
      variables: [{ name: 'host', value: 'x.test', enabled: true }],
      headers: [],
      auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' },
    });
    const { path: get } = await service.createRequest(users, 'Get', spec());
    const chain = await service.inheritanceChain(get);
    expect(chain.map((c) => c.name)).toEqual(['API', 'Users']);
    expect(chain[0]?.auth.kind).toBe('bearer');
  });

  it('keeps secrets out of every file of a saved workspace, session included', async () => {
    const secret = 'sk-live-Very-Secret-4242';
    const { path: api } = await service.createContainer(null, 'API');
    const { warnings } = await service.createRequest(api, 'Login', spec({ auth: { kind: 'basic', username: 'ann', password: secret } }));
    expect(warnings).toHaveLength(1);
    const saved = await service.saveContainer(api, { name: 'API', variables: [], headers: [], auth: { kind: 'bearer', token: secret, prefix: 'Bearer' } });
    expect(saved.warnings).toHaveLength(1);
    service.saveSession({
      tabs: [{ id: 't1', path: null, name: 'Draft', dirty: true, request: spec({ auth: { kind: 'bearer', token: secret, prefix: 'Bearer' } }) }],
      activeId: 't1',
    });
    const { hits, filesScanned } = await scanForSecret([path.join(dir, 'default')], secret);
    expect(filesScanned).toBeGreaterThan(2);
    expect(hits).toEqual([]);
    expect(JSON.stringify(service.session())).not.toContain(secret);
  });

  it('keeps the open WebSocket tabs with their message draft, typed credentials masked as in the HTTP session (#45)', () => {
    const secret = 'ws-Typed-Secret-9191';
    const request = wsRequestSpecSchema.parse({ url: 'ws://127.0.0.1:1/echo', auth: { kind: 'basic', username: 'ann', password: secret } });
    const referenced = wsRequestSpecSchema.parse({ url: 'ws://127.0.0.1:1/two', auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' } });
    expect(service.wsSession()).toEqual({ tabs: [], activeId: null });
    service.saveWsSession({
      tabs: [
        { id: 'ws-a', path: null, name: 'echo', request, draft: { kind: 'json', text: '{"hi":1}', hex: '' }, connected: true },
        { id: 'ws-b', path: 'c/two.request.json', name: 'Two', request: referenced, draft: { kind: 'text', text: '', hex: '' }, connected: false },
      ],
      activeId: 'ws-b',
    });
    const back = service.wsSession();
    expect(JSON.stringify(back)).not.toContain(secret);
    expect(back.activeId).toBe('ws-b');
    expect(back.tabs.map((t) => [t.id, t.path, t.request.url, t.draft.text, t.connected])).toEqual([
      ['ws-a', null, 'ws://127.0.0.1:1/echo', '{"hi":1}', true],
      ['ws-b', 'c/two.request.json', 'ws://127.0.0.1:1/two', '', false],
    ]);
    expect(back.tabs[0]?.request.auth).toMatchObject({ kind: 'basic', username: 'ann' });
    expect(back.tabs[1]?.request.auth).toMatchObject({ token: '{{token}}' });
  });
});

describe('workspace service, its folder removed from under it', () => {
  it('does not report an internal error when the open folder is deleted (a `courier run` removing its temporary workspace)', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'courier-ws-gone-'));
    const errors: unknown[] = [];
    const gone = createWorkspaceService({ defaultDir: root, store: memoryStore(), debounceMs: 30, onError: (error) => errors.push(error) });
    try {
      await gone.createContainer(null, 'Imported');
      await rm(root, { recursive: true, force: true });
      // the watchers fire on the deletion; the rescan that follows finds no folder
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(errors).toEqual([]);
    } finally {
      await gone.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
