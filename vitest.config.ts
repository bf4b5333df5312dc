import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, which left a core idle
    // while files waited on their servers and timers. Each file runs isolated (see projects).
    maxWorkers: 2,
    // every answer and event of the main process is checked against the contract (electron/core/contract-check.ts)
    env: { COURIER_CHECK_CONTRACT: '1' },
    // graphql-language-service's main entry is CommonJS and would require graphql's CJS build beside the ESM one our
    // code gets; graphql refuses to mix the two ("Duplicate graphql modules"). Its ESM build, inlined, shares ours.
    alias: { 'graphql-language-service': fileURLToPath(new URL('./node_modules/graphql-language-service/esm/index.js', import.meta.url)) },
    server: { deps: { inline: ['graphql-language-service'] } },
    projects: [
      // shared/ (pure code) and renderer/ (happy-dom or plain) run in vmForks: each file still gets its own module graph
      // and environment, in a VM context of a long-lived fork instead of a fresh fork each. A fork per file re-loaded
      // happy-dom, React and zod ~180 times, ~190 s of CPU for ~20 s of tests (measured: 188 → 59 s of CPU, the same
      // tests passing). electron/ and scripts/ keep a fork per file: native modules, workers and signals, and errors from
      // Node's built-ins that must be instances of the test's own Error.
      { extends: true, test: { name: 'vm', include: ['shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'], pool: 'vmForks' } },
      { extends: true, test: { name: 'node', include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts'] } },
    ],
  },
});
