import { CourierError, type ImportResult } from '../../../shared/contract';
import { ImportFormatError, importText } from '../../../shared/importers';
import { parseLargeYaml } from './fast-yaml';
import type { ImportPhase } from './import-worker-protocol';
import { resolveOpenApi } from './openapi-dereference';

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
