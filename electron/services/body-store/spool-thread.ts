import { Worker } from 'node:worker_threads';
import { SPOOL_ALGORITHM } from './spool-cipher';

/**
 * Spool files are encrypted and written on a thread of their own. On the main thread, where the sockets are read,
 * AES-CTR and the file writes were most of the cost of a large download (a 64 MB body spent more time in the cipher
 * than in the HTTP parser); here the main thread only copies each chunk into a 1 MiB batch and hands the batch over
 * (transferred, not copied again), so the network, the cipher and the disk run side by side.
 *
 * The worker is started from source text (eval) rather than from a file: spooling happens in every host and every
 * bundle that sends requests (Electron, web mode, `courier run`, test children), and a file would have to be shipped
 * beside each of them. It needs nothing but Node's built-ins. The key reaches it in memory (workerData), never on disk.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv } = require('node:crypto');
const { openSync, writevSync, closeSync } = require('node:fs');
// Node's cipher allocates its output; above 128 KiB each allocation is fresh memory from the kernel, page faults and
// all, which made a 1 MiB update several times slower than sixteen of 64 KiB.
const SLICE = 64 * 1024;
const files = new Map();
function closeFile(file) {
  if (file.fd === null) return;
  const fd = file.fd;
  file.fd = null;
  closeSync(fd);
}
function writeAll(fd, buffers) {
  let rest = buffers;
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    while (rest.length > 0 && written >= rest[0].length) {
      written -= rest[0].length;
      rest = rest.slice(1);
    }
    if (written > 0) rest = [rest[0].subarray(written), ...rest.slice(1)];
  }
}
// every message gets one reply, in order: [fileNo, error code or null, the batch's memory for a write]
function handle(message) {
  const [op, no] = message;
  if (op === 'open') {
    // 'wx': a fresh random name, never a file (or link) that is already there. No fsync: the file only has to
    // outlive this process's use of it.
    const cipher = createCipheriv(workerData.algorithm, workerData.key, message[3]);
    files.set(no, { fd: openSync(message[2], 'wx', workerData.fileMode), cipher, error: null });
    return;
  }
  const file = files.get(no);
  if (file === undefined) throw Object.assign(new Error('unknown file'), { code: 'ENOENT' });
  if (op === 'write') {
    if (file.error !== null) throw file.error;
    const plain = new Uint8Array(message[2], 0, message[3]);
    const encrypted = [];
    for (let at = 0; at < plain.length; at += SLICE) encrypted.push(file.cipher.update(plain.subarray(at, at + SLICE)));
    writeAll(file.fd, encrypted);
    return;
  }
  // 'end' closes and reports the first failure; 'destroy' closes and forgets it
  files.delete(no);
  try {
    closeFile(file);
  } finally {
    if (op === 'end' && file.error !== null) throw file.error;
  }
}
parentPort.on('message', (message) => {
  let code = null;
  try {
    handle(message);
  } catch (error) {
    code = String((error && error.code) || 'EIO');
    const file = files.get(message[1]);
    if (file !== undefined && file.error === null) {
      file.error = error;
      try { closeFile(file); } catch {}
    }
  }
  // a batch's memory goes back to be filled again
  if (message[0] === 'write') parentPort.postMessage([message[1], code, message[2]], [message[2]]);
  else parentPort.postMessage([message[1], code]);
});
`;

/** Bytes are gathered into batches of this size before they cross to the worker: one message, one write each. */
export const SPOOL_BATCH_BYTES = 1024 * 1024;

/**
 * Batch memory that came back from the worker, kept to be filled again: a fresh 1 MiB buffer per batch costs the
 * main thread a page fault per 4 KiB as it is first filled, which on a busy machine cost more than the copy itself.
 */
const MAX_SPARE_BATCHES = 24;

/** One spool file being written; byte order is the order of write() calls. */
export interface SpoolFile {
  /**
   * Copies the chunk (the caller may reuse its memory). Resolves once every batch filled before the chunk's last
   * byte is on disk: what the caller has not seen resolve is, within one batch, what waits for the worker, so the
   * caller can bound it (response-body.ts pauses the socket). Rejects with the file's error once one happened.
   */
  write(chunk: Buffer): Promise<void>;
  /** Writes what is left and closes the file; rejects with the file's first error. */
  end(): Promise<void>;
  /** Closes the file, dropping what was not written; never rejects. The caller removes the file. */
  destroy(): Promise<void>;
}

