import { Worker } from 'node:worker_threads';
import { CourierError, type ImportResult } from '../../../shared/contract';
import { NEXT_BATCH, placeEntries, TEXT_CHUNK, type ImportPhase, type ImportWorkerData, type ImportWorkerInput, type ImportWorkerMessage } from './import-worker-protocol';

export interface RunImportOptions {
  onProgress?: (phase: ImportPhase) => void;
  /** aborting ends the worker at once (whatever step it is in) and rejects with CANCELLED */
  signal?: AbortSignal;
}

/** One import in its own worker thread, ended when it answers: a file's memory goes with the thread. */
export function runImportWorker(workerFile: URL, input: ImportWorkerInput, options: RunImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new CourierError('CANCELLED', 'The import was cancelled.'));
  return new Promise<ImportResult>((resolve, reject) => {
    const chunks = Math.max(1, Math.ceil(input.text.length / TEXT_CHUNK));
    const data: ImportWorkerData = { chunks, ...(input.sourceUrl === undefined ? {} : { sourceUrl: input.sourceUrl }) };
    const worker = new Worker(workerFile, { workerData: data });
    let settled = false;
    let result: ImportResult | null = null;
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
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(new CourierError('CANCELLED', 'The import was cancelled.')));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.phase);
      else if (message.type === 'head') result = message.result;
      else if (message.type === 'items' && result) {
        placeEntries(result, message.entries);
        setImmediate(() => settled || worker.postMessage(NEXT_BATCH));
      }
      else if (message.type === 'done' && result) finish(() => resolve(result!));
      else if (message.type === 'error') finish(() => reject(new CourierError(message.code, message.message)));
    });
    worker.on('error', (error) => finish(() => reject(new CourierError('INTERNAL', `The import stopped unexpectedly: ${error.message}`))));
    worker.on('exit', (code) => finish(() => reject(new CourierError('INTERNAL', `The import stopped unexpectedly (worker exit code ${code}).`))));
  });
}
