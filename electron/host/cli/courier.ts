import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MEMORY_BYTES, DEFAULT_WARM_RUNS, startSandboxWorker } from '../../services/scripts/start-sandbox-worker';
import { parseRunArgs, USAGE } from './args';
import { loadWithCodeCache } from './code-cache';
import { BASELINE_WASM_CACHE, isShortRun, LONG_RUN_WARM_RUNS, sourceFileBytes, useBaselineWasmOnly } from './wasm-tier';
import type * as RunCommandModule from './run-command';

// Built to dist/cli/courier.js. Only argument parsing is loaded up front: the services (SQLite, undici, the
// importers) come in with run-command when there is something to run, so `--help` and usage errors answer at once.
// run-command is its own CommonJS bundle (scripts/build.mjs), loaded with V8's code cache (code-cache.ts).

function version(): string {
  try {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<number> {
  const parsed = parseRunArgs(process.argv.slice(2));
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('version' in parsed) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`courier: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  // a short run does not wait for, nor share the CPU with, optimized code it would hardly use (wasm-tier.ts)
  const shortRun = isShortRun(parsed.run, sourceFileBytes(parsed.run.source));
  if (shortRun) useBaselineWasmOnly();
  // The sandbox worker (QuickJS, ~0.3 s to build) starts first, so that it builds while the services load below.
  const sandbox = startSandboxWorker(new URL('./sandbox-worker.js', import.meta.url), DEFAULT_MEMORY_BYTES, shortRun ? DEFAULT_WARM_RUNS : LONG_RUN_WARM_RUNS);
  const controller = new AbortController();
  // conf (through when-exit) hooks these at import and re-raises them; the run owns Ctrl+C: first cancels, second quits
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ncourier: cancelling… (Ctrl+C again to quit now)\n');
    controller.abort();
  };
  const bundle = loadWithCodeCache<typeof RunCommandModule>(
    fileURLToPath(new URL('./run-command.cjs', import.meta.url)),
    shortRun ? BASELINE_WASM_CACHE : undefined,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
  try {
    return await bundle.exports.runCommand(parsed.run, {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      version: version(),
      signal: controller.signal,
      sandbox,
    });
  } finally {
    bundle.saveCache();
  }
}

/**
 * Exits once stdout and stderr have taken everything written to them. The run has closed what it opened by now, but
 * the event loop could still hold an unreferenced straggler (a socket's close, a file handle's finalizer) for a few
 * hundred milliseconds; a CI job waits for the exit, not for those.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let waiting = 2;
  const flushed = () => {
    waiting -= 1;
    if (waiting === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

main().then(exitWhenFlushed, (error: unknown) => {
  process.stderr.write(`courier: ${error instanceof Error ? error.message : String(error)}\n`);
  exitWhenFlushed(2);
});
