import { mkdtemp, mkdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirFromArgs, defaultDataDir, ensureDataDir, resolveDataDir } from './data-dir';

describe('defaultDataDir: the folder Electron gives as userData for "Courier"', () => {
  it('uses $XDG_CONFIG_HOME/Courier on Linux, or ~/.config/Courier', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, homedir: '/home/ada' })).toBe('/xdg/Courier');
    expect(defaultDataDir({ platform: 'linux', env: {}, homedir: '/home/ada' })).toBe('/home/ada/.config/Courier');
    // a relative XDG value is ignored, as Electron ignores it
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, homedir: '/home/ada' })).toBe('/home/ada/.config/Courier');
  });

  it('uses ~/Library/Application Support/Courier on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/xdg' }, homedir: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/Courier',
    );
  });

  it('uses %APPDATA%\\Courier on Windows', () => {
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, homedir: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Courier',
    );
    expect(defaultDataDir({ platform: 'win32', env: {}, homedir: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\Courier');
  });
});

describe('resolveDataDir', () => {
  const context = { platform: 'linux' as const, env: {}, homedir: '/home/ada' };

  it('prefers --data-dir, then COURIER_DATA_DIR, then the default', () => {
    const env = { COURIER_DATA_DIR: '/from-env' };
    expect(resolveDataDir({ argv: ['node', 'cli', '--data-dir', '/from-flag'], env, context })).toBe('/from-flag');
    expect(resolveDataDir({ argv: ['node', 'cli', '--data-dir=/from-flag-eq'], env, context })).toBe('/from-flag-eq');
    expect(resolveDataDir({ argv: ['node', 'cli'], env, context })).toBe('/from-env');
    expect(resolveDataDir({ argv: ['node', 'cli'], env: {}, context })).toBe('/home/ada/.config/Courier');
  });

  it('resolves a relative folder against the working directory', () => {
    expect(resolveDataDir({ argv: ['--data-dir', 'data'], env: {}, cwd: '/work', context })).toBe('/work/data');
  });

  it('ignores a --data-dir with no value', () => {
    expect(dataDirFromArgs(['--data-dir'])).toBeUndefined();
    expect(dataDirFromArgs(['--data-dir', '--port'])).toBeUndefined();
    expect(dataDirFromArgs(['--data-dir='])).toBeUndefined();
  });
});

describe('ensureDataDir', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'courier-app-paths-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.skipIf(process.platform === 'win32')('creates missing folders readable by the user only', async () => {
    const dir = path.join(root, 'a', 'b', 'Courier');
    await ensureDataDir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('leaves an existing folder as its owner set it', async () => {
    const dir = path.join(root, 'existing');
    await mkdir(dir, { mode: 0o755 });
    await ensureDataDir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o755);
  });
});
