import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { CourierError } from '../../../shared/contract';
import { countRequests } from '../../../shared/importers';
import { createImportExportService, type ImportPhase } from './index';
import { largeOpenApiYaml } from './test-support/large-openapi';

const service = createImportExportService();

describe('import in a worker thread', () => {
  it('keeps the main event loop responsive while a large YAML description imports, and reports its steps', async () => {
    // ~6 MB: large enough that parsing and resolving on the main thread would stall it for seconds
    const { text, operations } = largeOpenApiYaml(6 * 1024 * 1024);
    const phases: ImportPhase[] = [];
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    try {
      const result = await service.parse(text, { onProgress: (phase) => phases.push(phase) });
      expect(countRequests(result)).toBe(operations);
    } finally {
      clearInterval(timer);
      delay.disable();
    }
    const elapsed = performance.now() - started;
    const gaps = ticks.slice(1).map((tick, i) => tick - ticks[i]!);
    console.log(
      `${(text.length / 1048576).toFixed(1)} MB: ${Math.round(elapsed)} ms, ${ticks.length} ticks, longest gap ${Math.round(Math.max(...gaps))} ms, loop delay max ${Math.round(delay.max / 1e6)} ms`,
    );
    expect(phases).toEqual(['parsing', 'resolving', 'converting']);
    // a 10 ms timer keeps firing all along: at least a third of the ticks it would fire on an idle loop
    expect(ticks.length).toBeGreaterThan(elapsed / 10 / 3);
    // what the main thread still does (start the worker, take the result) is short; lenient for a loaded machine
    expect(Math.max(...gaps)).toBeLessThan(500);
  }, 120_000);

  it('is cancelled at once by its signal, whatever step it is in', async () => {
    const { text } = largeOpenApiYaml(3 * 1024 * 1024);
    const controller = new AbortController();
    const pending = service.parse(text, { signal: controller.signal, onProgress: (phase) => phase === 'parsing' && controller.abort() });
    await expect(pending).rejects.toSatisfy((error: unknown) => error instanceof CourierError && error.code === 'CANCELLED');
  }, 60_000);

  it('fails with a clear INVALID_IMPORT message for a broken YAML file', async () => {
    const broken = 'openapi: 3.0.0\ninfo: { title: x, version: "1" }\npaths:\n  /a: [unclosed\n';
    await expect(service.parse(broken)).rejects.toSatisfy(
      (error: unknown) => error instanceof CourierError && error.code === 'INVALID_IMPORT' && /neither JSON nor YAML/.test(error.message),
    );
  }, 60_000);
});
