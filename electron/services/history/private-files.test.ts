import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService } from './index';
import { fakeRecord } from './test-support/fixtures';

const posix = process.platform !== 'win32';
let root: string;
let umask: number;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'courier-history-modes-'));
  umask = process.umask(0o022);
});
afterEach(async () => {
  process.umask(umask);
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

/** Every folder and file below `dir` (the folder itself included) with its permission bits. */
async function modes(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = { '.': await modeOf(dir) };
  for (const entry of await readdir(dir, { recursive: true })) out[entry.split(path.sep).join('/')] = await modeOf(path.join(dir, entry));
  return out;
}

describe.runIf(posix)('history files are private', () => {
  it('makes history.db, -wal, -shm, bodies and their folders 0600/0700 even in a pre-existing 0755 folder (umask 022)', async () => {
    const dir = path.join(root, 'history');
    // A data folder an older version (or the user) made with default modes, with a body folder and a settings file.
    await mkdir(path.join(dir, 'bodies', 'ab'), { recursive: true, mode: 0o755 });
    await chmod(dir, 0o755);
    await writeFile(path.join(dir, 'settings.json'), '{"maxEntries":100}\n', { mode: 0o644 });
    const service = createHistoryService({ dir });
    try {
      await service.record(fakeRecord({ url: 'http://a.test/private', body: 'x'.repeat(100) }));
      await service.record(fakeRecord({ url: 'http://a.test/large', body: 'y'.repeat(3 * 1024 * 1024) }));
      await service.setRetention({ maxEntries: 1000, maxBodyBytes: 1024 * 1024 * 1024 });
      const found = await modes(dir);
      expect(Object.keys(found)).toEqual(expect.arrayContaining(['history.db', 'history.db-wal', 'history.db-shm', 'bodies', 'settings.json']));
      expect(Object.keys(found).filter((f) => f.endsWith('.gz')).length).toBeGreaterThanOrEqual(2);
      const wrong = Object.entries(found).filter(([rel, mode]) => {
        const isDir = rel === '.' || rel === 'bodies' || rel === 'bodies/tmp' || /^bodies\/[0-9a-f]{2}$/.test(rel);
        return mode !== (isDir ? 0o700 : 0o600);
      });
      expect(wrong).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it('tightens an existing history.db and -wal left 0644 by an earlier run', async () => {
    const dir = path.join(root, 'history');
    const first = createHistoryService({ dir });
    await first.record(fakeRecord({ url: 'http://a.test/one' }));
    await first.close();
    for (const file of ['history.db', 'history.db-wal']) await chmod(path.join(dir, file), 0o644).catch(() => undefined);
    await chmod(dir, 0o755);
    const second = createHistoryService({ dir });
    try {
      expect(second.list({}, 0, 10).total).toBe(1);
      expect(await modeOf(dir)).toBe(0o700);
      for (const file of ['history.db', 'history.db-wal', 'history.db-shm']) expect(await modeOf(path.join(dir, file)), file).toBe(0o600);
    } finally {
      await second.close();
    }
  });
});
