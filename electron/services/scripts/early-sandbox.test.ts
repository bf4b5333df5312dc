import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createScriptRunner, type ScriptRunner } from './script-runner';
import { sandboxWorkerFile } from './sandbox-worker-file';
import { DEFAULT_MEMORY_BYTES, startSandboxWorker } from './start-sandbox-worker';
import { scriptRun } from './test-support';

const runners: ScriptRunner[] = [];
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
});

describe('a sandbox worker started before the script runner (courier run)', () => {
  it('is the one the first script runs in, and stays up for the next', async () => {
    const early = startSandboxWorker(await sandboxWorkerFile(), DEFAULT_MEMORY_BYTES);
    await early.ready;
    const runner = createScriptRunner({ early });
    let exited = false;
    early.worker.once('exit', () => (exited = true));
    const first = await runner.run(scriptRun("pm.test('runs', () => pm.expect(pm.response.code).to.equal(200));"));
    expect(first.error).toBeNull();
    expect(first.tests.map((t) => t.outcome)).toEqual(['passed']);
    expect((await runner.run(scriptRun("pm.test('again', () => {});"))).tests[0]?.outcome).toBe('passed');
    expect(exited).toBe(false);
    // the runner owns it: closing the runner ends this worker (an ignored early worker would stay up)
    const exit = once(early.worker, 'exit');
    await runner.close();
    await exit;
  });

  it('one started with another memory limit is ended, and a fresh worker takes its place', async () => {
    const early = startSandboxWorker(await sandboxWorkerFile(), DEFAULT_MEMORY_BYTES / 2);
    const runner = createScriptRunner({ early });
    runners.push(runner);
    const exited = once(early.worker, 'exit');
    expect((await runner.run(scriptRun("pm.test('fresh', () => {});"))).tests[0]?.outcome).toBe('passed');
    await exited;
  });

  it('one that died while starting gives a clear error, not a hang or an unhandled error event', async () => {
    const early = startSandboxWorker(new URL('file:///nonexistent/sandbox-worker.js'), DEFAULT_MEMORY_BYTES);
    await early.ready;
    const runner = createScriptRunner({ early });
    runners.push(runner);
    const outcome = await runner.run(scriptRun("pm.test('never', () => {});"));
    expect(outcome.error).toMatch(/could not run: .*sandbox/);
  });
});
