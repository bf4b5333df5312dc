import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The most Courier reads from one workspace file. Request and settings files are a few KB; a larger one is a mistake
 * or a trap (a link to /dev/zero, a log someone renamed), and reading it whole would stall every workspace call.
 */
export const MAX_WORKSPACE_FILE_BYTES = 10 * 1024 * 1024;

/** A file Courier will not read; the message names the file and never quotes what is in it. */
export class WorkspaceReadError extends Error {
  override name = 'WorkspaceReadError';
}

// Not defined on Windows, where links and FIFOs work differently; the lstat and fstat checks still apply.
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

const isInside = (parent: string, child: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Reads a workspace file as text, or null when it does not exist. Workspaces come from git clones and shared drives,
 * so a file may be anything: a link to a file outside the folder (/etc/passwd) is refused, a FIFO or device is
 * refused without blocking (opened O_NONBLOCK, checked with fstat on the open descriptor so it cannot be swapped
 * after the check), and a file over the cap is refused before it is read.
 */
export function readWorkspaceFile(root: string, file: string, maxBytes = MAX_WORKSPACE_FILE_BYTES): string | null {
  const label = path.relative(root, file).split(path.sep).join('/') || path.basename(file);
  let info;
  try {
    info = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let target = file;
  if (info.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      throw new WorkspaceReadError(`${label} is a link to nothing Courier can read.`);
    }
    if (!isInside(realpathSync(root), real)) {
      throw new WorkspaceReadError(`${label} is a link to a file outside the workspace folder; Courier does not follow it.`);
    }
    target = real;
  }
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new WorkspaceReadError(`${label} became a link while Courier read it; it was not followed.`);
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new WorkspaceReadError(`${label} is not a regular file (a pipe, device or socket); Courier only reads plain files.`);
    }
    if (stat.size > maxBytes) {
      throw new WorkspaceReadError(`${label} is ${megabytes(stat.size)}; Courier reads workspace files up to ${megabytes(maxBytes)}.`);
    }
    // Read at most one byte past what fstat promised: a file that grows meanwhile (a log, a device that lied) is
    // refused, never read without end.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > stat.size) throw new WorkspaceReadError(`${label} changed while Courier read it; try again.`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

/** The error text for a file the scan could not read; only Courier's own words and the error code. */
export function readFailure(error: unknown): string {
  if (error instanceof WorkspaceReadError) return error.message;
  return `Could not be read: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`;
}
