import { existsSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { countRequests } from '../../../shared/importers';
import { createImportExportService } from './index';
import { importWorkerFile } from './import-worker-file';
import { largeOpenApiYaml } from './test-support/large-openapi';

/** what the app may block its main event loop for: a frame or three, unnoticed by a person */
const BUDGET_MS = 50;

/** this thread's CPU time in ns (Linux: the scheduler's own count, to the ns), or null where there is none */
const SCHEDSTAT = '/proc/thread-self/schedstat';
const threadCpuNs = (): number | null => (existsSync(SCHEDSTAT) ? Number(readFileSync(SCHEDSTAT, 'latin1').split(' ')[0]) : null);

/**
 * The longest stretch the main thread ran without coming back to its event loop, in CPU time: what the thread itself
 * did between two turns of a 1 ms timer. A wall-clock delay also counts the time a busy machine (the other test
 * worker, a browser) did not schedule the thread at all, which failed this test three times running under load with
 * nothing blocking; CPU time counts only the block. Where there is no thread clock, the wall-clock delay stands in.
 */
function watchLongestBlock() {
  if (threadCpuNs() === null) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    return () => {
      delay.disable();
      return { longestMs: delay.max / 1e6, clock: 'wall' };
    };
  }
  let last = threadCpuNs()!;
  let longest = 0;
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const now = threadCpuNs()!;
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return () => {
    clearTimeout(timer);
    tick();
    clearTimeout(timer);
    return { longestMs: longest / 1e6, clock: 'thread CPU' };
  };
}

describe('the main thread during a large import', () => {
  it(`is never blocked longer than ${BUDGET_MS} ms while thousands of requests arrive from the worker`, { timeout: 120_000 }, async () => {
    const service = createImportExportService();
    // built once per test process (esbuild, in tests only): not part of what an import costs the app
    await importWorkerFile();
    // ~8 MB, ~5,000 requests: enough results that taking them in one go would block for a long while
    const { text, operations } = largeOpenApiYaml(8 * 1024 * 1024);
    const stop = watchLongestBlock();
    let requests = 0;
    let longest = { longestMs: Number.NaN, clock: '' };
    try {
      requests = countRequests(await service.parse(text));
    } finally {
      longest = stop();
    }
    expect(requests).toBe(operations);
    console.log(
      `${(text.length / 1048576).toFixed(1)} MB, ${requests} requests: longest main-thread block ${longest.longestMs.toFixed(1)} ms (${longest.clock})`,
    );
    expect(longest.longestMs).toBeLessThan(BUDGET_MS);
  });
});
