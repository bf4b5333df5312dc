import { CourierError, type ImportResult } from '../../../shared/contract';
import { ImportFormatError, importText } from '../../../shared/importers';
import { parseLargeYaml } from './fast-yaml';
import type { ImportPhase } from './import-worker-protocol';
import { resolveOpenApi } from './openapi-dereference';

/**
 * Texts up to this many characters are converted on the main thread; longer ones in a worker thread. Starting the
 * worker (a new isolate that loads the importers, swagger-parser and both YAML parsers) costs 0.4–0.6 s on our 2-core
 * CI machine, whatever the text. Converting in-process costs, for the densest format (an OpenAPI YAML description with
 * $refs and example bodies, measured with largeOpenApiYaml): 64 KB ≈ 33 ms, 128 KB ≈ 40 ms, 256 KB ≈ 88 ms, 1 MB ≈
 * 200 ms (medians of 5); JSON is about twice as fast, curl and Postman texts faster still. 128 KB keeps the main
 * thread's longest block near the 50 ms budget for the worst format while every paste and ordinary file skips the
 * worker; larger texts pay the worker's start-up to keep the app responsive.
 */
export const IN_PROCESS_MAX_CHARS = 128 * 1024;

interface InProcessOptions {
  sourceUrl?: string;
  onProgress?: (phase: ImportPhase) => void;
  signal?: AbortSignal;
}

const cancelled = () => new CourierError('CANCELLED', 'The import was cancelled.');

/** The worker's work (same parsers, same phases, same errors) without the worker, for small texts. */
export async function importInProcess(text: string, options: InProcessOptions = {}): Promise<ImportResult> {
  const { sourceUrl, onProgress, signal } = options;
  const step = (phase: ImportPhase) => {
    if (signal?.aborted) throw cancelled();
    onProgress?.(phase);
  };
  try {
    step('parsing');
    const result = await importText(text, {
      resolve: resolveOpenApi,
      parseYaml: parseLargeYaml,
      ...(sourceUrl === undefined ? {} : { sourceUrl }),
      onProgress: step,
    });
    if (signal?.aborted) throw cancelled();
    return result;
  } catch (error) {
    if (error instanceof CourierError) throw error;
    if (error instanceof ImportFormatError) throw new CourierError('INVALID_IMPORT', error.message);
    throw new CourierError('INTERNAL', `The import failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
}
