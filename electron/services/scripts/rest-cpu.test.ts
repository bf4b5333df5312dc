import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxEngine } from './sandbox-engine';
import { publishesRestCpu, publishRestCpu, REST_CPU_BYTES, restCpuAfter } from './sandbox-protocol';
import { sandboxWorkerFile } from './sandbox-worker-file';
import { createScriptRunner } from './script-runner';
import { CONSOLE_LIMITS } from './script-types';
import { DEFAULT_MEMORY_BYTES, startSandboxWorker } from './start-sandbox-worker';
import { scriptRun } from './test-support';

// A run's CPU count starts from a reading of the worker thread's clock (/proc, a system call and a parse). Taken at
// rest, between runs, it is off the path of every run, for the engine's own limit and for the host's watchdog alike.

const onLinux = existsSync('/proc/thread-self/stat');
const run = scriptRun('pm.test("ok", () => pm.expect(pm.response.code).to.equal(200));');
const input = JSON.stringify({ ...run, source: undefined, response: { ...run.response, body: undefined }, limits: CONSOLE_LIMITS });

describe('the worker CPU time published at rest', () => {
  it('is read back for the job it followed only', () => {
    const buffer = new SharedArrayBuffer(REST_CPU_BYTES);
    new BigInt64Array(buffer)[0] = -1n;
    expect(restCpuAfter(buffer, 0)).toBeNull();
    expect(publishesRestCpu(buffer)).toBe(false);
    publishRestCpu(buffer, 0, 120);
    expect(publishesRestCpu(buffer)).toBe(true);
    expect(restCpuAfter(buffer, 0)).toBe(120);
    publishRestCpu(buffer, 7, 130.4);
    expect(restCpuAfter(buffer, 7)).toBe(130);
    // the host posts job 9 after job 8, which the worker has not finished resting from: no reading for it
    expect(restCpuAfter(buffer, 8)).toBeNull();
  });
});

describe("the engine's clock at rest", () => {
  it('starts the next run from the reading taken at rest, once, instead of reading the clock as it starts', async () => {
    let reads = 0;
    const engine = await createSandboxEngine(64 * 1024 * 1024, () => {
      reads += 1;
      return 0;
    });
    const once = () => expect(engine.run(input, run.response!.body, run.source, { cpuMs: 1000 })).toMatchObject({ ok: true });
    once();
    reads = 0;
    once();
    expect(reads).toBe(1);
    reads = 0;
    expect(engine.rest()).toBe(0);
    expect(reads).toBe(1);
    once();
    expect(reads).toBe(1);
    // the reading served one run: the one after reads the clock again
    once();
    expect(reads).toBe(2);
  });

  it('still stops an endless loop at its CPU limit when the run starts from a reading at rest', async () => {
    // a thread that gets half a core: 200 ms of CPU take 400 ms
    const origin = Date.now();
    const engine = await createSandboxEngine(64 * 1024 * 1024, () => (Date.now() - origin) / 2);
    expect(engine.run(input, run.response!.body, '', { cpuMs: 10_000 })).toMatchObject({ ok: true });
    engine.rest();
    const started = Date.now();
    expect(engine.run(input, run.response!.body, 'for (;;) {}', { cpuMs: 200 })).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});

describe.runIf(onLinux)("the host's watchdog and the worker's CPU time at rest", () => {
  it("does not read the worker thread's clock for each job: the worker publishes it as it goes idle", async () => {
    const early = startSandboxWorker(await sandboxWorkerFile(), DEFAULT_MEMORY_BYTES, 1);
    let reads = 0;
    const workerCpu = early.workerCpu;
    const runner = createScriptRunner({
      early: {
        ...early,
        workerCpu: () => {
          reads += 1;
          return workerCpu();
        },
      },
    });
    try {
      const runs = 20;
      for (let i = 0; i < runs; i++) expect((await runner.run(run)).tests).toMatchObject([{ name: 'ok', outcome: 'passed' }]);
      // a job that overtakes the worker's reading at rest finds it at the first check, which a quick job never reaches
      expect(reads).toBe(0);
      // and the limits hold: an endless loop is stopped at the CPU limit and named, and the next job runs
      expect((await runner.run(scriptRun('for (;;) {}'))).error).toMatch(
        /^Post-response script of "Login" (used up its CPU time limit of 1 s|was stopped after 10 s)/,
      );
      expect((await runner.run(run)).tests).toMatchObject([{ name: 'ok', outcome: 'passed' }]);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('warms up while idle for as many runs as the host asks, pausing while jobs come', async () => {
    // `courier run` of a large collection asks for many, so V8 has optimized QuickJS before the first request
    const early = startSandboxWorker(await sandboxWorkerFile(), DEFAULT_MEMORY_BYTES, 100_000);
    const runner = createScriptRunner({ early });
    const busyFor = async (ms: number) => {
      const before = early.workerCpu()!;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return early.workerCpu()! - before;
    };
    try {
      await early.ready;
      // busy warming (thirty runs take a few ms)
      expect(await busyFor(1000)).toBeGreaterThanOrEqual(100);
      // right after a job, idle: the next job of a collection run does not wait behind a warm-up
      expect((await runner.run(run)).tests).toMatchObject([{ name: 'ok', outcome: 'passed' }]);
      expect(await busyFor(120)).toBeLessThan(50);
      // and warming again once no job has come for a while
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await busyFor(1000)).toBeGreaterThanOrEqual(100);
    } finally {
      await runner.close();
    }
  }, 60_000);

  describe('with a worker that publishes its CPU time and then never answers', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'courier-rest-cpu-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('ends it once its thread has used the limit plus the grace period from that reading', async () => {
      const file = path.join(dir, 'spinning.mjs');
      // a stand-in for sandbox-worker.js: ready, its CPU time at rest published as the real one does, then stuck
      await writeFile(
        file,
        `import { parentPort, workerData } from 'node:worker_threads';
        import { readFileSync } from 'node:fs';
        const stat = () => readFileSync('/proc/thread-self/stat', 'latin1');
        const fields = stat().slice(stat().lastIndexOf(')') + 2).split(' ');
        const cells = new BigInt64Array(workerData.restCpu);
        Atomics.store(cells, 1, BigInt((Number(fields[11]) + Number(fields[12])) * 10));
        Atomics.store(cells, 0, 0n);
        parentPort.on('message', () => { for (;;) {} });
        parentPort.postMessage({ type: 'ready', tid: Number(stat().split(' ')[0]) });`,
      );
      const runner = createScriptRunner({ workerFile: async () => pathToFileURL(file), graceMs: 500 });
      try {
        const started = Date.now();
        const outcome = await runner.run(scriptRun('1'));
        const ms = Date.now() - started;
        expect(outcome.error).toBe('Post-response script of "Login" used up its CPU time limit of 1 s and was stopped.');
        expect(ms).toBeGreaterThanOrEqual(1500);
        expect(ms).toBeLessThan(9000);
      } finally {
        await runner.close();
      }
    }, 60_000);
  });
});
