import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpRequestSpecSchema, type HttpExchange, type HttpProgress, type HttpRequestSpec, type HttpRequestSpecInput } from '../../../shared/contract';
import { createBodyStore, type BodyStore } from '../body-store';
import { createHttpEngine, type HttpEngine, type HttpEngineOptions } from './index';

/** An engine with its own body store and spool dir, for one test file; dispose() removes everything. */
export interface TestEngine {
  engine: HttpEngine;
  bodyStore: BodyStore;
  spoolDir: string;
  progress: HttpProgress[];
  spoolFiles(): Promise<string[]>;
  bodyText(exchange: HttpExchange): Promise<string>;
  bodyBytes(exchange: HttpExchange): Promise<Buffer>;
  dispose(): Promise<void>;
}

export async function createTestEngine(options: Partial<Omit<HttpEngineOptions, 'bodyStore'>> & { spoolThresholdBytes?: number } = {}): Promise<TestEngine> {
  const spoolDir = await mkdtemp(join(tmpdir(), 'courier-http-'));
  const bodyStore = createBodyStore({ spoolDir, spoolThresholdBytes: options.spoolThresholdBytes });
  const progress: HttpProgress[] = [];
  const engine = createHttpEngine({
    userAgent: 'Courier/test',
    ...options,
    bodyStore,
    onProgress: (event) => {
      progress.push(event);
      options.onProgress?.(event);
    },
  });
  const bodyBytes = async (exchange: HttpExchange): Promise<Buffer> => {
    const { bytes } = await bodyStore.read(exchange.body.id, 0, exchange.body.size);
    return Buffer.from(bytes);
  };
  return {
    engine,
    bodyStore,
    spoolDir,
    progress,
    spoolFiles: () => readdir(spoolDir).catch(() => []),
    bodyBytes,
    bodyText: async (exchange) => (await bodyBytes(exchange)).toString('utf8'),
    dispose: async () => {
      await engine.close();
      await bodyStore.close();
      await rm(spoolDir, { recursive: true, force: true });
    },
  };
}

/** A full spec with defaults filled in, as the host hands it over after validation. */
export function spec(input: HttpRequestSpecInput): HttpRequestSpec {
  return httpRequestSpecSchema.parse(input);
}

/** Settles a promise into a value or the error it rejected with (to assert on typed errors). */
export async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: { code: string; message: string } & Error }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error as { code: string; message: string } & Error };
  }
}

let counter = 0;
export function nextId(): string {
  counter += 1;
  return `req-${counter}`;
}
