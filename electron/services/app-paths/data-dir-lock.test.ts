import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME, acquireDataDirLock } from './data-dir-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('acquireDataDirLock', () => {
  it('writes a lock naming this process, and leaves no staging files behind', async () => {
    const lock = await acquireDataDirLock(dir, 'web mode');
    const record = JSON.parse(await readFile(lock.path, 'utf8')) as { pid: number; owner: string };
    expect(record).toMatchObject({ pid: process.pid, owner: 'web mode' });
    expect(await readdir(dir)).toEqual([LOCK_FILE_NAME]);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses while a live process holds it, naming the holder and the way out', async () => {
    const lock = await acquireDataDirLock(dir, 'desktop app');
    const second = acquireDataDirLock(dir, 'web mode');
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`Another Courier (desktop app, pid ${process.pid}) is already using the data folder ${dir}.`);
    await expect(second).rejects.toThrow(/--data-dir/);
    expect(await readdir(dir)).toEqual([LOCK_FILE_NAME]);
    await lock.release();
  });

  it('takes over a lock whose process is gone, and one that is unreadable', async () => {
    await writeFile(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: await deadPid(), nonce: 'x', owner: 'web mode' }));
    const first = await acquireDataDirLock(dir, 'web mode');
    await first.release();
    await writeFile(path.join(dir, LOCK_FILE_NAME), 'garbage');
    const second = await acquireDataDirLock(dir, 'web mode');
    expect(JSON.parse(await readFile(second.path, 'utf8'))).toMatchObject({ pid: process.pid });
    await second.release();
  });

  it('on release removes only its own lock, not a successor’s', async () => {
    const lock = await acquireDataDirLock(dir, 'web mode');
    const successor = JSON.stringify({ pid: process.pid, nonce: 'someone-else', owner: 'web mode' });
    await writeFile(lock.path, successor);
    await lock.release();
    expect(await readFile(lock.path, 'utf8')).toBe(successor);
  });

  it('lets exactly one of several simultaneous starters win', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => acquireDataDirLock(dir, 'web mode')));
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
  });
});
