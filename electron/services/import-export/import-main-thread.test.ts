import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { countRequests } from '../../../shared/importers';
import { createImportExportService } from './index';
import { importWorkerFile } from './import-worker-file';
import { largeOpenApiYaml } from './test-support/large-openapi';

/** what the app may block its main event loop for: a frame or three, unnoticed by a person */
const BUDGET_MS = 50;

describe('the main thread during a large import', () => {
  // a block is something the main thread does; on a machine shared by other processes the thread can also simply not
  // be scheduled for a while, which a retry tells apart (a real block shows every time)
  it(`is never blocked longer than ${BUDGET_MS} ms while thousands of requests arrive from the worker`, { retry: 2, timeout: 120_000 }, async () => {
    const service = createImportExportService();
    // built once per test process (esbuild, in tests only): not part of what an import costs the app
    await importWorkerFile();
    // ~8 MB, ~5,000 requests: enough results that taking them in one go would block for a long while
    const { text, operations } = largeOpenApiYaml(8 * 1024 * 1024);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    let requests = 0;
    try {
      requests = countRequests(await service.parse(text));
    } finally {
      delay.disable();
    }
    expect(requests).toBe(operations);
    const longest = delay.max / 1e6;
    console.log(`${(text.length / 1048576).toFixed(1)} MB, ${requests} requests: longest main-thread block ${longest.toFixed(1)} ms`);
    expect(longest).toBeLessThan(BUDGET_MS);
  });
});
