import { Worker } from 'node:worker_threads';
import { SPOOL_ALGORITHM } from './spool-cipher';
import type { SpoolReply, SpoolRequest, SpoolWorkerData } from './spool-protocol';
import { spoolWorkerFile } from './spool-worker-file';

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

/**
 * Spool files are encrypted and written on a thread of their own (spool-worker.ts). On the main thread, where the
 * sockets are read, AES-CTR and the file writes were most of the cost of a large download (a 64 MB body spent more
 * time in the cipher than in the HTTP parser); here the main thread only copies each chunk into a 1 MiB batch and
 * hands the batch over (transferred, not copied again), so the network, the cipher and the disk run side by side.
 *
 * @param workerFile where spool-worker.js is: like the other workers, beside the bundle once built, bundled from its
 *   source under Vitest (worker-files); every host's build puts one there (scripts/node-worker-build.mjs)
 */
export function createSpoolThread(key: Buffer, fileMode: number, workerFile: () => Promise<URL> = spoolWorkerFile): SpoolThread {
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

  const start = (file: URL): Worker => {
    const started = new Worker(file, { workerData: { key, algorithm: SPOOL_ALGORITHM, fileMode } satisfies SpoolWorkerData });
    started.on('message', ([no, code, memory]: SpoolReply) => {
      if (memory !== undefined && spare.length < MAX_SPARE_BATCHES) spare.push(memory);
      const reply = waiting.get(no)?.shift();
      if (code === null) reply?.resolve();
      else reply?.reject(code);
    });
    // A worker that dies takes its open files with it: they fail, and the next file starts a new worker. One that
    // close() stopped has no files left, and a newer worker's files are not its to fail.
    const lost = (): void => {
      if (worker !== started) return;
      worker = null;
      failAll('EIO');
    };
    started.on('error', lost);
    started.on('exit', lost);
    // Only open files keep the process alive for the worker.
    started.unref();
    return started;
  };

  /** The running worker, or one started for this file: a spool worker that cannot be found fails the file (EIO). */
  const running = async (): Promise<Worker> => {
    if (worker !== null) return worker;
    try {
      const file = await workerFile();
      // another file may have started it meanwhile
      worker ??= start(file);
      return worker;
    } catch (error) {
      throw Object.assign(new Error(`The spool worker did not start (${(error as Error).message}).`), { code: 'EIO' });
    }
  };

  const send = (no: number, message: SpoolRequest, transfer: ArrayBuffer[] = []): Promise<void> =>
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
      (await running()).ref();
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
        // the batch's own memory (made from an ArrayBuffer below), never a shared one
        const memory = full.buffer as ArrayBuffer;
        const sent = send(no, ['write', no, memory, length], [memory]).catch(noteFailure);
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
