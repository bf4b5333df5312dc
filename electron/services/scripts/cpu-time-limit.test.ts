import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxEngine } from './sandbox-engine';
import { createScriptRunner } from './script-runner';
import { CONSOLE_LIMITS, type ScriptRun, type ScriptSendHandler } from './script-types';
import { scriptRun } from './test-support';
import { cpuMsOfStat, openThreadCpuClock, type ThreadCpuClock } from './thread-cpu-clock';

// The script limit is CPU time, not wall time: a busy machine must neither stop a script early nor keep a runaway
// one going. Bounds are generous on purpose: these run on loaded 2-core machines, and they start busy threads of
// their own.

const onLinux = existsSync('/proc/thread-self/stat');

/** threads that spin until stopped: the machine made busier than any CI box */
function busyThreads(count: number): () => Promise<void> {
  const workers = Array.from({ length: count }, () => new Worker('for (;;) {}', { eval: true }));
  return async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
}

const inputOf = (run: ScriptRun) =>
  JSON.stringify({ ...run, source: undefined, response: run.response ? { ...run.response, body: undefined } : undefined, limits: CONSOLE_LIMITS });

describe('the thread CPU clock', () => {
  it("reads utime + stime (10 ms ticks) after the command name, which may hold spaces and ')'", () => {
    const stat = '4242 (node (worker) 1) R 1 2 3 4 5 6 7 8 9 10 37 5 0 0 20 0 12 0 100 200 300';
    expect(cpuMsOfStat(stat)).toBe(420);
    expect(cpuMsOfStat('garbage')).toBeNull();
  });

  it.runIf(onLinux)("counts the calling thread's CPU time only, not other threads' of the same process", async () => {
    const clock = openThreadCpuClock().read;
    const before = clock()!;
    const stop = busyThreads(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await stop();
    expect(clock()! - before).toBeLessThan(200);
    // and it moves with this thread's own work
    const start = clock()!;
    const spinning = Date.now();
    while (clock()! - start < 30 && Date.now() - spinning < 30_000);
    expect(clock()! - start).toBeGreaterThanOrEqual(30);
  });
});

describe("the engine's CPU time limit, on a clock given to it", () => {
  const run = async (clock: ThreadCpuClock, cpuMs: number) => {
    const engine = await createSandboxEngine(64 * 1024 * 1024, clock);
    const source = scriptRun('');
    // the context is built at the first run: not part of the timing
    expect(engine.run(inputOf(source), source.response?.body ?? '', '', { cpuMs: 10_000 })).toMatchObject({ ok: true });
    const started = Date.now();
    const result = engine.run(inputOf(source), source.response?.body ?? '', 'for (;;) {}', { cpuMs });
    return { result, ms: Date.now() - started };
  };

  it('stops a loop once the CPU clock reaches the limit, however long that takes in wall time', async () => {
    // a thread that gets a quarter of a core: 200 ms of CPU take 800 ms
    const origin = Date.now();
    const { result, ms } = await run(() => (Date.now() - origin) / 4, 200);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(ms).toBeGreaterThanOrEqual(790);
    expect(ms).toBeLessThan(10_000);
  }, 30_000);

  it('ends a run the machine starves at the wall-clock backstop, 10 × the limit', async () => {
    const { result, ms } = await run(() => 0, 100);
    expect(result).toMatchObject({ ok: false, reason: 'starved' });
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(ms).toBeLessThan(10_000);
  }, 30_000);

  it('falls back to the wall clock where no thread clock can be read', async () => {
    const { result, ms } = await run(() => null, 200);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(ms).toBeGreaterThanOrEqual(200);
    expect(ms).toBeLessThan(10_000);
  }, 30_000);
});

describe.runIf(onLinux)("a script's CPU time limit on a busy machine", () => {
  const runner = createScriptRunner();
  afterAll(() => runner.close());
  beforeAll(() => runner.run(scriptRun('')), 60_000);

  const counting = (iterations: number) => `var n = 0; for (var i = 0; i < ${iterations}; i++) n += i % 7; pm.test("counted", () => {});`;

  it('does not stop a script that used less CPU than its limit, though busy threads stretch it past 1 s of wall time', async () => {
    // calibrated here: iterations worth ~200 ms of wall time now (so at most ~200 ms of CPU), a fifth of the limit
    for (let i = 0; i < 5; i++) await runner.run(scriptRun(counting(200_000)));
    const sample = 2_000_000;
    const started = Date.now();
    expect((await runner.run(scriptRun(counting(sample)))).error).toBeNull();
    const iterations = Math.round((sample * 200) / Math.max(Date.now() - started, 1));
    const stop = busyThreads(12);
    try {
      const busyStart = Date.now();
      const outcome = await runner.run(scriptRun(counting(iterations)));
      console.log(`~200 ms of CPU took ${Date.now() - busyStart} ms of wall time beside 12 busy threads`);
      expect(outcome.error).toBeNull();
      expect(outcome.tests).toMatchObject([{ name: 'counted', outcome: 'passed' }]);
    } finally {
      await stop();
    }
  }, 60_000);

  it('still stops an endless loop beside busy threads, with the error naming the script and its limit', async () => {
    const strict = createScriptRunner({ limits: { cpuMs: 500 } });
    const stop = busyThreads(2);
    try {
      const started = Date.now();
      const outcome = await strict.run(scriptRun('for (;;) {}'));
      const ms = Date.now() - started;
      console.log(`an endless loop with a 500 ms CPU limit beside 2 busy threads ended after ${ms} ms of wall time: ${outcome.error}`);
      // its 500 ms of CPU; on a machine too busy for that, the 5 s backstop says so
      expect(outcome.error).toMatch(
        /^Post-response script of "Login" (used up its|was stopped after 5 s: the machine was too busy to give it its) CPU time limit of 500 ms/,
      );
      expect(ms).toBeGreaterThanOrEqual(500);
      expect(ms).toBeLessThan(20_000);
    } finally {
      await stop();
      await strict.close();
    }
  }, 60_000);

  it('does not count the wait for an awaited pm.sendRequest: a 1.5 s answer from a slow server is not stopped at 1 s', async () => {
    // Postman puts no limit on a script's awaited requests; each has its own timeout (30 s by default in Courier)
    const server = http.createServer((_request, response) => {
      setTimeout(() => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"slow":true}'), 1500);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
    const sendRequest: ScriptSendHandler = async (request, signal) => {
      const started = Date.now();
      const response = await fetch(request.url, { signal });
      const body = await response.text();
      return {
        ok: true,
        response: {
          code: response.status,
          status: response.statusText,
          headers: [...response.headers].map(([key, value]) => ({ key, value })),
          body,
          responseTime: Date.now() - started,
          size: body.length,
          headerSize: 0,
        },
      };
    };
    try {
      const started = Date.now();
      const outcome = await runner.run(
        scriptRun(
          `const first = await pm.sendRequest("${url}");\nconst second = await pm.sendRequest("${url}");\npm.test("answered", () => pm.expect(first.json().slow && second.json().slow).to.equal(true));`,
        ),
        { sendRequest },
      );
      expect(outcome.error).toBeNull();
      expect(outcome.tests).toMatchObject([{ name: 'answered', outcome: 'passed' }]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe.runIf(onLinux)("the host's watchdog, for a worker that does not stop itself", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'courier-watchdog-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** a stand-in for sandbox-worker.js that says it is ready, as the real one does, then never answers a job */
  async function stuckWorker(name: string, onJob: string): Promise<URL> {
    const file = path.join(dir, `${name}.mjs`);
    await writeFile(
      file,
      `import { parentPort } from 'node:worker_threads';
      import { readFileSync } from 'node:fs';
      parentPort.on('message', () => { ${onJob} });
      parentPort.postMessage({ type: 'ready', tid: Number(readFileSync('/proc/thread-self/stat', 'latin1').split(' ')[0]) });`,
    );
    return pathToFileURL(file);
  }

  it('ends a worker spinning where the engine cannot interrupt it once its thread has used the limit plus the grace period', async () => {
    // like a long C built-in: the engine's own limit never fires. The backstop would take 10 s + 0.5 s.
    const file = await stuckWorker('spinning', 'for (;;) {}');
    const runner = createScriptRunner({ workerFile: async () => file, graceMs: 500 });
    try {
      const started = Date.now();
      const outcome = await runner.run(scriptRun('1'));
      const ms = Date.now() - started;
      console.log(`a spinning worker (1 s limit + 0.5 s grace) was ended after ${ms} ms of wall time`);
      expect(outcome.error).toBe('Post-response script of "Login" used up its CPU time limit of 1 s and was stopped.');
      expect(ms).toBeGreaterThanOrEqual(1500);
      expect(ms).toBeLessThan(9000);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('waits for the wall-clock backstop when the worker uses no CPU', async () => {
    const file = await stuckWorker('sleeping', 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);');
    const runner = createScriptRunner({ workerFile: async () => file, limits: { cpuMs: 200 }, graceMs: 300 });
    try {
      const started = Date.now();
      const outcome = await runner.run(scriptRun('1'));
      const ms = Date.now() - started;
      expect(outcome.error).toBe('Post-response script of "Login" was stopped after 2 s: the machine was too busy to give it its CPU time limit of 200 ms.');
      expect(ms).toBeGreaterThanOrEqual(2300);
      expect(ms).toBeLessThan(15_000);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
