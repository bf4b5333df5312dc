// `npm run bench`: bundles the TypeScript benchmarks with esbuild, then runs them under plain Node.
// `npm run bench -- engine` runs one group; figures merge into docs/benchmarks.json and docs/benchmarks.md.
import { build } from 'esbuild';
import { buildSpoolWorker } from './node-worker-build.mjs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = path.join(root, 'dist/bench/run.js');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'scripts/bench/run.ts')], outfile }),
  // found beside run.js, as the hosts find theirs (see electron/services/import-export/import-worker-file.ts)
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/services/import-export/import-worker.ts')],
    outfile: path.join(root, 'dist/bench/import-worker.js'),
  }),
  build({ ...common, entryPoints: [path.join(root, 'electron/services/scripts/sandbox-worker.ts')], outfile: path.join(root, 'dist/bench/sandbox-worker.js') }),
  buildSpoolWorker(root, path.join(root, 'dist/bench')),
  // evaluated inside the Courier page by the body-read benchmark: the renderer's own bridge client, for the browser
  build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    packages: 'bundle',
    entryPoints: [path.join(root, 'scripts/bench/body-read-page.ts')],
    outfile: path.join(root, 'dist/bench/body-read-page.js'),
  }),
]);
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
