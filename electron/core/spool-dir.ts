import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';

/** Large response bodies are spooled to files under <dataDir>/spool/<one folder per run>. */
export function spoolRoot(dataDir: string): string {
  return path.join(dataDir, 'spool');
}

export function createRunSpoolDir(dataDir: string): string {
  return path.join(spoolRoot(dataDir), `run-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Deletes bodies left behind by a run that crashed. Only a host holding the data-folder lock may call this (before
 * createCourier): the lock is what guarantees no other live Courier is reading those files.
 */
export async function removeLeftoverSpool(dataDir: string): Promise<void> {
  await rm(spoolRoot(dataDir), { recursive: true, force: true });
}
