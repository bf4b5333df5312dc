// The spool thread's worker as the hosts run it: used by scripts/build.mjs, scripts/bench.mjs and the tests that start
// a bundle of their own which may spool a response body.
import { build } from 'esbuild';
import path from 'node:path';

/**
 * Bundles electron/services/body-store/spool-worker.ts into `${dir}/spool-worker.js`, where workerFile looks for it
 * beside the bundle that starts it (electron/services/body-store/spool-worker-file.ts). Only Node's built-ins.
 */
export async function buildSpoolWorker(root, dir) {
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'electron/services/body-store/spool-worker.ts')],
    outfile: path.join(dir, 'spool-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
