import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryConf, openSettingsStore, type SettingsConfOptions } from './index';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

describe('settings store', () => {
  it('round-trips values and keeps dotted keys literal', async () => {
    const store = openSettingsStore({ dir });
    expect(store.path).toBe(path.join(dir, 'settings.json'));
    expect(store.get('missing')).toBeUndefined();
    store.set('theme', 'dark');
    store.set('variables.corrupt-x', { a: [1, 2, { b: null }] });
    expect(store.get('theme')).toBe('dark');
    expect(store.get('variables.corrupt-x')).toEqual({ a: [1, 2, { b: null }] });
    expect(store.get('variables')).toBeUndefined();
    store.delete('theme');
    expect(store.get('theme')).toBeUndefined();
    expect(store.notices).toEqual([]);
    const onDisk = JSON.parse(await readFile(store.path, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(onDisk)).toEqual(['variables.corrupt-x']);
  });

  it('removes settings.json.tmp-* files a crash left between write and rename, and nothing else', async () => {
    const first = openSettingsStore({ dir });
    first.set('theme', 'dark');
    // What atomically leaves when the process dies after writing the temp file and before renaming it.
    await writeFile(path.join(dir, 'settings.json.tmp-1733300000a1b2c3'), '{"vault":"ciphertext"}');
    await writeFile(path.join(dir, 'settings.json.tmp-1733300001ffffff'), '');
    await writeFile(path.join(dir, 'other.json.tmp-1733300000a1b2c3'), '{}');
    const second = openSettingsStore({ dir });
    expect(second.get('theme')).toBe('dark');
    expect((await readdir(dir)).sort()).toEqual(['other.json.tmp-1733300000a1b2c3', 'settings.json']);
  });

  it('keeps values across reopen, under the chosen name', async () => {
    const first = openSettingsStore({ dir, name: 'prefs' });
    first.set('count', 3);
    first.set('nested', { deep: { list: ['a'] } });
    const second = openSettingsStore({ dir, name: 'prefs' });
    expect(second.path).toBe(path.join(dir, 'prefs.json'));
    expect(second.get('count')).toBe(3);
    expect(second.get('nested')).toEqual({ deep: { list: ['a'] } });
  });

  it.runIf(posix)('writes the file 0600 and creates its folder 0700', async () => {
    const nested = path.join(dir, 'data', 'courier');
    const store = openSettingsStore({ dir: nested });
    store.set('k', 'v');
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
  });

  it.runIf(posix)('tightens an existing world-readable file', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{"k":1}', { mode: 0o644 });
    openSettingsStore({ dir });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['truncated JSON', '{"theme": "dark", "vault": {"secr'],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['an empty file', ''],
    ['binary garbage', '\u0000\u00ff\u00fe garbage'],
  ])('keeps a damaged file (%s) aside byte for byte, tells the user and starts fresh', async (_label, content) => {
    const file = path.join(dir, 'settings.json');
    const bytes = Buffer.from(content, 'latin1');
    await writeFile(file, bytes);
    const store = openSettingsStore({ dir });
    expect(store.get('theme')).toBeUndefined();
    const asides = (await readdir(dir)).filter((f) => f.startsWith('settings.json.corrupt-'));
    expect(asides).toHaveLength(1);
    expect(asides[0]).toMatch(/^settings\.json\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/);
    expect(Buffer.compare(await readFile(path.join(dir, asides[0]!)), bytes)).toBe(0);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toContain('Your settings file was damaged. It was kept as ' + asides[0]);
    store.set('theme', 'light');
    expect(openSettingsStore({ dir }).get('theme')).toBe('light');
  });

  it('sets aside a file damaged while running instead of failing every call', async () => {
    const store = openSettingsStore({ dir });
    store.set('a', 1);
    await writeFile(store.path, '{oops');
    expect(store.get('a')).toBeUndefined();
    expect(store.notices).toHaveLength(1);
    store.set('b', 2);
    expect(store.get('b')).toBe(2);
    const asides = (await readdir(dir)).filter((f) => f.includes('.corrupt-'));
    expect(await readFile(path.join(dir, asides[0]!), 'utf8')).toBe('{oops');
  });

  it('gives two damaged files in the same millisecond different names', async () => {
    await writeFile(path.join(dir, 'settings.json'), 'x');
    const store = openSettingsStore({ dir });
    await writeFile(store.path, 'y');
    store.set('k', 1);
    const asides = (await readdir(dir)).filter((f) => f.includes('.corrupt-')).sort();
    expect(asides).toHaveLength(2);
    const contents = await Promise.all(asides.map((f) => readFile(path.join(dir, f), 'utf8')));
    expect(contents.sort()).toEqual(['x', 'y']);
  });

  it('uses the Conf factory it is given, with options electron-store understands', () => {
    const seen: SettingsConfOptions[] = [];
    const store = openSettingsStore({
      dir,
      name: 'courier',
      createConf: (options) => {
        seen.push(options);
        return new Conf<Record<string, unknown>>(options);
      },
    });
    store.set('x', true);
    expect(seen[0]).toMatchObject({
      cwd: dir,
      configName: 'courier',
      name: 'courier',
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      configFileMode: 0o600,
    });
    expect(store.get('x')).toBe(true);
  });

  it('keeps settings in memory with createMemoryConf: nothing written to the folder, a fresh copy on every read', async () => {
    const store = openSettingsStore({ dir, createConf: createMemoryConf });
    store.set('scopes', { list: [1] });
    (store.get('scopes') as { list: number[] }).list.push(2);
    expect(store.get('scopes')).toEqual({ list: [1] });
    store.delete('scopes');
    expect(store.get('scopes')).toBeUndefined();
    // refused as Conf refuses it
    expect(() => store.set('x', undefined)).toThrow(/could not save/);
    expect(await readdir(dir)).toEqual([]);
  });
});
