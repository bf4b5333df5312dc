import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let fromSource: Promise<URL> | null = null;

/**
 * Where import-worker.js is. Built, it sits beside the bundle that contains this code (dist/electron, dist/web,
 * dist/bench: scripts/build.mjs and scripts/bench.mjs write it there). Run from the TypeScript sources (Vitest),
 * there is no built file, so the worker entry is bundled once per process with esbuild, as the build would, into
 * dist/test-worker/ (inside the project, so that its packages resolve from node_modules as the built one's do).
 */
export function importWorkerFile(): Promise<URL> {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return Promise.resolve(new URL('./import-worker.js', here));
  fromSource ??= (async () => {
    const { build } = await import('esbuild');
    const folder = path.dirname(fileURLToPath(here));
    const root = path.resolve(folder, '../../..');
    const outfile = path.join(root, 'dist/test-worker', `import-worker-${process.pid}.mjs`);
    await build({
      entryPoints: [path.join(folder, 'import-worker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      absWorkingDir: root,
    });
    return pathToFileURL(outfile);
  })();
  return fromSource;
}
