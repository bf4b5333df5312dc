import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const fromSource = new Map<string, Promise<URL>>();

/**
 * Where a worker's entry file is. Built, `<name>.js` sits beside the bundle that contains the caller (dist/electron,
 * dist/web, dist/bench: scripts/build.mjs and scripts/bench.mjs write it there). Run from the TypeScript sources
 * (Vitest), there is no built file, so `<name>.ts` beside the caller is bundled once per process with esbuild, as the
 * build would, into dist/test-worker/ (inside the project, so that its packages resolve from node_modules as the
 * built one's do).
 *
 * @param callerUrl the caller's `import.meta.url`: the bundle's URL once built, the caller's source file before
 */
export function workerFile(callerUrl: string, name: string): Promise<URL> {
  if (!callerUrl.endsWith('.ts')) return Promise.resolve(new URL(`./${name}.js`, callerUrl));
  const folder = path.dirname(fileURLToPath(callerUrl));
  const entry = path.join(folder, `${name}.ts`);
  let built = fromSource.get(entry);
  if (!built) {
    built = bundleForTests(entry, name);
    fromSource.set(entry, built);
  }
  return built;
}

async function bundleForTests(entry: string, name: string): Promise<URL> {
  const { build } = await import('esbuild');
  // the project root: the folder holding node_modules above electron/services/<feature>/
  const root = path.resolve(path.dirname(entry), '../../..');
  const outfile = path.join(root, 'dist/test-worker', `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
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
}
