import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type MethodOutput } from '../../shared/contract';
import { createCourier } from './create-courier';

const fixture = path.resolve(import.meta.dirname, '../../shared/importers/bruno/fixtures/courier-minimal');
let dataDir: string;
let scratch: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-bruno-core-'));
  scratch = await mkdtemp(path.join(os.tmpdir(), 'courier-bruno-scratch-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

const courierFor = () =>
  createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: { N: 1024, r: 8, p: 1 }, onInternalError: (e) => console.error(e) });

describe('Bruno collection folders through the contract', () => {
  it('imports a folder by path, keeps it in the workspace, and exports it back as a Bruno folder', async () => {
    const courier = courierFor();
    try {
      const parsed = await dispatch(courier.handlers, 'import.parseFolder', { path: fixture });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const result = parsed.value as MethodOutput<'import.parseFolder'>;
      expect(result.formatLabel).toBe('Bruno collection');
      expect(result.collections[0]!.items.map((item) => item.name)).toEqual(['Users', 'Login', 'Search']);

      const saved = await dispatch(courier.handlers, 'workspace.importCollections', { collections: result.collections });
      if (!saved.ok) throw new Error(saved.error.message);
      const collectionPath = (saved.value as MethodOutput<'workspace.importCollections'>).collections[0]!.path;

      const exported = await dispatch(courier.handlers, 'export.brunoFolder', { path: collectionPath, destination: scratch });
      if (!exported.ok) throw new Error(exported.error.message);
      const value = exported.value as MethodOutput<'export.brunoFolder'>;
      expect(value.folder).toBe(path.join(scratch, 'Minimal API'));
      expect((await readdir(value.folder)).sort()).toEqual(['Login.bru', 'Search.bru', 'Users', 'bruno.json', 'collection.bru']);
      expect(await readFile(path.join(value.folder, 'Users', 'Get user.bru'), 'utf8')).toContain('url: {{baseUrl}}/:version/users/:id?expand=profile');

      // the exported folder imports again, with the same requests
      const again = await dispatch(courier.handlers, 'import.parseFolder', { path: value.folder });
      if (!again.ok) throw new Error(again.error.message);
      expect((again.value as MethodOutput<'import.parseFolder'>).collections[0]!.items.map((item) => item.name)).toEqual(['Users', 'Login', 'Search']);

      // never over an existing folder
      const twice = await dispatch(courier.handlers, 'export.brunoFolder', { path: collectionPath, destination: scratch });
      expect(twice).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already exists/) } });
    } finally {
      await courier.close();
    }
  });

  it('refuses a relative path, a folder without bruno.json, and a link out of the folder', async () => {
    const courier = courierFor();
    try {
      expect(await dispatch(courier.handlers, 'import.parseFolder', { path: 'relative/dir' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_IMPORT', message: expect.stringMatching(/full path/) },
      });
      const empty = path.join(scratch, 'not-bruno');
      await mkdir(empty);
      await writeFile(path.join(empty, 'a.bru'), 'meta {\n  name: a\n}\n');
      expect(await dispatch(courier.handlers, 'import.parseFolder', { path: empty })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_IMPORT', message: expect.stringMatching(/no bruno.json/) },
      });
      const trap = path.join(scratch, 'trap');
      await mkdir(trap);
      await writeFile(path.join(trap, 'bruno.json'), '{"name":"trap"}');
      const outside = path.join(scratch, 'outside.bru');
      await writeFile(outside, 'meta {\n  name: outside\n}\n\nget {\n  url: https://x\n}\n');
      await symlink(outside, path.join(trap, 'leak.bru'));
      expect(await dispatch(courier.handlers, 'import.parseFolder', { path: trap })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_IMPORT', message: expect.stringMatching(/outside the workspace folder/) },
      });
    } finally {
      await courier.close();
    }
  });
});
