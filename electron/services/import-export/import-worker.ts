// The import worker's entry (node:worker_threads): parsing, $ref resolution and conversion of a whole file, off the
// main process's event loop. scripts/build.mjs bundles it beside each host's entry as import-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { CourierError } from '../../../shared/contract';
import { ImportFormatError, importText } from '../../../shared/importers';
import { parseLargeYaml } from './fast-yaml';
import { resultMessages, type ImportWorkerInput, type ImportWorkerMessage } from './import-worker-protocol';
import { dereferenceOpenApi } from './openapi-dereference';

/** requests per message: each decodes on the main thread in a few milliseconds */
const RESULT_BATCH = 200;

const port = parentPort;
if (port === null) throw new Error('import-worker.js runs as a worker thread only');
const post = (message: ImportWorkerMessage) => port.postMessage(message);
const { text, sourceUrl } = workerData as ImportWorkerInput;

try {
  post({ type: 'progress', phase: 'parsing' });
  const result = await importText(text, {
    dereference: dereferenceOpenApi,
    parseYaml: parseLargeYaml,
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    onProgress: (phase) => post({ type: 'progress', phase }),
  });
  for (const message of resultMessages(result, RESULT_BATCH)) post(message);
} catch (error) {
  if (error instanceof ImportFormatError || (error instanceof CourierError && error.code === 'INVALID_IMPORT')) post({ type: 'error', code: 'INVALID_IMPORT', message: error.message });
  else post({ type: 'error', code: 'INTERNAL', message: `The import failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` });
}
