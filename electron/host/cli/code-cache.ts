import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** A CommonJS bundle, loaded; `saveCache()` writes V8's code for it beside the bundle when the cache was missing or stale. */
export interface CachedBundle<T> {
  exports: T;
  /** true when V8 took the cached code instead of compiling */
  fromCache: boolean;
  saveCache(): void;
}

// Node 20.12+: dynamic import() inside the script goes through the main context's loader, as in an ordinary module
const MAIN_CONTEXT_LOADER = (vm as unknown as { constants: { USE_MAIN_CONTEXT_DEFAULT_LOADER: symbol } }).constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;

/**
 * What a cache was made for. V8 checks its own version and flags, but of the source only its length: a rebuilt bundle
 * of the same length would run stale code. The file's size and modification time stand in for its content, without
 * reading 5 MB through a hash on every start.
 */
function keyOf(file: string): string {
  const stat = statSync(file);
  return `courier-code-cache 1 ${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs}\n`;
}

function readCache(cacheFile: string, key: string): Buffer | undefined {
  try {
    const data = readFileSync(cacheFile);
    const header = Buffer.from(key);
    return data.subarray(0, header.length).equals(header) ? data.subarray(header.length) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bundle's text. ASCII (as the build makes run-command.cjs: scripts/cli-build.mjs) is the same text read as
 * Latin-1, which costs ~1 ms for 3 MB where Node 20's UTF-8 decoding costs 15-45 ms of CPU (and 30-80 ms, into a
 * two-byte string, when a few characters are not ASCII). Anything else is read as UTF-8.
 */
function readSource(file: string): string {
  const bytes = readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Loads a CommonJS bundle with V8's code cache, which Node 20 offers for vm.Script only (module.enableCompileCache is
 * Node 22). `courier run` loads 3 MB of bundled services; compiling them took about a third of a one-request run.
 * The cache sits beside the bundle and is written by whoever may write there (a read-only install simply runs
 * without it): whoever can write that folder could change the bundle itself, so trusting the cache adds no new way in.
 * `variant` names a cache kept apart for a process that runs with other V8 flags.
 */
export function loadWithCodeCache<T>(file: string, variant?: string): CachedBundle<T> {
  // V8 rejects code cached under other flags (wasm-tier.ts sets one for short runs): each set keeps its own file, or
  // runs that alternate would each throw the other's cache away and compile the bundle again
  const cacheFile = variant === undefined ? `${file}.v8-cache` : `${file}.${variant}.v8-cache`;
  const key = keyOf(file);
  const cachedData = readCache(cacheFile, key);
  // CommonJS's own wrapper: the bundle sees exports, require, module, __filename and __dirname as under require()
  const source = `(function (exports, require, module, __filename, __dirname) { ${readSource(file)}\n});`;
  const script = new vm.Script(source, { filename: file, cachedData, importModuleDynamically: MAIN_CONTEXT_LOADER as never });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  const init = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  init.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports,
    fromCache,
    saveCache() {
      if (fromCache) return;
      // after the run, so the cache also holds the functions the run compiled, not only the top level
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, Buffer.concat([Buffer.from(key), script.createCachedData()]));
        renameSync(temporary, cacheFile);
      } catch {
        try {
          unlinkSync(temporary);
        } catch {
          // nothing was written
        }
      }
    },
  };
}
