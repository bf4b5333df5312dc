import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner } from '../electron/services/scripts/script-runner';
import { scriptRun } from '../electron/services/scripts/test-support';
import { buildSandboxWorker } from './sandbox-worker-build.mjs';

// The worker as scripts/build.mjs builds it for each host. Its start-up is on the path of `courier run` of one
// request: every package it left to Node's ESM resolver cost a walk of the file system before its first line ran.
const root = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
let meta: Metafile;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-sandbox-worker-'));
  meta = await buildSandboxWorker(root, dir);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the built sandbox worker', () => {
  it('is one file that imports only Node built-ins', () => {
    const output = meta.outputs[path.relative(root, path.join(dir, 'sandbox-worker.js'))];
    expect(output).toBeDefined();
    const external = output!.imports.filter((item) => item.external).map((item) => item.path);
    expect(external.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
  });

  it('has no zod in it: the host checks what the worker answers, the worker has nothing to validate with it', () => {
    expect(Object.keys(meta.inputs).filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
  });

  it('finds QuickJS beside itself and runs a script', async () => {
    const runner = createScriptRunner({ workerFile: () => Promise.resolve(pathToFileURL(path.join(dir, 'sandbox-worker.js'))) });
    try {
      const outcome = await runner.run(scriptRun("pm.test('bundled', () => pm.expect(pm.response.json().user.id).to.equal(7));"));
      expect(outcome.error).toBeNull();
      expect(outcome.tests.map((test) => [test.name, test.outcome])).toEqual([['bundled', 'passed']]);
    } finally {
      await runner.close();
    }
  });
});
