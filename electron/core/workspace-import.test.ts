import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type MethodOutput } from '../../shared/contract';
import { createCourier } from './create-courier';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-ws-import-core-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const postman = JSON.stringify({
  info: { name: 'Team API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  variable: [{ key: 'host', value: 'https://team.test' }],
  auth: { type: 'bearer', bearer: [{ key: 'token', value: 'literal-token-123' }] },
  item: [
    { name: 'Users', item: [{ name: 'List users', request: { method: 'GET', url: '{{host}}/users' } }] },
    { name: 'Ping', request: { method: 'GET', url: '{{host}}/ping' } },
  ],
});

describe('workspace.importCollections through the contract', () => {
  it('parses a Postman file and saves it as a collection; bad input is refused before the service', async () => {
    const courier = createCourier({
      dataDir,
      mode: 'web',
      version: '0',
      openExternal: () => false,
      scrypt: { N: 1024, r: 8, p: 1 },
      onInternalError: (e) => console.error(e),
    });
    try {
      const parsed = await dispatch(courier.handlers, 'import.parse', { text: postman });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const parsedValue = parsed.value as MethodOutput<'import.parse'>;
      // a literal credential goes to the vault: with no vault set up, the import says so and writes nothing
      const refused = await dispatch(courier.handlers, 'workspace.importCollections', { collections: parsedValue.collections });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED', message: expect.stringContaining('Bearer token') } });
      expect(await readdir(path.join(dataDir, 'workspace'))).toEqual(expect.not.arrayContaining(['team-api']));
      await dispatch(courier.handlers, 'vault.unlock', { passphrase: 'import passphrase' });
      const saved = await dispatch(courier.handlers, 'workspace.importCollections', { collections: parsedValue.collections });
      if (!saved.ok) throw new Error(saved.error.message);
      const value = saved.value as MethodOutput<'workspace.importCollections'>;
      expect(value.collections).toEqual([{ name: 'Team API', path: 'team-api' }]);
      // the collection's literal bearer token stays out of collection.json: the vault keeps it, the file a reference
      expect(value.warnings).toEqual([]);

      const root = path.join(dataDir, 'workspace', 'team-api');
      expect((await readdir(root)).sort()).toEqual(['collection.json', 'ping.request.json', 'users']);
      const collection = JSON.parse(await readFile(path.join(root, 'collection.json'), 'utf8')) as Record<string, unknown>;
      expect(collection).toMatchObject({ name: 'Team API', order: ['users', 'ping.request.json'], variables: [{ name: 'host', value: 'https://team.test' }] });
      expect(JSON.stringify(collection)).not.toContain('literal-token-123');
      expect(collection.auth).toMatchObject({ kind: 'bearer', token: expect.stringMatching(/^\{\{\$credential\.[\w-]+\}\}$/) });

      const tree = await dispatch(courier.handlers, 'workspace.tree', {});
      if (!tree.ok) throw new Error(tree.error.message);
      expect((tree.value as MethodOutput<'workspace.tree'>).nodes.map((n) => n.path)).toEqual([
        'team-api',
        'team-api/users',
        'team-api/users/list-users.request.json',
        'team-api/ping.request.json',
      ]);

      const invalid = await dispatch(courier.handlers, 'workspace.importCollections', {
        collections: [{ name: 'X', items: [{ type: 'request', name: 'r', request: { method: 'GET' } }] }],
      });
      expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const none = await dispatch(courier.handlers, 'workspace.importCollections', { collections: [] });
      expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await readdir(path.join(dataDir, 'workspace'))).toEqual(expect.not.arrayContaining(['x']));
    } finally {
      await courier.close();
    }
  });
});
