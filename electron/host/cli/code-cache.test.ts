import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each load runs in a process of its own, as each `courier run` does: within one process V8 answers a second compile
// of the same source from memory and never looks at the cache, which would make every check here pass.
let dir: string;
let loader: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-code-cache-'));
  loader = path.join(dir, 'load.mjs');
  const here = path.dirname(fileURLToPath(import.meta.url));
  await build({
    stdin: {
      contents: `import { loadWithCodeCache } from './code-cache';
        const bundle = loadWithCodeCache(process.argv[2]);
        const answer = bundle.exports.answer();
        if (process.argv[3] === 'save') bundle.saveCache();
        process.stdout.write(JSON.stringify({ answer, fromCache: bundle.fromCache }));`,
      resolveDir: here,
      loader: 'ts',
    },
    outfile: loader,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function load(file: string, save = true): { answer: string; fromCache: boolean } {
  const ran = spawnSync(process.execPath, [loader, file, save ? 'save' : ''], { encoding: 'utf8' });
  if (ran.status !== 0) throw new Error(ran.stderr);
  return JSON.parse(ran.stdout) as { answer: string; fromCache: boolean };
}

// shaped like run-command.cjs: CommonJS, with require and __filename
const bundle = (answer: string) => `
const path = require('node:path');
function helper(n) { let total = 0; for (let i = 0; i < n; i++) total += i; return total; }
exports.answer = () => '${answer}' + ':' + helper(10) + ':' + path.basename(__filename);
`;

async function bundleFile(name: string, answer: string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder);
  const file = path.join(folder, 'run-command.cjs');
  await writeFile(file, bundle(answer));
  return file;
}

describe('loadWithCodeCache', () => {
  it('runs the bundle, writes the cache after the first load and takes it on the next', async () => {
    const file = await bundleFile('first', 'one');
    expect(load(file)).toEqual({ answer: 'one:45:run-command.cjs', fromCache: false });
    expect(existsSync(`${file}.v8-cache`)).toBe(true);
    expect(load(file)).toEqual({ answer: 'one:45:run-command.cjs', fromCache: true });
  });

  it('never runs stale code: a rebuilt bundle of the same length ignores the old cache and replaces it', async () => {
    const file = await bundleFile('rebuilt', 'old');
    load(file);
    // V8 itself only compares the source's length: same length, different code
    await writeFile(file, bundle('new'));
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    expect(load(file)).toEqual({ answer: 'new:45:run-command.cjs', fromCache: false });
    expect(load(file)).toEqual({ answer: 'new:45:run-command.cjs', fromCache: true });
  });

  it('reads a bundle with characters beyond ASCII as UTF-8 (an ASCII one is read as one-byte text, which is cheaper)', async () => {
    const file = await bundleFile('unicode', 'caf\u00e9 \u2014 \u{1F680}');
    expect(load(file)).toEqual({ answer: 'caf\u00e9 \u2014 \u{1F680}:45:run-command.cjs', fromCache: false });
    expect(load(file)).toEqual({ answer: 'caf\u00e9 \u2014 \u{1F680}:45:run-command.cjs', fromCache: true });
  });

  it('runs without the cache when it is garbage, and when it cannot be read or written', async () => {
    const file = await bundleFile('broken', 'x');
    load(file);
    const cache = await readFile(`${file}.v8-cache`);
    // the header is right, the code after it is not
    await writeFile(`${file}.v8-cache`, Buffer.concat([cache.subarray(0, cache.indexOf(10) + 1), Buffer.from('not V8 code at all')]));
    expect(load(file, false)).toEqual({ answer: 'x:45:run-command.cjs', fromCache: false });
    // a folder where the cache file would be: unreadable and unwritable, even for root
    await rm(`${file}.v8-cache`);
    await mkdir(`${file}.v8-cache`);
    await writeFile(path.join(`${file}.v8-cache`, 'keep'), '');
    expect(load(file)).toEqual({ answer: 'x:45:run-command.cjs', fromCache: false });
    expect(load(file)).toEqual({ answer: 'x:45:run-command.cjs', fromCache: false });
  });
});
