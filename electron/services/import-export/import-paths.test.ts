import { describe, expect, it } from 'vitest';
import { CourierError } from '../../../shared/contract';
import { countRequests } from '../../../shared/importers';
import { IN_PROCESS_MAX_CHARS } from './in-process-limit';
import { importWorkerFile } from './import-worker-file';
import { createImportExportService, type ImportPhase } from './index';
import { largeOpenApiYaml } from './test-support/large-openapi';

/** A service whose worker starts are counted: the worker file is asked for exactly when a worker is started. */
function countingService() {
  const starts = { count: 0 };
  const service = createImportExportService({
    workerFile: () => {
      starts.count += 1;
      return importWorkerFile();
    },
  });
  return { service, starts };
}

describe('small texts convert in-process, large ones in a worker', () => {
  it('imports a one-line curl without starting a worker', async () => {
    const { service, starts } = countingService();
    const result = await service.parse(`curl 'https://api.example.com/items?page=2' -H 'accept: application/json'`);
    expect(result.format).toBe('curl');
    expect(countRequests(result)).toBe(1);
    expect(starts.count).toBe(0);
  });

  it('imports an OpenAPI description just under the limit in-process, with the worker’s phases', async () => {
    const { service, starts } = countingService();
    const { text, operations } = largeOpenApiYaml(IN_PROCESS_MAX_CHARS - 16 * 1024);
    expect(text.length).toBeLessThanOrEqual(IN_PROCESS_MAX_CHARS);
    const phases: ImportPhase[] = [];
    const result = await service.parse(text, { onProgress: (phase) => phases.push(phase) });
    expect(countRequests(result)).toBe(operations);
    expect(phases).toEqual(['parsing', 'resolving', 'converting']);
    expect(starts.count).toBe(0);
  });

  it('imports a text over the limit in a worker, with the same result shape', async () => {
    const { service, starts } = countingService();
    const { text, operations } = largeOpenApiYaml(IN_PROCESS_MAX_CHARS + 64 * 1024);
    expect(text.length).toBeGreaterThan(IN_PROCESS_MAX_CHARS);
    const result = await service.parse(text);
    expect(countRequests(result)).toBe(operations);
    expect(starts.count).toBe(1);
  }, 60_000);

  it('in-process: a malformed text is INVALID_IMPORT and an aborted signal is CANCELLED', async () => {
    const { service } = countingService();
    await expect(service.parse('openapi: 3.0.0\npaths:\n  /a: [unclosed\n')).rejects.toSatisfy(
      (error: unknown) => error instanceof CourierError && error.code === 'INVALID_IMPORT',
    );
    const controller = new AbortController();
    const pending = service.parse(largeOpenApiYaml(32 * 1024).text, {
      signal: controller.signal,
      onProgress: (phase) => phase === 'resolving' && controller.abort(),
    });
    await expect(pending).rejects.toSatisfy((error: unknown) => error instanceof CourierError && error.code === 'CANCELLED');
  });
});
