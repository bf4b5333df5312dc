import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistoryService } from './index';
import { fakeRecord } from './test-support/fixtures';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let work: string;
let writerJs: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'courier-durability-'));
  writerJs = path.join(work, 'kill-writer.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./test-support/kill-writer.ts', import.meta.url))],
    outfile: writerJs,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    // as the CLI's bundle has it (scripts/cli-build.mjs): the history loads better-sqlite3 through createRequire(import.meta.url)
    define: { 'import.meta.url': '__courierModuleUrl' },
    banner: { js: "var __courierModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs the writer until killed with SIGKILL after `killAfterMs` of writing; returns the ids it acknowledged. */
function runWriter(dir: string, killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // NODE_PATH lets the bundle in a temp folder find the project's native better-sqlite3.
    const child = spawn(process.execPath, [writerJs, dir], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (code ${code}): ${stderr}`));
      else resolve(acked);
    });
  });
}

describe('durability', () => {
  it('keeps every acknowledged entry and a sound database when the writer is SIGKILLed at random moments', async () => {
    const dir = path.join(work, 'kill-loop');
    const acknowledged: number[] = [];
    for (let round = 0; round < 15; round++) {
      const acked = await runWriter(dir, 20 + Math.floor(Math.random() * 300));
      acknowledged.push(...acked);
      const db = new Database(path.join(dir, 'history.db'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const present = new Set(db.prepare('SELECT id FROM entries').pluck().all() as number[]);
        const missing = acknowledged.filter((id) => !present.has(id));
        expect(missing, `round ${round}`).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(15);
    // The store opens cleanly afterwards, and every acknowledged body is readable.
    const service = createHistoryService({ dir, orphanSweepDelayMs: 60_000 });
    try {
      expect(service.notices).toEqual([]);
      for (const id of acknowledged) {
        const entry = await service.get(id);
        const read = await service.readBody(entry.exchange!.body.id, 0, 16);
        expect(read.total).toBe(entry.exchange!.body.size);
      }
      expect(service.db.prepare('SELECT count(*) FROM entries_fts').pluck().get() as number).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await service.close();
    }
  }, 90_000);

  it('moves a corrupt database aside with its bodies, and starts a fresh one that works', async () => {
    const dir = path.join(work, 'corrupt');
    await mkdir(path.join(dir, 'bodies', 'ab'), { recursive: true });
    await writeFile(path.join(dir, 'history.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xee)]));
    await writeFile(path.join(dir, 'history.db-wal'), 'junk');
    await writeFile(path.join(dir, 'bodies', 'ab', `ab${'0'.repeat(62)}.gz`), 'old body');
    const service = createHistoryService({ dir, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
    try {
      expect(service.notices).toHaveLength(1);
      expect(service.notices[0]).toContain('history.db.corrupt-2026-01-02T03-04-05-000Z');
      const names = await readdir(dir);
      expect(names).toContain('history.db.corrupt-2026-01-02T03-04-05-000Z');
      // (SQLite itself drops a -wal whose header is junk when the failed connection closes: it holds nothing.)
      expect(names).toContain('bodies.corrupt-2026-01-02T03-04-05-000Z');
      const summary = await service.record(fakeRecord({ body: 'fresh' }));
      expect(service.list({}, 0, 10).entries.map((e) => e.id)).toEqual([summary.id]);
    } finally {
      await service.close();
    }
    const again = createHistoryService({ dir });
    expect(again.notices).toEqual([]);
    expect(again.usage().entries).toBe(1);
    await again.close();
  });

  it('moves aside a real database whose pages were damaged after a clean close', async () => {
    const dir = path.join(work, 'damaged');
    const first = createHistoryService({ dir });
    for (let i = 0; i < 200; i++) await first.record(fakeRecord({ url: `http://damaged.test/${i}`, body: `body ${i}` }));
    await first.close();
    const file = path.join(dir, 'history.db');
    const { size } = await stat(file);
    const handle = await open(file, 'r+');
    // Page 1 (the schema) stays; every page after it becomes noise.
    await handle.write(Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    await handle.close();
    await writeFile(path.join(dir, 'history.db-wal'), Buffer.alloc(0));
    const service = createHistoryService({ dir });
    try {
      expect(service.notices).toHaveLength(1);
      expect(service.notices[0]).toMatch(/could not be read/);
      const names = await readdir(dir);
      expect(names.filter((name) => name.startsWith('history.db.corrupt-'))).toHaveLength(names.some((n) => /corrupt-.*-wal$/.test(n)) ? 2 : 1);
      expect(names.some((name) => name.startsWith('bodies.corrupt-'))).toBe(true);
      expect(service.usage().entries).toBe(0);
      await service.record(fakeRecord());
      expect(service.usage().entries).toBe(1);
    } finally {
      await service.close();
    }
  });

  it('treats a file that is not a database at all the same way', async () => {
    const dir = path.join(work, 'garbage');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'history.db'), 'this is not sqlite');
    const service = createHistoryService({ dir });
    expect(service.notices[0]).toMatch(/could not be read .*kept as .*history\.db\.corrupt-/);
    await service.close();
  });
});
