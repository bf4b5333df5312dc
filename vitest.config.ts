import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, which left a core idle
    // while files waited on their servers and timers. Each file still runs isolated in its own fork.
    maxWorkers: 2,
    // every answer and event of the main process is checked against the contract (electron/core/contract-check.ts)
    env: { COURIER_CHECK_CONTRACT: '1' },
    // graphql-language-service's main entry is CommonJS and would require graphql's CJS build beside the ESM one our
    // code gets; graphql refuses to mix the two ("Duplicate graphql modules"). Its ESM build, inlined, shares ours.
    alias: { 'graphql-language-service': fileURLToPath(new URL('./node_modules/graphql-language-service/esm/index.js', import.meta.url)) },
    server: { deps: { inline: ['graphql-language-service'] } },
  },
});
