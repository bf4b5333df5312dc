import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * Monaco's language services (JSON here) reach their worker through `internal/common/workers.js`, which also imports
 * every editor contribution Monaco ships. Pointing that one import at our own small factory keeps the contribution
 * list in renderer/ui/monaco/monaco-setup.ts the only one (see language-worker-factory.ts for why it matters).
 */
function monacoLanguageWorkerShim(): Plugin {
  const shim = fileURLToPath(new URL('./renderer/ui/monaco/language-worker-factory.ts', import.meta.url));
  return {
    name: 'courier:monaco-language-worker-shim',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]languages[\\/]features[\\/]/.test(importer)) return null;
      return /[\\/]internal[\\/]common[\\/]workers\.js$/.test(source) ? shim : null;
    },
  };
}

/**
 * V8's explicit compile hint, on the first line of the entry chunk: every function in it is compiled on a background
 * thread while the file streams in, instead of on the main thread the first time it is called. Nearly all of the entry
 * chunk runs before the first paint (React, the builder, the queries), so the lazy way compiled it on the main thread
 * in the middle of the first render: with the hint the page's main thread did about 50 ms less work before the URL bar
 * was painted (CPU time, traced). Lazy chunks are left to V8's usual heuristics. Added after Vite's own
 * generateBundle work, which puts its preload map at the top of the file; the build writes no source maps that the
 * extra line would shift.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
function entryCompileHint(): Plugin {
  return {
    name: 'courier:entry-compile-hint',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      },
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), monacoLanguageWorkerShim(), entryCompileHint()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // Chromium (the browser and Electron alike) has modulepreload: the polyfill would only be more start-up code
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first paint runs, in one chunk: left to itself the bundler cut it into a dozen files shared
          // with the lazy chunks, and on a cold load each was one more request queued behind the browser's six
          // connections before the URL bar could be painted. The lazy chunks import what they share from this one.
          groups: [{ name: 'start', tags: ['$initial'] }],
        },
      },
    },
  },
  worker: { format: 'es' },
});
