// The script sandbox's worker as the hosts run it: used by scripts/build.mjs and by the tests that start the built CLI.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Bundles electron/services/scripts/sandbox-worker.ts into `${dir}/sandbox-worker.js` with its packages in it, and puts
 * QuickJS's WebAssembly beside it, where the bundled Emscripten loader looks for it (next to its own file). Left
 * external, the worker resolved quickjs-emscripten's and zod's ES modules one by one through Node's ESM resolver
 * before its first line ran: most of its start-up, which `courier run` of one request waits for.
 */
export async function buildSandboxWorker(root, dir) {
  await mkdir(dir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'electron/services/scripts/sandbox-worker.ts')],
    outfile: path.join(dir, 'sandbox-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
  });
  await copyFile(require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'), path.join(dir, 'emscripten-module.wasm'));
  return result.metafile;
}
