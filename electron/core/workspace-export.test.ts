import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  dispatch,
  httpRequestSpecSchema,
  requestAuthSchema,
  type HttpRequestSpec,
  type HttpRequestSpecInput,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../shared/contract';
import { toPostmanCollection } from '../../shared/exporters';
import { flattenRequests, importText } from '../../shared/importers';
import { createCourier, type Courier } from './create-courier';

let dataDir: string;
let courier: Courier;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-ws-export-core-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(path.join(dataDir, 'workspace'), { recursive: true, force: true });
  courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, onInternalError: (e) => console.error(e) });
});
afterEach(async () => {
  await courier.close();
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

const bearer = requestAuthSchema.parse({ kind: 'bearer', token: '{{token}}' });
const spec = (input: HttpRequestSpecInput): HttpRequestSpec => httpRequestSpecSchema.parse(input);

/** What survives a Postman round trip of a request: Postman has no per-request settings. */
const essentials = (request: HttpRequestSpec) => ({
  method: request.method,
  url: request.url,
  headers: request.headers,
  body: request.body,
  auth: request.auth,
});

describe('workspace.exportCollection through the contract', () => {
  it('exports a collection in tree order and round-trips it through the Postman exporter and importer', async () => {
    const { path: api } = await call('workspace.createContainer', { parent: null, name: 'Team API' });
    await call('workspace.saveContainer', {
      path: api,
      settings: {
        name: 'Team API',
        variables: [
          { name: 'baseUrl', value: 'https://team.test', enabled: true },
          { name: 'old', value: 'x', enabled: false },
        ],
        headers: [],
        auth: bearer,
      },
    });
    const { path: users } = await call('workspace.createContainer', { parent: api, name: 'Users' });
    const list = spec({ method: 'GET', url: '{{baseUrl}}/users', headers: [{ name: 'Accept', value: 'application/json' }] });
    const create = spec({
      method: 'POST',
      url: '{{baseUrl}}/users',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body: { kind: 'json', text: '{ "name": "Ada" }' },
      auth: { kind: 'basic', username: '{{user}}', password: '{{password}}' },
    });
    await call('workspace.createRequest', { parent: users, name: 'List users', request: list });
    await call('workspace.createRequest', { parent: api, name: 'Create user', request: create });

    const exported = await call('workspace.exportCollection', { path: api });
    expect(exported.warnings).toEqual([]);
    expect(exported.collection).toEqual({
      name: 'Team API',
      description: '',
      variables: [
        { name: 'baseUrl', value: 'https://team.test', enabled: true },
        { name: 'old', value: 'x', enabled: false },
      ],
      auth: bearer,
      items: [
        { type: 'folder', name: 'Users', description: '', items: [{ type: 'request', name: 'List users', description: '', request: list }] },
        { type: 'request', name: 'Create user', description: '', request: create },
      ],
    });

    const text = toPostmanCollection(exported.collection);
    expect(JSON.parse(text)).toMatchObject({ info: { name: 'Team API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' } });
    const back = await importText(text);
    expect(back.format).toBe('postman');
    const [collection] = back.collections;
    expect(collection).toMatchObject({ name: 'Team API', auth: bearer, variables: exported.collection.variables });
    expect(collection!.items.map((item) => `${item.type}:${item.name}`)).toEqual(['folder:Users', 'request:Create user']);
    const requests = flattenRequests(collection!.items);
    expect(requests.map((r) => [...r.path, r.request.name].join(' / '))).toEqual(['Users / List users', 'Create user']);
    expect(requests.map((r) => essentials(r.request.request))).toEqual([essentials(list), essentials(create)]);
  });

  it('exports a folder as a collection with what it inherits, skips unreadable files and names what it left out', async () => {
    const { path: api } = await call('workspace.createContainer', { parent: null, name: 'Shop' });
    await call('workspace.saveContainer', {
      path: api,
      settings: {
        name: 'Shop',
        variables: [
          { name: 'baseUrl', value: 'https://shop.test', enabled: true },
          { name: 'page', value: '1', enabled: true },
        ],
        headers: [{ name: 'X-Team', value: 'shop', enabled: true }],
        auth: bearer,
      },
    });
    const { path: orders } = await call('workspace.createContainer', { parent: api, name: 'Orders' });
    await call('workspace.saveContainer', {
      path: orders,
      settings: { name: 'Orders', variables: [{ name: 'page', value: '2', enabled: true }], headers: [], auth: { kind: 'none' } },
    });
    const { path: admin } = await call('workspace.createContainer', { parent: orders, name: 'Admin' });
    await call('workspace.saveContainer', {
      path: admin,
      settings: {
        name: 'Admin',
        variables: [{ name: 'scope', value: 'all', enabled: true }],
        headers: [],
        auth: { kind: 'apikey', name: 'X-Key', value: '{{adminKey}}', in: 'header' },
      },
    });
    await call('workspace.createRequest', { parent: admin, name: 'Refund', request: spec({ method: 'POST', url: '{{baseUrl}}/refunds' }) });
    await call('workspace.createRequest', { parent: orders, name: 'List orders', request: spec({ method: 'GET', url: '{{baseUrl}}/orders?page={{page}}' }) });
    await writeFile(path.join(dataDir, 'workspace', orders, 'broken.request.json'), '{ not json', 'utf8');
    await call('workspace.open', { path: null });

    const { collection, warnings } = await call('workspace.exportCollection', { path: orders });
    expect(collection.name).toBe('Orders');
    // the folder's variables replace the collection's same-named ones; the auth is the nearest one above
    expect(collection.variables).toEqual([
      { name: 'baseUrl', value: 'https://shop.test', enabled: true },
      { name: 'page', value: '2', enabled: true },
    ]);
    expect(collection.auth).toEqual(bearer);
    expect(collection.items.map((item) => item.name)).toEqual(['Admin', 'List orders']);
    const [adminFolder, listOrders] = collection.items;
    if (adminFolder?.type !== 'folder' || listOrders?.type !== 'request') throw new Error('unexpected shape');
    // headers come down from the collection; the Admin folder's auth goes into its request, which had none
    expect(listOrders.request.headers).toEqual([{ name: 'X-Team', value: 'shop', enabled: true }]);
    expect(listOrders.request.auth).toEqual({ kind: 'inherit' });
    const [refund] = adminFolder.items;
    expect(refund).toMatchObject({
      type: 'request',
      name: 'Refund',
      request: { auth: { kind: 'apikey', name: 'X-Key', value: '{{adminKey}}' }, headers: [{ name: 'X-Team', value: 'shop' }] },
    });
    expect(warnings).toEqual([
      expect.stringMatching(/^Orders \/ Admin: folder variables .*\(scope\)/),
      expect.stringMatching(/^Orders \/ broken: not exported, the file cannot be read/),
    ]);

    const notFound = await dispatch(courier.handlers, 'workspace.exportCollection', { path: 'nope' });
    expect(notFound).toMatchObject({ ok: false, error: { code: 'WORKSPACE_NOT_FOUND' } });
    const outside = await dispatch(courier.handlers, 'workspace.exportCollection', { path: '../etc' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
