// The script sandbox's worker as the hosts run it: used by scripts/build.mjs and by the tests that start the built CLI.
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildNodeWorker } from './node-worker-build.mjs';

const require = createRequire(import.meta.url);

/**
 * Bundles electron/services/scripts/sandbox-worker.ts into `${dir}/sandbox-worker.js` with its packages in it, and puts
 * QuickJS's WebAssembly beside it, where the bundled Emscripten loader looks for it (next to its own file). Left
 * external, the worker resolved quickjs-emscripten's and zod's ES modules one by one through Node's ESM resolver
 * before its first line ran: most of its start-up, which `courier run` of one request waits for.
 */
export async function buildSandboxWorker(root, dir) {
  const result = await buildNodeWorker(root, 'electron/services/scripts/sandbox-worker.ts', dir, 'sandbox-worker', { metafile: true });
  await copyFile(require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'), path.join(dir, 'emscripten-module.wasm'));
  return result.metafile;
}
