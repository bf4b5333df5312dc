// One build command: the main process, the preload, the web-mode server and the renderer.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildSandboxWorker } from './sandbox-worker-build.mjs';
import { cliEntryOptions, cliRunCommandOptions } from './cli-build.mjs';
import { buildSpoolWorker } from './node-worker-build.mjs';
import { webCliOptions } from './web-cli-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  packages: 'external',
  absWorkingDir: root,
};

const started = Date.now();
// the CLI's folder is rebuilt whole: no stale code cache (run-command.cjs.v8-cache) outlives the bundle it was made for
await rm(path.join(dist, 'cli'), { recursive: true, force: true });
await Promise.all([
  esbuild({ ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js', format: 'esm', external: ['electron'] }),
  // A sandboxed preload may require only 'electron' and a few built-ins, so everything else is bundled into it.
  esbuild({ ...node, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', packages: undefined, external: ['electron'] }),
  // web mode's server: see web-cli-build.mjs
  esbuild({ ...node, ...webCliOptions, packages: undefined, outfile: 'dist/web/cli.js' }),
  // `courier run`: see cli-build.mjs
  esbuild({ ...node, ...cliEntryOptions, outfile: 'dist/cli/courier.js' }),
  esbuild({ ...node, ...cliRunCommandOptions, packages: undefined, outfile: 'dist/cli/run-command.cjs' }),
  // The import worker (node:worker_threads) is found beside the bundle that starts it, so each host gets a copy.
  ...['dist/electron', 'dist/web'].map((dir) =>
    esbuild({ ...node, entryPoints: ['electron/services/import-export/import-worker.ts'], outfile: `${dir}/import-worker.js`, format: 'esm' }),
  ),
  // The script sandbox's worker (QuickJS), likewise beside each host (electron/services/scripts/sandbox-worker-file.ts);
  // `courier run` needs one too, or every Postman collection's pm.test fails with "the sandbox did not start".
  ...['dist/electron', 'dist/web', 'dist/cli'].map((dir) => buildSandboxWorker(root, path.join(root, dir))),
  // The spool thread's worker (large response bodies, electron/services/body-store/spool-thread.ts): every host spools.
  ...['dist/electron', 'dist/web', 'dist/cli'].map((dir) => buildSpoolWorker(root, path.join(root, dir))),
]);
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
await mkdir(dist, { recursive: true });
await writeFile(path.join(dist, 'build-stamp.json'), JSON.stringify({ builtAt: new Date().toISOString() }) + '\n');
console.log(`Courier built in ${((Date.now() - started) / 1000).toFixed(1)}s → dist/`);
