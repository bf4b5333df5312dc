// The spool thread's worker (node:worker_threads): encrypts spooled bodies and writes them, so that the thread reading
// the sockets only copies bytes (spool-thread.ts). scripts/build.mjs bundles it beside each host's entry as
// spool-worker.js. The key reaches it in memory (workerData), never on disk.
import { createCipheriv } from 'node:crypto';
import { closeSync, openSync, writevSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { SpoolReply, SpoolRequest, SpoolWorkerData } from './spool-protocol';

const port = parentPort;
if (port === null) throw new Error('spool-worker.js runs as a worker thread only');
const { key, algorithm, fileMode } = workerData as SpoolWorkerData;

// Node's cipher allocates its output; above 128 KiB each allocation is fresh memory from the kernel, page faults and
// all, which made a 1 MiB update several times slower than sixteen of 64 KiB.
const SLICE = 64 * 1024;

interface OpenFile {
  fd: number | null;
  cipher: ReturnType<typeof createCipheriv>;
  /** the first failure; every later write and the end report it */
  error: unknown;
}

const files = new Map<number, OpenFile>();

function closeFile(file: OpenFile): void {
  if (file.fd === null) return;
  const fd = file.fd;
  file.fd = null;
  closeSync(fd);
}

function writeAll(fd: number, buffers: Buffer[]): void {
  let rest = buffers;
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    while (rest.length > 0 && written >= rest[0]!.length) {
      written -= rest[0]!.length;
      rest = rest.slice(1);
    }
    if (written > 0) rest = [rest[0]!.subarray(written), ...rest.slice(1)];
  }
}

function handle(message: SpoolRequest): void {
  const [op, no] = message;
  if (op === 'open') {
    // 'wx': a fresh random name, never a file (or link) that is already there. No fsync: the file only has to
    // outlive this process's use of it.
    const cipher = createCipheriv(algorithm, key, message[3]);
    files.set(no, { fd: openSync(message[2], 'wx', fileMode), cipher, error: null });
    return;
  }
  const file = files.get(no);
  if (file === undefined) throw Object.assign(new Error('unknown file'), { code: 'ENOENT' });
  if (op === 'write') {
    if (file.error !== null) throw file.error;
    const plain = new Uint8Array(message[2], 0, message[3]);
    const encrypted: Buffer[] = [];
    for (let at = 0; at < plain.length; at += SLICE) encrypted.push(file.cipher.update(plain.subarray(at, at + SLICE)));
    writeAll(file.fd as number, encrypted);
    return;
  }
  // 'end' closes and reports the first failure (before one of closing); 'destroy' closes and forgets it
  files.delete(no);
  let closing: unknown = null;
  try {
    closeFile(file);
  } catch (error) {
    closing = error;
  }
  if (op === 'end' && file.error !== null) throw file.error;
  if (closing !== null) throw closing;
}

// every message gets one reply, in order
port.on('message', (message: SpoolRequest) => {
  let code: string | null = null;
  try {
    handle(message);
  } catch (error) {
    code = String((error as { code?: unknown } | null)?.code ?? 'EIO');
    const file = files.get(message[1]);
    if (file !== undefined && file.error === null) {
      file.error = error;
      try {
        closeFile(file);
      } catch {
        // the file already failed; its first error is the one reported
      }
    }
  }
  // a batch's memory goes back to be filled again
  if (message[0] === 'write') port.postMessage([message[1], code, message[2]] satisfies SpoolReply, [message[2]]);
  else port.postMessage([message[1], code] satisfies SpoolReply);
});
