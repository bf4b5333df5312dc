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

export default defineConfig({
  root,
  base: './',
  plugins: [react(), monacoLanguageWorkerShim()],
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
