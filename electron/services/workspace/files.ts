import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { conflict } from './problems';
import { readWorkspaceFile, WorkspaceReadError } from './safe-read';

/**
 * Writes through a hidden temp file and a rename, so a reader (git, an editor, our own watcher) never sees half a
 * file and a crash leaves the old one whole. Hidden names are skipped by the scan.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A file's text for an undo, or null when it is gone; a file Courier will not read stops the change that needs it. */
export function readForUndo(root: string, file: string): string | null {
  try {
    return readWorkspaceFile(root, file);
  } catch (error) {
    if (error instanceof WorkspaceReadError) throw conflict(`Courier cannot keep an undo copy of this, so nothing was deleted: ${error.message}`);
    throw error;
  }
}

/** Every file under `dir` as path (relative, '/'-separated) → text; for undo of a delete. Links and pipes are skipped. */
export async function snapshotFiles(root: string, dir: string, rel = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of await snapshotFiles(root, full, childRel)) out.set(k, v);
    else if (entry.isFile()) {
      const text = readForUndo(root, full);
      if (text !== null) out.set(childRel, text);
    }
  }
  return out;
}
