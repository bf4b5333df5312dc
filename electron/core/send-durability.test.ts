import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type TestServer } from '../test-support';

// An answer the user has seen must be in history after a crash. The child sends through the real pipeline and prints
// each answer as it gets it; it is SIGKILLed at random moments; every answered request must then be in history.db.

const root = fileURLToPath(new URL('../..', import.meta.url));
let work: string;
let childJs: string;
let server: TestServer;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'courier-send-durability-'));
  childJs = path.join(work, 'send-killer.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./test-support/send-killer.ts', import.meta.url))],
    outfile: childJs,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    // as the CLI's bundle has it (scripts/cli-build.mjs): the history loads better-sqlite3 through createRequire(import.meta.url)
    define: { 'import.meta.url': '__courierModuleUrl' },
    banner: { js: "var __courierModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'error',
  });
  let n = 0;
  server = await startHttpServer((_req, res) => {
    n++;
    // A mix of sizes: most answers are small, some large enough to take the slow path through the body store.
    const size = n % 11 === 0 ? 400_000 : n % 3 === 0 ? 30_000 : 100;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ n, pad: 'x'.repeat(size) }));
  });
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

function runChild(dataDir: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childJs, dataDir, server.origin], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (code ${code}): ${stderr}`));
      else resolve(acked);
    });
  });
}

describe('send durability', () => {
  it('has every answered request in history after SIGKILL at random moments', async () => {
    const dataDir = path.join(work, 'data');
    const answered: string[] = [];
    // at least 8 kills, and on until 50 answers were at stake: a busy machine answers fewer before each kill, which
    // made a fixed 8 rounds fall short of 50 (48) with nothing wrong
    for (let round = 0; round < 8 || (answered.length <= 50 && round < 40); round++) {
      answered.push(...(await runChild(dataDir, 150 + Math.floor(Math.random() * 400))));
      const db = new Database(path.join(dataDir, 'history', 'history.db'), { readonly: true });
      try {
        const urls = new Set((db.prepare('SELECT url FROM entries').pluck().all() as string[]).map((url) => new URL(url).pathname.slice(1)));
        const missing = answered.filter((key) => !urls.has(key));
        expect(missing, `round ${round}: ${missing.length} of ${answered.length} answered requests missing`).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(answered.length).toBeGreaterThan(50);
  }, 120_000);
});
