import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, which left a core idle
    // while files waited on their servers and timers. Each file of the 'app' project still runs isolated in its own fork.
    maxWorkers: 2,
    // every answer and event of the main process is checked against the contract (electron/core/contract-check.ts)
    env: { COURIER_CHECK_CONTRACT: '1' },
    // graphql-language-service's main entry is CommonJS and would require graphql's CJS build beside the ESM one our
    // code gets; graphql refuses to mix the two ("Duplicate graphql modules"). Its ESM build, inlined, shares ours.
    alias: { 'graphql-language-service': fileURLToPath(new URL('./node_modules/graphql-language-service/esm/index.js', import.meta.url)) },
    server: { deps: { inline: ['graphql-language-service'] } },
    projects: [
      // shared/ is pure code (no servers, no DOM, no mocks): its 114 files run in one module graph per worker instead
      // of a fresh one each. Re-importing zod, graphql and the contract for every file was ~80 s of CPU for ~10 s of
      // tests (measured: 79 s → 12 s of CPU for the same 890 tests).
      { extends: true, test: { name: 'shared', include: ['shared/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'app', include: ['electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'] } },
    ],
  },
});