export interface SpoolThread {
  /** Creates the file (0600, failing if it exists) and resolves once it is there. */
  open(path: string, iv: Buffer): Promise<SpoolFile>;
  /** Stops the worker; files still open fail. */
  close(): Promise<void>;
}

interface Reply {
  resolve(): void;
  reject(code: string): void;
}

export function createSpoolThread(key: Buffer, fileMode: number): SpoolThread {
  let worker: Worker | null = null;
  let nextFileNo = 0;
  /** replies each open file waits for, in the order its messages went out */
  const waiting = new Map<number, Reply[]>();
  const spare: ArrayBuffer[] = [];

  const failAll = (code: string): void => {
    const pending = [...waiting.values()];
    waiting.clear();
    for (const replies of pending) for (const reply of replies) reply.reject(code);
  };

  const start = (): Worker => {
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { key, algorithm: SPOOL_ALGORITHM, fileMode } });
    started.on('message', ([no, code, memory]: [number, string | null, ArrayBuffer | undefined]) => {
      if (memory !== undefined && spare.length < MAX_SPARE_BATCHES) spare.push(memory);
      const reply = waiting.get(no)?.shift();
      if (code === null) reply?.resolve();
      else reply?.reject(code);
    });
    // A worker that dies takes its open files with it: they fail, and the next file starts a new worker.
    const lost = (): void => {
      if (worker === started) worker = null;
      failAll('EIO');
    };
    started.on('error', lost);
    started.on('exit', lost);
    // Only open files keep the process alive for the worker.
    started.unref();
    return started;
  };

  const send = (no: number, message: unknown[], transfer: ArrayBuffer[] = []): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const replies = waiting.get(no);
      if (worker === null || replies === undefined) {
        reject(Object.assign(new Error('The spool worker stopped.'), { code: 'EIO' }));
        return;
      }
      replies.push({ resolve, reject: (code) => reject(Object.assign(new Error(`Spool write failed (${code}).`), { code })) });
      worker.postMessage(message, transfer);
    });

  const settled = (no: number): void => {
    waiting.delete(no);
    if (waiting.size === 0) worker?.unref();
  };

  return {
    async open(path, iv) {
      worker ??= start();
      worker.ref();
      const no = nextFileNo++;
      waiting.set(no, []);
      try {
        await send(no, ['open', no, path, iv]);
      } catch (error) {
        settled(no);
        throw error;
      }
      let batch: Buffer | null = null;
      let filled = 0;
      /** the last full batch's way to the disk */
      let previous: Promise<void> = Promise.resolve();
      let failure: unknown = null;
      let closed: Promise<void> | null = null;
      const noteFailure = (error: unknown): never => {
        failure ??= error;
        throw failure;
      };
      const flush = (): Promise<void> => {
        const full = batch as Buffer;
        const length = filled;
        batch = null;
        filled = 0;
        const sent = send(no, ['write', no, full.buffer, length], [full.buffer as ArrayBuffer]).catch(noteFailure);
        // a chunk may fill more than one batch and return only the last one's promise: the failure is kept above
        sent.catch(() => undefined);
        return sent;
      };
      const closeWith = (op: 'end' | 'destroy'): Promise<void> => {
        closed ??= (async () => {
          try {
            const last = op === 'end' && failure === null && filled > 0 ? flush() : Promise.resolve();
            // sent even after a failure, so that the worker forgets the file
            const closing = send(no, [op, no]).catch(noteFailure);
            closing.catch(() => undefined);
            await last;
            await closing;
          } finally {
            if (batch !== null && spare.length < MAX_SPARE_BATCHES) spare.push(batch.buffer as ArrayBuffer);
            batch = null;
            settled(no);
          }
        })();
        return closed;
      };
      return {
        write(chunk) {
          if (failure !== null) return Promise.reject(failure);
          if (closed !== null) return Promise.reject(new Error('The spool file is closed.'));
          for (let offset = 0; offset < chunk.length;) {
            // its own memory (not a slice of Node's pool), so that it can be transferred
            batch ??= Buffer.from(spare.pop() ?? new ArrayBuffer(SPOOL_BATCH_BYTES));
            const copied = chunk.copy(batch, filled, offset);
            filled += copied;
            offset += copied;
            if (filled === SPOOL_BATCH_BYTES) previous = flush();
          }
          return previous;
        },
        end: () => closeWith('end'),
        destroy: () => closeWith('destroy').catch(() => undefined),
      };
    },

    async close() {
      const stopping = worker;
      worker = null;
      spare.length = 0;
      failAll('ECANCELED');
      await stopping?.terminate();
    },
  };
}
