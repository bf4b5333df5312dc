// Web mode's server (`npm run web`, and one per end-to-end test): how scripts/build.mjs bundles it, shared with
// electron/host/web/cli.test.ts so the test runs what users run.

/**
 * One ES module with its packages in it. Left external, Node resolved and compiled some 900 files of zod, graphql,
 * undici, ws and the rest at every start: 0.9 s of CPU before the server listened, against 0.5 s bundled (measured
 * on this project's 2-core CI machine). Native and lazily loaded packages stay outside. Bundled CommonJS packages
 * require() Node's built-ins, which an ES module has no `require` for: the banner gives it one.
 */
export const webCliOptions = {
  entryPoints: ['electron/host/web/cli.ts'],
  format: 'esm',
  external: ['better-sqlite3', 'quickjs-emscripten', '@apidevtools/swagger-parser', 'tough-cookie', 'electron', 'esbuild'],
  banner: { js: "import { createRequire as __courierCreateRequire } from 'node:module'; const require = __courierCreateRequire(import.meta.url);" },
};
