import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME } from '../../services/app-paths';
import { startWebHost, type WebHost } from './start-web-host';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function tempDirs() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'courier-web-lock-'));
  cleanup.push(() => rm(root, { recursive: true, force: true }));
  return { dataDir: path.join(root, 'data'), staticRoot: root };
}

async function start(dataDir: string, staticRoot: string): Promise<WebHost> {
  const host = await startWebHost({ dataDir, staticRoot, version: 'test', onInternalError: () => undefined });
  cleanup.push(() => host.close());
  return host;
}

function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('web host: one server per data folder', () => {
  it('refuses a second server on the same data folder with a clear message, and allows it after the first closes', async () => {
    const { dataDir, staticRoot } = await tempDirs();
    const first = await start(dataDir, staticRoot);
    const second = startWebHost({ dataDir, staticRoot, version: 'test' });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/already using the data folder/);
    await first.close();
    const third = await start(dataDir, staticRoot);
    expect(third.port).toBeGreaterThan(0);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const { dataDir, staticRoot } = await tempDirs();
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: await deadPid(), nonce: 'old', owner: 'web mode' }));
    await start(dataDir, staticRoot);
    const lock = JSON.parse(await readFile(path.join(dataDir, LOCK_FILE_NAME), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
  });

  it('clears bodies a crashed run left in the spool once it holds the lock', async () => {
    const { dataDir, staticRoot } = await tempDirs();
    const leftover = path.join(dataDir, 'spool', 'run-1-deadbeef');
    await mkdir(leftover, { recursive: true });
    await writeFile(path.join(leftover, 'body-x.bin'), 'old response');
    await start(dataDir, staticRoot);
    await expect(readFile(path.join(leftover, 'body-x.bin'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('releases the lock on close', async () => {
    const { dataDir, staticRoot } = await tempDirs();
    const host = await start(dataDir, staticRoot);
    await host.close();
    await expect(readFile(path.join(dataDir, LOCK_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('releases the lock when the port cannot be taken', async () => {
    const { dataDir, staticRoot } = await tempDirs();
    const busy = await start(path.join(dataDir, 'other'), staticRoot);
    await expect(startWebHost({ dataDir, staticRoot, version: 'test', port: busy.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await expect(readFile(path.join(dataDir, LOCK_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
