import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let fromSource: Promise<URL> | null = null;

/**
 * Where sandbox-worker.js is: beside the bundle that contains this code once built (scripts/build.mjs). Run from the
 * TypeScript sources (Vitest), it is bundled once per process with esbuild into dist/test-worker/, as
 * import-export/import-worker-file.ts does for the import worker.
 */
export function sandboxWorkerFile(): Promise<URL> {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return Promise.resolve(new URL('./sandbox-worker.js', here));
  fromSource ??= (async () => {
    const { build } = await import('esbuild');
    const folder = path.dirname(fileURLToPath(here));
    const root = path.resolve(folder, '../../..');
    const outfile = path.join(root, 'dist/test-worker', `sandbox-worker-${process.pid}.mjs`);
    await build({
      entryPoints: [path.join(folder, 'sandbox-worker.ts')],
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
