import type * as NodeFs from 'node:fs';
import type * as NodeFsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpRequestSpecSchema, importedCollectionSchema, type HttpRequestSpecInput, type ImportedCollection } from '../../../shared/contract';
import { scanForSecret } from '../../test-support';
import { createWorkspaceService, type WorkspaceChange, type WorkspaceService } from './index';

// Lets a test make one chosen write fail, as a full disk or a vanished folder would, half-way through an import.
const failing = vi.hoisted(() => ({ match: null as RegExp | null }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeFs>();
  const writeFileSync: typeof actual.writeFileSync = (file, ...rest) => {
    if (failing.match && typeof file === 'string' && failing.match.test(file)) {
      throw Object.assign(new Error(`EIO: i/o error, open '${file}'`), { code: 'EIO' });
    }
    actual.writeFileSync(file, ...rest);
  };
  return { ...actual, writeFileSync };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeFsPromises>();
  const writeFile: typeof actual.writeFile = async (file, ...rest) => {
    if (failing.match && typeof file === 'string' && failing.match.test(file)) {
      throw Object.assign(new Error(`EIO: i/o error, open '${file}'`), { code: 'EIO' });
    }
    return actual.writeFile(file, ...rest);
  };
  return { ...actual, writeFile };
});

const spec = (input: Partial<HttpRequestSpecInput> = {}) => httpRequestSpecSchema.parse({ method: 'GET', url: '{{baseUrl}}/', ...input });
const request = (name: string, input: Partial<HttpRequestSpecInput> = {}) => ({ type: 'request' as const, name, description: '', request: spec(input) });
const folder = (name: string, items: ImportedCollection['items']) => ({ type: 'folder' as const, name, description: '', items });
const collection = (name: string, items: ImportedCollection['items'], extra: Partial<ImportedCollection> = {}): ImportedCollection =>
  importedCollectionSchema.parse({ name, items, ...extra });

function memoryStore() {
  const data = new Map<string, unknown>();
  return { get: (key: string) => data.get(key), set: (key: string, value: unknown) => void data.set(key, value) };
}

