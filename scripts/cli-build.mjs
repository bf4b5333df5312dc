// `courier run`'s two bundles, as scripts/build.mjs builds them and electron/host/cli/cli.test.ts builds them for its
// own run: one set of options, so the test runs what users run.

/**
 * `courier run` (bin/courier.js): plain Node, no Electron. Start-up is what a CI user waits for. The entry (argument
 * parsing, the early sandbox worker) is small so `--help` answers at once; what a run needs is one CommonJS bundle
 * with its packages in it (resolving and loading hundreds of files cost a third of a one-request run), loaded with
 * V8's code cache (electron/host/cli/code-cache.ts), which Node 20 offers to vm.Script only, not to ES modules.
 * Native and lazily loaded packages stay outside.
 */
export const cliEntryOptions = {
  entryPoints: ['electron/host/cli/courier.ts'],
  format: 'esm',
  packages: 'external',
};

/**
 * The run's bundle is ASCII, so the loader reads it as one-byte text: whitespace is minified, which drops the comments
 * (a few with accented names or dashes made Node decode 4 MB of UTF-8 into a two-byte string, 30-80 ms of CPU, against
 * ~1 ms as Latin-1), and licence comments go to run-command.cjs.LEGAL.txt beside it. Names are kept, and the source
 * map maps back. Strings are ASCII already (esbuild's default charset escapes the rest).
 */
export const cliRunCommandOptions = {
  entryPoints: ['electron/host/cli/run-command.ts'],
  format: 'cjs',
  minifyWhitespace: true,
  legalComments: 'linked',
  // esbuild's own API is only reached under Vitest (sandbox-worker-file.ts)
  external: ['better-sqlite3', 'quickjs-emscripten', '@apidevtools/swagger-parser', 'electron', 'esbuild'],
  define: { 'import.meta.url': '__courierModuleUrl' },
  banner: { js: "var __courierModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
