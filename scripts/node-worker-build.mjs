// Node worker threads as the hosts run them: each is found beside the bundle that starts it (worker-files). Used by
// scripts/build.mjs, scripts/bench.mjs and the tests that start a bundle of their own.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Bundles the worker entry `entry` (relative to root) into `${dir}/${name}.js`, packages included. */
export async function buildNodeWorker(root, entry, dir, name, options = {}) {
  await mkdir(dir, { recursive: true });
  return build({
    absWorkingDir: root,
    entryPoints: [path.join(root, entry)],
    outfile: path.join(dir, `${name}.js`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    ...options,
  });
}

/** The spool thread's worker (electron/services/body-store/spool-worker.ts): every bundle that may spool a body needs it. */
export async function buildSpoolWorker(root, dir) {
  await buildNodeWorker(root, 'electron/services/body-store/spool-worker.ts', dir, 'spool-worker');
}
