import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE_NAME = 'courier.lock';

interface LockRecord {
  pid: number;
  nonce: string;
  startedAt: string;
  owner: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Thrown when another live Courier holds the data folder; message written for the person at the terminal. */
export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number, owner: string) {
    super(
      `Another Courier (${owner}, pid ${pid}) is already using the data folder ${dir}. ` +
        'Close it first, or start this one with --data-dir <another folder>. ' +
        `(If no Courier is running, delete ${path.join(dir, LOCK_FILE_NAME)}.)`,
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readRecord(file: string): Promise<LockRecord | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0 && typeof parsed.nonce === 'string') {
      return { pid: parsed.pid, nonce: parsed.nonce, startedAt: String(parsed.startedAt), owner: String(parsed.owner ?? 'unknown') };
    }
  } catch {
    // unreadable or half-written: treated as stale below
  }
  return null;
}

/**
 * One Courier per data folder: two processes writing the same history and body spool would corrupt both.
 * The lock file is created complete in one step (written aside, then hard-linked into place, which fails if the name
 * exists), so a reader never sees a half-written lock. A lock left by a process that no longer runs is taken over.
 */
export async function acquireDataDirLock(dir: string, owner: string): Promise<DataDirLock> {
  const lockPath = path.join(dir, LOCK_FILE_NAME);
  const record: LockRecord = { pid: process.pid, nonce: randomBytes(16).toString('hex'), startedAt: new Date().toISOString(), owner };
  const staging = path.join(dir, `${LOCK_FILE_NAME}.${process.pid}.${record.nonce}`);
  await writeFile(staging, JSON.stringify(record) + '\n', { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(staging, lockPath);
        return createHandle(lockPath, record.nonce);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readRecord(lockPath);
      if (holder && isAlive(holder.pid)) throw new DataDirLockedError(dir, holder.pid, holder.owner);
      // Stale: its process is gone. If two starters race here, only one link() succeeds on the next attempt.
      await unlink(lockPath).catch(() => undefined);
    }
    throw new Error(`Could not take the lock ${lockPath}; another Courier keeps starting on the same data folder.`);
  } finally {
    await unlink(staging).catch(() => undefined);
  }
}

function createHandle(lockPath: string, nonce: string): DataDirLock {
  let released: Promise<void> | null = null;
  return {
    path: lockPath,
    release() {
      // Remove the file only while it is still ours: a successor that took over a stale lock keeps its own.
      released ??= (async () => {
        const holder = await readRecord(lockPath);
        if (holder?.nonce === nonce) await unlink(lockPath).catch(() => undefined);
      })();
      return released;
    },
  };
}
