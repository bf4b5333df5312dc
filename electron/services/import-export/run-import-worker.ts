import { performance } from 'node:perf_hooks';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { CourierError, type ImportResult } from '../../../shared/contract';
import {
  NEXT_BATCH,
  READY,
  TEXT_CHUNK,
  type ImportPhase,
  type ImportWorkerData,
  type ImportWorkerInput,
  type ImportWorkerMessage,
} from './import-worker-protocol';
import { ResultAssembler } from './result-batches';

interface RunImportOptions {
  onProgress?: (phase: ImportPhase) => void;
  /** aborting ends the worker at once (whatever step it is in) and rejects with CANCELLED */
  signal?: AbortSignal;
}

/**
 * How long the main thread takes results in one turn of its event loop before letting other work run: one message
 * (RESULT_BATCH requests) decodes in a millisecond or two, so a turn stays far below the 50 ms budget for a block.
 */
const SLICE_MS = 5;

/** One import in its own worker thread, ended when it answers: a file's memory goes with the thread. */
export function runImportWorker(workerFile: URL, input: ImportWorkerInput, options: RunImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new CourierError('CANCELLED', 'The import was cancelled.'));
  return new Promise<ImportResult>((resolve, reject) => {
    const chunks = Math.max(1, Math.ceil(input.text.length / TEXT_CHUNK));
    const channel = new MessageChannel();
    const data: ImportWorkerData = { chunks, results: channel.port2, ...(input.sourceUrl === undefined ? {} : { sourceUrl: input.sourceUrl }) };
    const worker = new Worker(workerFile, { workerData: data, transferList: [channel.port2] });
    let settled = false;
    let draining = false;
    let result: ResultAssembler | null = null;
    // the text in slices, one per turn of the event loop (see ImportWorkerData)
    const sendText = (index: number) => {
      if (settled || index >= chunks) return;
      worker.postMessage(input.text.slice(index * TEXT_CHUNK, (index + 1) * TEXT_CHUNK));
      setImmediate(() => sendText(index + 1));
    };
    sendText(0);
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      channel.port1.close();
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(new CourierError('CANCELLED', 'The import was cancelled.')));
    signal?.addEventListener('abort', onAbort, { once: true });
    const handle = (message: ImportWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.phase);
      else if (message.type === 'head') result = new ResultAssembler(message.result);
      else if (message.type === 'items' && result) {
        result.add(message.entries, message.texts);
        worker.postMessage(NEXT_BATCH);
      } else if (message.type === 'done' && result) finish(() => resolve(result!.result));
      else if (message.type === 'error') finish(() => reject(new CourierError(message.code, message.message)));
    };
    // what waits on the results port, a time slice per turn of the event loop (see ImportWorkerData)
    const drain = () => {
      const start = performance.now();
      while (!settled) {
        const received = receiveMessageOnPort(channel.port1);
        if (received === undefined) {
          draining = false;
          return;
        }
        try {
          handle(received.message as ImportWorkerMessage);
        } catch (error) {
          // a message that does not fit the result so far: a rejected import, not an exception thrown in a timer
          finish(() =>
            reject(
              new CourierError('INTERNAL', `The import sent a result that does not fit together: ${error instanceof Error ? error.message : String(error)}`),
            ),
          );
          return;
        }
        if (performance.now() - start >= SLICE_MS) {
          setImmediate(drain);
          return;
        }
      }
    };
    worker.on('message', (message: unknown) => {
      if (message !== READY || draining) return;
      draining = true;
      setImmediate(drain);
    });
    worker.on('error', (error) => finish(() => reject(new CourierError('INTERNAL', `The import stopped unexpectedly: ${error.message}`))));
    worker.on('exit', (code) => finish(() => reject(new CourierError('INTERNAL', `The import stopped unexpectedly (worker exit code ${code}).`))));
  });
}
