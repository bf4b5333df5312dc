import { randomUUID } from 'node:crypto';
import {
  CourierError,
  dispatch,
  type EventPayload,
  type MethodHandlers,
  type RunnerEvents,
  type RunStreamEvent,
  type RunSummary,
  type WorkspaceTree,
} from '../../shared/contract';
import { compareRuns, DataFileError, htmlReport, jsonReport, junitReport, parseDataFile, type DataRow, type RunResult } from '../../shared/runner';
import { redactText } from '../../shared/variables';
import { createRunner, planRun, RunInputError, type RunEvent } from '../services/runner';
import { type RunStore } from '../services/run-store';

/** Long enough to gather a burst of fast requests into one message, short enough to look live. */
const BATCH_MS = 100;
const REPORTS = { json: jsonReport, junit: junitReport, html: htmlReport } as const;
const EXTENSIONS = { json: '.run.json', junit: '.junit.xml', html: '.run.html' } as const;

interface RunnerWiringOptions {
  /** the app's own handlers: a run sends exactly as a window's Send does */
  handlers: () => MethodHandlers;
  emit: (event: 'runner.events', payload: EventPayload<'runner.events'>) => void;
  store: RunStore;
  /** the secret values the send path would mask now (the active environment's, the collection's, the globals') */
  secretValues: () => string[];
  onInternalError: (error: unknown) => void;
}

/** Every string in a value, masked: what is kept or streamed can carry a secret in any field (a test's message, a URL). */
function maskDeep<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskDeep(item, mask)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item, mask)])) as T;
  return value;
}

function parseData(data: { text: string; name: string } | undefined): DataRow[] | undefined {
  if (data === undefined) return undefined;
  try {
    return parseDataFile(data.text, data.name);
  } catch (error) {
    if (error instanceof DataFileError) throw new CourierError('INVALID_INPUT', `Data file ${error.message}`);
    throw error;
  }
}

/** Streams one run's events in batches; the end of the run is sent at once. */
function createBatcher(runId: string, emit: RunnerWiringOptions['emit']) {
  let pending: RunStreamEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const batch: RunnerEvents = { runId, events: pending };
    pending = [];
    emit('runner.events', batch);
  };
  return {
    push(event: RunStreamEvent, now = false) {
      pending.push(event);
      if (now) flush();
      else timer ??= setTimeout(flush, BATCH_MS);
    },
    flush,
  };
}

/**
 * runner.*: runs in the background, one AbortController each, progress streamed as 'runner.events',
 * every finished run kept (masked) in the run store.
 */
export function createRunnerWiring(options: RunnerWiringOptions) {
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();

  const start = async (input: Parameters<MethodHandlers['runner.start']>[0]) => {
    const data = parseData(input.data);
    const tree = await dispatch(options.handlers(), 'workspace.tree', {});
    if (!tree.ok) throw new CourierError(tree.error.code, tree.error.message);
    try {
      planRun((tree.value as WorkspaceTree).nodes, input.paths);
    } catch (error) {
      throw new CourierError('INVALID_INPUT', error instanceof Error ? error.message : String(error));
    }
    const runId = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
    const controller = new AbortController();
    const batcher = createBatcher(runId, options.emit);
    // secrets known now, and those of the run's own environment once it is active (first iteration)
    const secrets = new Set(options.secretValues());
    const learnSecrets = () => {
      for (const value of options.secretValues()) if (value.length > 0) secrets.add(value);
    };
    const mask = (text: string) => redactText(text, [...secrets]);
    const onEvent = (event: RunEvent) => {
      if (event.type === 'iteration-started' && event.iteration === 1) learnSecrets();
      if (event.type === 'run-finished') return; // sent once the run is kept, with its summary
      batcher.push(maskDeep(event, mask));
    };
    const done = (async () => {
      try {
        const result: RunResult = await createRunner({ handlers: options.handlers() }).run({
          paths: input.paths,
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.iterations === undefined ? {} : { iterations: input.iterations }),
          ...(data === undefined ? {} : { data }),
          ...(input.delayMs === undefined ? {} : { delayMs: input.delayMs }),
          ...(input.bail === undefined ? {} : { bail: input.bail }),
          ...(input.environment === undefined ? {} : { environment: input.environment }),
          ...(input.requestsPerSecond === undefined ? {} : { requestsPerSecond: input.requestsPerSecond }),
          ...(input.maxRateLimitWaitMs === undefined ? {} : { maxRateLimitWaitMs: input.maxRateLimitWaitMs }),
          maskValues: [...secrets],
          signal: controller.signal,
          onEvent,
        });
        learnSecrets();
        const { requests, ...rest } = maskDeep(result, mask);
        const summary: RunSummary = { ...rest, id: runId, collection: input.paths[0]!.split('/')[0]!, paths: [...input.paths] };
        await options.store.keep(summary, requests);
        batcher.push({ type: 'run-finished', summary }, true);
      } catch (error) {
        if (!(error instanceof RunInputError)) options.onInternalError(error);
        batcher.push({ type: 'run-failed', message: mask(error instanceof Error ? error.message : String(error)) }, true);
      } finally {
        active.delete(runId);
      }
    })();
    active.set(runId, { controller, done });
    return { runId };
  };

  const handlers: Pick<MethodHandlers, 'runner.start' | 'runner.cancel' | 'runner.list' | 'runner.get' | 'runner.compare' | 'runner.export'> = {
    'runner.start': start,
    'runner.cancel': async ({ runId }) => {
      const run = active.get(runId);
      run?.controller.abort();
      return { cancelled: run !== undefined };
    },
    'runner.list': async ({ collection }) => ({ runs: await options.store.list(collection) }),
    'runner.get': ({ runId }) => options.store.get(runId),
    'runner.compare': async ({ before, after }) => {
      const [older, newer] = await Promise.all([options.store.get(before), options.store.get(after)]);
      return { rows: compareRuns(older.requests, newer.requests) };
    },
    'runner.export': async ({ runId, format }) => {
      const run = await options.store.get(runId);
      return { text: REPORTS[format](run), name: `${run.name}${EXTENSIONS[format]}` };
    },
  };

  return {
    handlers,
    /** stops every run and waits for each to be kept */
    async close(): Promise<void> {
      for (const run of active.values()) run.controller.abort();
      await Promise.all([...active.values()].map((run) => run.done));
    },
  };
}
