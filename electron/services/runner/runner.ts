import { randomUUID } from 'node:crypto';
import {
  dispatch,
  RATE_LIMITED_ERROR_CODE,
  type HttpRequestSpec,
  type SavedRequest,
  type SendIteration,
  type TestResult,
  type VariablesState,
  type WorkspaceTree,
} from '../../../shared/contract';
import { quotaWait, requestFailed, retryWait, secondsText, totalsOf, type DataRow, type RequestRun, type RunResult } from '../../../shared/runner';
import { redactText } from '../../../shared/variables';
import { countdown, Pacer, pause } from './pacing';
import { planRun, type PlannedRequest } from './plan';
import { sendThroughContract, withRunValues, type SendOutcome } from './send-request';
import { RunInputError, type RunEvent, type RunnerDeps, type RunOptions } from './types';

const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;

async function call<T>(deps: RunnerDeps, method: string, input: unknown): Promise<T> {
  const result = await dispatch(deps.handlers, method, input);
  if (!result.ok) throw new RunInputError(result.error.message);
  return result.value as T;
}

/** Makes the environment named (or with that id) active for the run; returns how to put the previous one back. */
async function useEnvironment(deps: RunnerDeps, wanted: string): Promise<{ name: string; restore: () => Promise<void> }> {
  const state = await call<VariablesState>(deps, 'variables.state', {});
  const found = state.environments.find((environment) => environment.id === wanted) ?? state.environments.find((environment) => environment.name === wanted);
  if (!found) {
    const known = state.environments.map((environment) => environment.name).join(', ') || 'none';
    throw new RunInputError(`No environment named "${wanted}" (environments: ${known}).`);
  }
  const previous = state.activeEnvironmentId;
  await call(deps, 'environments.setActive', { id: found.id });
  return { name: found.name, restore: async () => void (await call(deps, 'environments.setActive', { id: previous })) };
}

/**
 * One run: a plan walked once per iteration, each request sent through http.send (so inheritance, variables, auth,
 * the vault, and the assertions and scripts of the send path all apply as in the app) and reported as it finishes.
 */
