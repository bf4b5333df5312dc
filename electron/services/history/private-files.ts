import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * History holds every request and answer the user sent: URLs, headers and bodies. It is the owner's alone, whatever
 * the umask and whoever made the folder first (an older Courier, a backup restore, `mkdir` in a shell): folders are
 * 0700 and files 0600, set on every open, not only when created. Windows has no modes; chmod is then a no-op.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder when missing and makes it the owner's alone either way. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Tightens a file that may exist; a missing one is fine (it will be created 0600). */
export function tightenFile(file: string): void {
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * The body store's folders (`bodies/`, `bodies/tmp`, `bodies/ab/`) made private. The files in them are not walked
 * (a large history has 100k of them); a 0700 parent already keeps other users out, and new files are written 0600.
 */
export function tightenTree(dir: string): void {
  privateDir(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(path.join(dir, entry.name), PRIVATE_DIR_MODE);
  }
}
