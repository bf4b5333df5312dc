import type * as NodeFs from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpRequestSpecSchema, importedCollectionSchema, type HttpRequestSpecInput, type ImportedCollection } from '../../../shared/contract';
import { scanForSecret } from '../../test-support';
import { createWorkspaceService, type WorkspaceChange, type WorkspaceService } from './index';

// Lets a test make one chosen write fail, as a full disk would, half-way through an import.
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

const spec = (input: Partial<HttpRequestSpecInput> = {}) => httpRequestSpecSchema.parse({ method: 'GET', url: 'https://api.shop.test/items', ...input });
const request = (name: string, input: Partial<HttpRequestSpecInput> = {}) => ({ type: 'request' as const, name, description: '', request: spec(input) });
const collection = (name: string, items: ImportedCollection['items'], extra: Partial<ImportedCollection> = {}): ImportedCollection =>
  importedCollectionSchema.parse({ name, items, ...extra });

function memoryStore() {
  const data = new Map<string, unknown>();
  return { get: (key: string) => data.get(key), set: (key: string, value: unknown) => void data.set(key, value) };
}

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
  dir = await mkdtemp(path.join(tmpdir(), 'courier-ws-import-into-'));
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

/** A collection the user works in, with one request of the name a curl import of the same URL gets. */
async function shopCollection(): Promise<string> {
  const { path: shop } = await service.createContainer(null, 'Shop');
  await service.createRequest(shop, 'GET api.shop.test/items', spec());
  return shop;
}

describe('importing requests into an existing collection', () => {
  it('adds them at the top of the collection, after what is there, with file names kept apart; no collection is created', async () => {
    const shop = await shopCollection();
    const curl = collection('api.shop.test', [request('GET api.shop.test/items'), request('POST api.shop.test/orders', { method: 'POST' })]);
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
    const curl = collection('api.shop.test', [request('GET api.shop.test/me', { auth: { kind: 'basic', username: 'ann', password: secret } })]);
    const result = await service.importCollections([curl], shop);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^Shop \/ GET api.shop.test\/me: A credential/);
    expect((await scanForSecret([ws], secret)).hits).toEqual([]);
  });

  it('refuses what would be lost or misplaced: settings of the imported collection, two collections, a request as target', async () => {
    const shop = await shopCollection();
    const before = await listing(ws);
    const withVariables = collection('Team', [request('One')], { variables: [{ name: 'host', value: 'https://team.test', enabled: true }] });
    await expect(service.importCollections([withVariables], shop)).rejects.toMatchObject({ code: 'INVALID_IMPORT' });
    await expect(service.importCollections([collection('A', [request('One')]), collection('B', [request('Two')])], shop)).rejects.toMatchObject({
      code: 'INVALID_IMPORT',
    });
    await expect(service.importCollections([collection('A', [request('One')])], 'shop/get-api-shop-test-items.request.json')).rejects.toMatchObject({
      code: 'WORKSPACE_NOT_FOUND',
    });
    await expect(service.importCollections([collection('A', [request('One')])], 'gone')).rejects.toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    expect(await listing(ws)).toEqual(before);
  });

  it('removes what it wrote when a write fails, and leaves the collection as it was', async () => {
    const shop = await shopCollection();
    const before = await listing(ws);
    const orderBefore = await readFile(path.join(ws, 'shop', 'collection.json'), 'utf8');
    failing.match = /boom\.request\.json$/;
    changes.length = 0;
    await expect(service.importCollections([collection('api.shop.test', [request('First'), request('Boom')])], shop)).rejects.toMatchObject({
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
    await service.importCollections([collection('api.shop.test', [request('First'), request('Boom')])], shop);
    expect(await names()).toEqual(['Shop', '  GET api.shop.test/items', '  First', '  Boom']);
    expect(await readdir(path.join(ws, 'shop'))).toEqual(expect.arrayContaining(['first.request.json', 'boom.request.json']));
  });
});
