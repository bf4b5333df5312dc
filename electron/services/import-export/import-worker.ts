// The import worker's entry (node:worker_threads): parsing, $ref resolution and conversion of a whole file, off the
// main process's event loop. scripts/build.mjs bundles it beside each host's entry as import-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { CourierError } from '../../../shared/contract';
import { ImportFormatError, importText } from '../../../shared/importers';
import { parseLargeYaml } from './fast-yaml';
import { postWithWindow, READY, RESULT_WINDOW, type ImportWorkerData, type ImportWorkerMessage } from './import-worker-protocol';
import { resultMessages, type BatchLimits } from './result-batches';
import { resolveOpenApi } from './openapi-dereference';

/** what one message may hold: each decodes on the main thread in a millisecond or two, the unit of its time slices */
const RESULT_BATCH: BatchLimits = { entries: 200, bytes: 64 * 1024 };

const port = parentPort;
if (port === null) throw new Error('import-worker.js runs as a worker thread only');
const { sourceUrl, chunks, results } = workerData as ImportWorkerData;
const post = (message: ImportWorkerMessage) => {
  results.postMessage(message);
  port.postMessage(READY);
};

// one listener for the whole conversation, so that nothing sent between two waits is missed
const inbox: unknown[] = [];
let waiting: ((message: unknown) => void) | null = null;
port.on('message', (message: unknown) => {
  if (waiting) {
    const wake = waiting;
    waiting = null;
    wake(message);
  } else inbox.push(message);
});
const next = (): Promise<unknown> => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => (waiting = resolve)));

try {
  const parts: string[] = [];
  while (parts.length < chunks) parts.push(String(await next()));
  const text = parts.join('');
  post({ type: 'progress', phase: 'parsing' });
  const result = await importText(text, {
    resolve: resolveOpenApi,
    parseYaml: parseLargeYaml,
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    onProgress: (phase) => post({ type: 'progress', phase }),
  });
  await postWithWindow(resultMessages(result, RESULT_BATCH), post, next, RESULT_WINDOW);
} catch (error) {
  if (error instanceof ImportFormatError || (error instanceof CourierError && error.code === 'INVALID_IMPORT'))
    post({ type: 'error', code: 'INVALID_IMPORT', message: error.message });
  else post({ type: 'error', code: 'INTERNAL', message: `The import failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` });
}
