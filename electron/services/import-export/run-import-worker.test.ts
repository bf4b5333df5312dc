import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CourierError } from '../../../shared/contract';
import { runImportWorker } from './run-import-worker';

/** a worker that answers with `messages` on the results port, as import-worker.js would, whatever the text */
function fakeWorker(messages: unknown[]): URL {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'courier-fake-worker-')), 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort, workerData } from 'node:worker_threads';
for (const message of ${JSON.stringify(messages)}) { workerData.results.postMessage(message); parentPort.postMessage('ready'); }
parentPort.on('message', () => {});
`,
  );
  return pathToFileURL(file);
}

const head = {
  type: 'head',
  result: {
    format: 'openapi',
    formatLabel: 'OpenAPI 3.0.0',
    collections: [{ name: 'C', description: '', variables: [], auth: { kind: 'none' }, items: [] }],
    environments: [],
    warnings: [],
  },
};
const request = {
  type: 'request',
  name: 'r',
  description: '',
  request: {
    method: 'POST',
    url: 'https://x/',
    params: [],
    headers: [],
    body: { kind: 'json', text: '' },
    settings: {},
    auth: { kind: 'none' },
    variables: [],
  },
};

describe('results from the import worker', () => {
  it('puts a shared body text back into every request that names it', async () => {
    const text = JSON.stringify({ a: 'x'.repeat(100) });
    const result = await runImportWorker(
      fakeWorker([
        head,
        { type: 'items', entries: [{ collection: 0, parent: [], item: request, bodyText: 0 }], texts: [text] },
        { type: 'items', entries: [{ collection: 0, parent: [], item: request, bodyText: 0 }], texts: [] },
        { type: 'done' },
      ]),
      { text: 'x' },
    );
    expect(result.collections[0]!.items.map((item) => item.type === 'request' && item.request.body)).toEqual([
      { kind: 'json', text },
      { kind: 'json', text },
    ]);
  });

  it('rejects with INTERNAL, and throws nothing, when a request names a body text that never came', async () => {
    const pending = runImportWorker(
      fakeWorker([head, { type: 'items', entries: [{ collection: 0, parent: [], item: request, bodyText: 3 }], texts: [] }, { type: 'done' }]),
      { text: 'x' },
    );
    await expect(pending).rejects.toSatisfy(
      (error: unknown) => error instanceof CourierError && error.code === 'INTERNAL' && /does not fit/.test(error.message),
    );
  });
});