/** Every file and folder below `root`, as sorted relative paths: "nothing left behind" means this did not change. */
async function listing(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries.map((entry) => entry.split(path.sep).join('/')).sort();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

let dir: string;
let ws: string;
let service: WorkspaceService;
let changes: WorkspaceChange[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courier-ws-import-'));
  ws = path.join(dir, 'default');
  changes = [];
  failing.match = null;
  service = createWorkspaceService({ defaultDir: ws, store: memoryStore(), onChange: (c) => changes.push(c), debounceMs: 30 });
});
afterEach(async () => {
  failing.match = null;
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const names = async () => (await service.tree()).nodes.map((n) => `${'  '.repeat(n.depth)}${n.name}`);
const readJson = async (rel: string) => JSON.parse(await readFile(path.join(ws, rel), 'utf8')) as unknown;

describe('importing collections into the workspace', () => {
  it('writes a nested collection as files, in order, with its variables and auth in collection.json', async () => {
    const secret = 'pm-literal-Secret-7731';
    const petstore = collection(
      'Petstore',
      [
        folder('Pets', [
          request('List pets'),
          request('Create pet', { method: 'POST', body: { kind: 'json', text: '{"name":"Rex"}' } }),
          folder('Photos', [request('Upload photo', { method: 'PUT' })]),
        ]),
        request('Login', { method: 'POST', auth: { kind: 'basic', username: 'ann', password: secret } }),
      ],
      { variables: [{ name: 'baseUrl', value: 'https://pets.test', enabled: true }], auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' } },
    );
    changes.length = 0;
    const result = await service.importCollections([petstore]);

    expect(result.collections).toEqual([{ name: 'Petstore', path: 'petstore' }]);
    expect(await names()).toEqual(['Petstore', '  Pets', '    List pets', '    Create pet', '    Photos', '      Upload photo', '  Login']);
    expect(await listing(ws)).toEqual([
      'courier-workspace.json',
      'petstore',
      'petstore/collection.json',
      'petstore/login.request.json',
      'petstore/pets',
      'petstore/pets/create-pet.request.json',
      'petstore/pets/folder.json',
      'petstore/pets/list-pets.request.json',
      'petstore/pets/photos',
      'petstore/pets/photos/folder.json',
      'petstore/pets/photos/upload-photo.request.json',
    ]);
    expect(await readJson('petstore/collection.json')).toEqual({
      format: 2,
      name: 'Petstore',
      order: ['pets', 'login.request.json'],
      variables: [{ name: 'baseUrl', value: 'https://pets.test' }],
      auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' },
    });
    expect(await readJson('petstore/pets/folder.json')).toEqual({
      format: 2,
      name: 'Pets',
      order: ['list-pets.request.json', 'create-pet.request.json', 'photos'],
    });
    expect(await readJson('petstore/pets/create-pet.request.json')).toEqual({
      format: 2,
      name: 'Create pet',
      method: 'POST',
      url: '{{baseUrl}}/',
      body: { kind: 'json', text: '{"name":"Rex"}' },
    });
    expect(await readJson('courier-workspace.json')).toMatchObject({ order: ['petstore'] });

    // The literal password is not in any file, and the warning names the request it came from.
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^Petstore \/ Login: A credential/);
    expect((await scanForSecret([ws], secret)).hits).toEqual([]);

    // Saved requests inherit what the import put on the collection.
    const chain = await service.inheritanceChain('petstore/pets/list-pets.request.json');
    expect(chain[0]?.variables).toEqual([{ name: 'baseUrl', value: 'https://pets.test', enabled: true }]);

    // Courier's own import is one 'changed' event, never an 'external' one, even after the watcher's debounce.
    await settle();
    expect(changes).toEqual([{ reason: 'changed', paths: ['petstore'] }]);
  });

  it('makes names unique: the collection beside an existing one, requests beside each other', async () => {
    await service.createContainer(null, 'Petstore');
    const twin = collection('Petstore', [request('Get pet'), request('Get pet', { method: 'DELETE' }), request('')]);
    const first = await service.importCollections([twin]);
    const second = await service.importCollections([twin]);
    expect(first.collections).toEqual([{ name: 'Petstore 2', path: 'petstore-2' }]);
    expect(second.collections).toEqual([{ name: 'Petstore 3', path: 'petstore-3' }]);
    expect(await readdir(path.join(ws, 'petstore-2'))).toEqual(
      expect.arrayContaining(['get-pet.request.json', 'get-pet-2.request.json', 'untitled-request.request.json']),
    );
    expect(await names()).toEqual([
      'Petstore',
      'Petstore 2',
      '  Get pet',
      '  Get pet',
      '  Untitled request',
      'Petstore 3',
      '  Get pet',
      '  Get pet',
      '  Untitled request',
    ]);
    // Two collections of one import with the same name are told apart too.
    const pair = await service.importCollections([collection('API', []), collection('API', [])]);
    expect(pair.collections).toEqual([
      { name: 'API', path: 'api' },
      { name: 'API 2', path: 'api-2' },
    ]);
  });

  it('never writes a Windows device name (con, aux, nul, com1, lpt9…) as a file or folder, in any case', async () => {
    const result = await service.importCollections([collection('AUX', [folder('Con', [request('NUL'), request('com1'), request('Lpt9')]), request('prn')])]);
    expect(result.collections).toEqual([{ name: 'AUX', path: 'aux-item' }]);
    const reserved = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;
    const all = await listing(ws);
    expect(all.flatMap((rel) => rel.split('/')).filter((part) => reserved.test(part))).toEqual([]);
    expect(await names()).toEqual(['AUX', '  Con', '    NUL', '    com1', '    Lpt9', '  prn']);
    // Renaming to a device name is safe too.
    const { path: renamed } = await service.rename('aux-item/prn-item.request.json', 'CON');
    expect(renamed).toBe('aux-item/con-item.request.json');
  });

  it('refuses an import with a request it cannot store, naming it, and writes nothing', async () => {
    await service.createContainer(null, 'Existing');
    const before = await listing(ws);
    const broken = collection('Broken', [folder('Users', [request('Fine'), request('Odd one')])]);
    // As a caller that skipped the contract's validation might send it.
    const odd = (broken.items[0] as { items: { request: Record<string, unknown> }[] }).items[1]!;
    odd.request = { ...odd.request, method: '' };
    changes.length = 0;
    await expect(service.importCollections([collection('Good', [request('One')]), broken])).rejects.toMatchObject({
      code: 'INVALID_IMPORT',
      message: expect.stringContaining('“Broken / Users / Odd one”'),
    });
    expect(await listing(ws)).toEqual(before);
    expect(await names()).toEqual(['Existing']);
    await settle();
    expect(changes).toEqual([]);
  });

  it('removes everything it wrote when a write fails half-way, and the watcher reports no half state', async () => {
    await service.createContainer(null, 'Existing');
    const before = await listing(ws);
    const orderBefore = await readFile(path.join(ws, 'courier-workspace.json'), 'utf8');
    const many = Array.from({ length: 150 }, (_, i) => request(`Request ${i + 1}`));
    const big = collection('Big', [folder('Lots', many), folder('Later', [request('Boom'), request('After')])]);
    failing.match = /boom\.request\.json$/;
    changes.length = 0;
    await expect(service.importCollections([collection('Small', [request('One')]), big])).rejects.toMatchObject({ code: 'STORAGE_ERROR', detail: 'EIO' });
    expect(await listing(ws)).toEqual(before);
    expect(await readFile(path.join(ws, 'courier-workspace.json'), 'utf8')).toBe(orderBefore);
    await settle();
    expect(changes).toEqual([]);
    expect(await names()).toEqual(['Existing']);

    // The last step, the workspace's order, failing takes the written collections back out as well.
    failing.match = /courier-workspace\.json\.[0-9a-f]+\.tmp$/;
    await expect(service.importCollections([big])).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
    expect(await listing(ws)).toEqual(before);
    await settle();
    expect(changes).toEqual([]);

    failing.match = null;
    await service.importCollections([big]);
    expect((await names()).slice(0, 3)).toEqual(['Existing', 'Big', '  Lots']);
  });

  it('stores a large import (1,200 requests) in one call, quickly', async () => {
    const folders = Array.from({ length: 60 }, (_, f) =>
      folder(
        `Tag ${f}`,
        Array.from({ length: 20 }, (_, r) => request(`Operation ${f}-${r}`, { method: 'POST', body: { kind: 'json', text: `{"n":${r}}` } })),
      ),
    );
    const started = performance.now();
    await service.importCollections([collection('GitHub-sized', folders)]);
    const elapsed = performance.now() - started;
    console.log(`import of 1,200 requests into the workspace: ${Math.round(elapsed)} ms`);
    expect((await service.tree()).nodes.filter((n) => n.kind === 'request')).toHaveLength(1200);
    // lenient for slow CI machines; it takes a fraction of this
    expect(elapsed).toBeLessThan(10_000);
  }, 30_000);
});

// curl commands for one host, as the curl importer brings them (one collection, requests only)
const shopSpec = (input: Partial<HttpRequestSpecInput> = {}) => spec({ url: 'https://api.shop.test/items', ...input });
const shopRequest = (name: string, input: Partial<HttpRequestSpecInput> = {}) => ({ ...request(name), request: shopSpec(input) });

/** A collection the user works in, with one request of the name a curl import of the same URL gets. */
async function shopCollection(): Promise<string> {
  const { path: shop } = await service.createContainer(null, 'Shop');
  await service.createRequest(shop, 'GET api.shop.test/items', shopSpec());
  return shop;
}

describe('importing requests into an existing collection', () => {
  it('adds them at the top of the collection, after what is there, with file names kept apart; no collection is created', async () => {
    const shop = await shopCollection();
    const curl = collection('api.shop.test', [shopRequest('GET api.shop.test/items'), shopRequest('POST api.shop.test/orders', { method: 'POST' })]);
    changes.length = 0;
    const result = await service.importCollections([curl], shop);

    expect(result.collections).toEqual([]);
    expect(result.into).toEqual({
      name: 'Shop',
      path: 'shop',
      added: ['shop/get-api-shop-test-items-2.request.json', 'shop/post-api-shop-test-orders.request.json'],
    });
    expect(await names()).toEqual(['Shop', '  GET api.shop.test/items', '  GET api.shop.test/items', '  POST api.shop.test/orders']);
    expect(await readJson('shop/collection.json')).toMatchObject({
      name: 'Shop',
      order: ['get-api-shop-test-items.request.json', 'get-api-shop-test-items-2.request.json', 'post-api-shop-test-orders.request.json'],
    });
    expect(await readJson('shop/post-api-shop-test-orders.request.json')).toEqual({
      format: 2,
      name: 'POST api.shop.test/orders',
      method: 'POST',
      url: 'https://api.shop.test/items',
    });
    expect(await readJson('courier-workspace.json')).toMatchObject({ order: ['shop'] });
    await settle();
    expect(changes).toEqual([{ reason: 'changed', paths: result.into!.added }]);
  });

  it('keeps a literal credential out of the files as every import does, and the warning names the request', async () => {
    const secret = 'curl-literal-Secret-4417';
    const shop = await shopCollection();
    const curl = collection('api.shop.test', [shopRequest('GET api.shop.test/me', { auth: { kind: 'basic', username: 'ann', password: secret } })]);
    const result = await service.importCollections([curl], shop);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^Shop \/ GET api.shop.test\/me: A credential/);
    expect((await scanForSecret([ws], secret)).hits).toEqual([]);
  });

  it('refuses what would be lost or misplaced: settings of the imported collection, two collections, a request as target', async () => {
    const shop = await shopCollection();
    const before = await listing(ws);
    const withVariables = collection('Team', [shopRequest('One')], { variables: [{ name: 'host', value: 'https://team.test', enabled: true }] });
    await expect(service.importCollections([withVariables], shop)).rejects.toMatchObject({ code: 'INVALID_IMPORT' });
    await expect(service.importCollections([collection('A', [shopRequest('One')]), collection('B', [shopRequest('Two')])], shop)).rejects.toMatchObject({
      code: 'INVALID_IMPORT',
    });
    await expect(service.importCollections([collection('A', [shopRequest('One')])], 'shop/get-api-shop-test-items.request.json')).rejects.toMatchObject({
      code: 'WORKSPACE_NOT_FOUND',
    });
    await expect(service.importCollections([collection('A', [shopRequest('One')])], 'gone')).rejects.toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    expect(await listing(ws)).toEqual(before);
  });

  it('removes what it wrote when a write fails, and leaves the collection as it was', async () => {
    const shop = await shopCollection();
    const before = await listing(ws);
    const orderBefore = await readFile(path.join(ws, 'shop', 'collection.json'), 'utf8');
    failing.match = /boom\.request\.json$/;
    changes.length = 0;
    await expect(service.importCollections([collection('api.shop.test', [shopRequest('First'), shopRequest('Boom')])], shop)).rejects.toMatchObject({
      code: 'STORAGE_ERROR',
      detail: 'EIO',
    });
    expect(await listing(ws)).toEqual(before);
    expect(await readFile(path.join(ws, 'shop', 'collection.json'), 'utf8')).toBe(orderBefore);
    await settle();
    expect(changes).toEqual([]);
    expect(await names()).toEqual(['Shop', '  GET api.shop.test/items']);

    // nothing of the failed attempt is in the way of the next one
    failing.match = null;
    await service.importCollections([collection('api.shop.test', [shopRequest('First'), shopRequest('Boom')])], shop);
    expect(await names()).toEqual(['Shop', '  GET api.shop.test/items', '  First', '  Boom']);
    expect(await readdir(path.join(ws, 'shop'))).toEqual(expect.arrayContaining(['first.request.json', 'boom.request.json']));
  });
});
