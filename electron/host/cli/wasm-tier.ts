import { statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { RunArgs } from './args';

/**
 * The largest run (collection file size × iterations) whose script sandbox stays on V8's baseline WebAssembly code.
 * V8 compiles QuickJS (the sandbox, see electron/services/scripts) with Liftoff, then recompiles its hot functions
 * with TurboFan in the background: ~0.5 s of CPU, most of it QuickJS's interpreter loop, and on a two-core CI runner it
 * competes with the run itself (a one-request run spent more CPU on it than on everything else). Liftoff code runs a
 * script ~0.3 ms slower, so the optimized code pays for itself only after some 1,500 script runs; 64 KiB of Postman
 * JSON holds a few hundred requests at most (about 150 bytes or more each).
 */
export const SHORT_RUN_MAX_BYTES = 64 * 1024;

/** The collection file's size, or null for a folder (a workspace may hold any number of requests) or a missing path. */
export function sourceFileBytes(source: string): number | null {
  const info = statSync(path.resolve(source), { throwIfNoEntry: false });
  return info?.isFile() ? info.size : null;
}

/** A run small enough that TurboFan's recompilation of the sandbox would cost it more than it saves. */
export function isShortRun(run: Pick<RunArgs, 'iterations' | 'data'>, fileBytes: number | null): boolean {
  // a data file's rows are iterations, unknown until it is read
  if (fileBytes === null || run.data !== undefined) return false;
  return fileBytes * (run.iterations ?? 1) <= SHORT_RUN_MAX_BYTES;
}

/**
 * Warm-up runs of the sandbox before the first request of a long run (DEFAULT_WARM_RUNS otherwise). V8 sends a
 * WebAssembly function to TurboFan once it has run enough of it; with the usual thirty warm-up runs QuickJS's
 * interpreter loop was still on Liftoff code for much of a thousand-request run (~0.3 ms a script, against ~0.1 ms
 * optimized). These run while the CLI reads the collection (a worker thread, the other core), and pause while jobs come.
 */
export const LONG_RUN_WARM_RUNS = 300;

/** the code cache of processes that run with useBaselineWasmOnly's flag: V8 keeps a cache to the flags it was made under */
export const BASELINE_WASM_CACHE = 'liftoff';

/**
 * Keeps this process's WebAssembly on Liftoff. V8 reads the flag when it compiles a module, so it must be set before
 * the sandbox worker compiles QuickJS (the worker shares the process's flags); nothing has compiled WebAssembly yet
 * when the entry calls it. The run's bundle is then loaded with the BASELINE_WASM_CACHE code cache (code-cache.ts).
 */
export function useBaselineWasmOnly(): void {
  v8.setFlagsFromString('--liftoff-only');
}