class Run {
  private readonly requests: RequestRun[] = [];
  private readonly pacer: Pacer;
  private readonly mask: (text: string) => string;
  private readonly runId = randomUUID().slice(0, 8);
  private sent = 0;
  private inFlight: string | null = null;
  bailed = false;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly options: RunOptions,
    private readonly now: () => number,
  ) {
    this.pacer = new Pacer({ delayMs: options.delayMs ?? 0, requestsPerSecond: options.requestsPerSecond ?? 0 });
    const secrets = (options.maskValues ?? []).filter((value) => value.length > 0);
    this.mask = (text) => redactText(text, secrets);
    options.signal?.addEventListener('abort', () => {
      if (this.inFlight !== null) void dispatch(deps.handlers, 'http.cancel', { requestId: this.inFlight });
    });
  }

  get results(): RequestRun[] {
    return this.requests;
  }

  private emit(event: RunEvent): void {
    this.options.onEvent?.(event);
  }

  private get cancelled(): boolean {
    return this.options.signal?.aborted === true;
  }

  /**
   * one iteration: the plan in order, unless a script's setNextRequest says otherwise. `values` fill the requests'
   * {{names}}; `current` is what their scripts see (pm.iterationData is the data row alone, as in Postman).
   */
  async iteration(iteration: number, plan: readonly PlannedRequest[], values: Readonly<Record<string, string>>, current: SendIteration): Promise<void> {
    let index = 0;
    while (index < plan.length && !this.cancelled && !this.bailed) {
      const item = plan[index]!;
      const result = await this.request(iteration, item, values, current);
      if (result === null) return; // cancelled while waiting
      this.requests.push(result.run);
      this.emit({ type: 'request-finished', result: result.run });
      if (this.options.bail && requestFailed(result.run)) this.bailed = true;
      const next = result.nextRequest;
      if (next === undefined) index += 1;
      else if (next === null) return;
      else {
        // Postman's rule: the first request of that name; a name that is not there ends the iteration
        index = plan.findIndex((candidate) => candidate.name === next);
        if (index < 0) return;
      }
    }
  }

  private async request(
    iteration: number,
    item: PlannedRequest,
    values: Readonly<Record<string, string>>,
    current: SendIteration,
  ): Promise<{ run: RequestRun; nextRequest: string | null | undefined } | null> {
    const base: RequestRun = {
      iteration,
      path: item.path,
      name: item.name,
      folder: item.folder,
      method: item.method,
      url: '',
      status: null,
      statusText: '',
      timeMs: null,
      tests: [],
      error: null,
      retried: false,
      skipped: null,
    };
    if (item.websocket) return { run: { ...base, method: 'WS', skipped: 'WebSocket requests are not run by the collection runner.' }, nextRequest: undefined };
    let spec: HttpRequestSpec;
    try {
      spec = withRunValues((await call<SavedRequest>(this.deps, 'workspace.readRequest', { path: item.path })).request, values, this.options.settings ?? {});
    } catch (error) {
      return { run: { ...base, error: { code: 'INVALID_INPUT', message: this.mask((error as Error).message) } }, nextRequest: undefined };
    }
    base.url = this.mask(spec.url);
    base.method = spec.method;
    const waitMs = Math.round(this.pacer.waitBeforeNext(this.now(), this.sent === 0));
    // said before the pause, so a window shows what it waits for rather than the request that already finished
    if (waitMs > 0) this.emit({ type: 'delay', iteration, path: item.path, name: item.name, waitMs });
    await pause(waitMs, this.options.signal);
    if (this.cancelled) return null;
    this.emit({ type: 'request-started', iteration, path: item.path, name: item.name, method: spec.method });
    let outcome = await this.sendOnce(item, spec, current);
    let retried = false;
    let waited = 0;
    if (outcome.ok && !this.cancelled) {
      const { status, headers } = outcome.exchange.response;
      const wait = retryWait(status, headers, this.now());
      if (wait !== null) {
        waited = await this.waitOut(item, wait.source, wait.waitMs);
        if (this.cancelled) return null;
        outcome = await this.sendOnce(item, spec, current);
        retried = true;
      }
    }
    if (outcome.ok) {
      const { status, headers } = outcome.exchange.response;
      const hold = quotaWait(status, headers, this.now());
      if (hold !== null) this.pacer.holdUntil(this.now() + Math.min(hold.waitMs, this.maxWait));
    }
    const run = this.finish(base, outcome, retried);
    // a 429 that outlived the wait and the one retry is not an answer the run can count as a pass
    if (retried && run.status === 429 && run.error === null)
      run.error = { code: RATE_LIMITED_ERROR_CODE, message: `still rate limited (429) after waiting ${secondsText(waited)}` };
    return { run, nextRequest: outcome.ok ? outcome.exchange.nextRequest : undefined };
  }

  private get maxWait(): number {
    return this.options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  }

  /** the wait the user watches before the one retry; answers how long it was */
  private async waitOut(item: PlannedRequest, source: string, asked: number): Promise<number> {
    const waitMs = Math.min(asked, this.maxWait);
    await countdown(
      waitMs,
      (remainingMs) => this.emit({ type: 'rate-limit-wait', path: item.path, name: item.name, source, waitMs, remainingMs }),
      this.options.signal,
    );
    return waitMs;
  }

  private async sendOnce(item: PlannedRequest, spec: HttpRequestSpec, current: SendIteration): Promise<SendOutcome> {
    this.sent += 1;
    const requestId = `run-${this.runId}-${this.sent}`;
    this.pacer.started(this.now());
    this.inFlight = requestId;
    try {
      return await sendThroughContract(this.deps.handlers, requestId, spec, item.path, current);
    } finally {
      this.inFlight = null;
    }
  }

  private finish(base: RequestRun, outcome: SendOutcome, retried: boolean): RequestRun {
    if (!outcome.ok) return { ...base, retried, error: { code: outcome.error.code, message: this.mask(outcome.error.message) } };
    // assertion rows (exchange.tests) first, then the pm.test results of scripts: one list, as the app shows them
    const { exchange } = outcome;
    const tests: TestResult[] = (exchange.tests?.results ?? []).map((test) => ({
      ...test,
      name: this.mask(test.name),
      ...(test.message === undefined ? {} : { message: this.mask(test.message) }),
      ...(test.actual === undefined ? {} : { actual: this.mask(test.actual) }),
    }));
    return {
      ...base,
      url: this.mask(exchange.request.url),
      status: exchange.response.status,
      statusText: exchange.response.statusText,
      timeMs: Math.round(exchange.timings.total),
      tests,
      retried,
      ...(exchange.scriptConsole === undefined || exchange.scriptConsole.length === 0
        ? {}
        : { console: exchange.scriptConsole.map((line) => ({ ...line, text: this.mask(line.text) })) }),
      ...(exchange.historyId === undefined ? {} : { historyId: exchange.historyId }),
    };
  }
}

export function createRunner(deps: RunnerDeps) {
  const now = deps.now ?? Date.now;
  return {
    /** Runs to the end, a bail or a cancel; input problems (unknown path or environment) reject with RunInputError. */
    async run(options: RunOptions): Promise<RunResult> {
      const tree = await call<WorkspaceTree>(deps, 'workspace.tree', {});
      if (options.paths.length === 0) throw new RunInputError('Nothing to run: choose a collection, a folder or requests.');
      const plan = planRun(tree.nodes, options.paths);
      const data: readonly DataRow[] = options.data ?? [];
      const iterations = options.iterations ?? Math.max(1, data.length);
      if (!Number.isInteger(iterations) || iterations < 1) throw new RunInputError(`Iterations must be a whole number of at least 1 (got ${iterations}).`);
      const single = options.paths.length === 1 ? tree.nodes.find((node) => node.path === options.paths[0]) : undefined;
      const name = options.name ?? single?.name ?? 'Selection';
      const environment = options.environment === undefined ? null : await useEnvironment(deps, options.environment);
      const startedAt = now();
      const run = new Run(deps, options, now);
      options.onEvent?.({ type: 'run-started', name, iterations, requests: plan.length });
      try {
        for (let iteration = 1; iteration <= iterations && !options.signal?.aborted && !run.bailed; iteration += 1) {
          options.onEvent?.({ type: 'iteration-started', iteration, iterations });
          const row = data.length === 0 ? {} : data[Math.min(iteration, data.length) - 1]!;
          await run.iteration(iteration, plan, { ...options.variables, ...row }, { index: iteration - 1, count: iterations, data: row });
        }
      } finally {
        await environment?.restore();
      }
      const result: RunResult = {
        name,
        environment: environment?.name ?? null,
        iterations,
        startedAt,
        finishedAt: now(),
        requests: run.results,
        totals: totalsOf(run.results),
        cancelled: options.signal?.aborted === true,
        bailed: run.bailed,
      };
      options.onEvent?.({ type: 'run-finished', result });
      return result;
    },
  };
}
