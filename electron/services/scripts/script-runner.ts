import type { Worker } from 'node:worker_threads';
import type { TestResult } from '../../../shared/contract';
import type { EngineResult, SendAnswer } from './sandbox-engine';
import {
  publishesRestCpu,
  restCpuAfter,
  SCRIPT_FILE_NAME,
  SEND_REQUEST_LIMITS,
  WALL_BACKSTOP_FACTOR,
  type SandboxJob,
  type SandboxWorkerMessage,
  type SendCall,
  type SendReply,
} from './sandbox-protocol';
import { sandboxWorkerFile } from './sandbox-worker-file';
import { startSandboxWorker, type StartedSandbox } from './start-sandbox-worker';
import {
  CONSOLE_LIMITS,
  DEFAULT_LIMITS,
  queuedSendsSchema,
  sandboxOutputSchema,
  scriptSendRequestSchema,
  type SandboxLimits,
  type ScriptKind,
  type ScriptRequest,
  type ScriptRun,
  type ScriptScope,
  type ScriptSendHandler,
  type ScriptSendResult,
} from './script-types';

export interface ScriptConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
  /** the script that printed it, as scriptLabel() names it */
  origin: string;
}

export interface VariableWrite {
  scope: ScriptScope;
  op: 'set' | 'unset';
  key: string;
  value?: string;
}

/** What a run leaves behind. A script's failure is a value here, never a thrown error: the caller decides what it stops. */
export interface ScriptOutcome {
  tests: TestResult[];
  console: ScriptConsoleLine[];
  writes: VariableWrite[];
  /** pre-request only: the request as the script left it */
  request?: ScriptRequest;
  /** postman.setNextRequest(): for the runner */
  nextRequest?: string | null;
  /** the script's failure, written for the user and naming the script; null when it ran to the end */
  error: string | null;
}

interface ScriptRunnerOptions {
  limits?: Partial<SandboxLimits>;
  /** where sandbox-worker.js is; found beside the bundle by default */
  workerFile?: () => Promise<URL>;
  /** how far past the CPU limit (in the worker's CPU time, or the wall-clock backstop) the host waits before it ends a worker that did not answer */
  graceMs?: number;
  /** a worker the host already started (startSandboxWorker), taken for the first run; one with other limits is ended */
  early?: StartedSandbox;
}

/** What a run may do beyond computing: pm.sendRequest, and being cancelled. */
interface ScriptRunOptions {
  /** absent: pm.sendRequest answers that it is not available */
  sendRequest?: ScriptSendHandler;
  /** aborts the run's request in flight; later ones fail at once */
  signal?: AbortSignal;
}

function scriptLabel(kind: ScriptKind, owner: string): string {
  return `${kind === 'pre-request' ? 'Pre-request' : 'Post-response'} script of ${owner}`;
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

function failureMessage(label: string, result: Extract<EngineResult, { ok: false }>, limits: SandboxLimits): string {
  switch (result.reason) {
    case 'timeout':
      return `${label} used up its CPU time limit of ${seconds(limits.cpuMs)} and was stopped.`;
    case 'starved':
      return `${label} was stopped after ${seconds(limits.cpuMs * WALL_BACKSTOP_FACTOR)}: the machine was too busy to give it its CPU time limit of ${seconds(limits.cpuMs)}.`;
    case 'memory':
      return `${label} used more than ${Math.round(limits.memoryBytes / (1024 * 1024))} MB of memory and was stopped.`;
    case 'jobs':
      return `${label} queued ${result.message} (an endless promise chain?) and was stopped.`;
    case 'syntax':
      return `${label} has a syntax error: ${result.message}`;
    default:
      return `${label} could not run: ${result.message}`;
  }
}

/** A worker that is ready, or starting; ended after a limit was hit, since its QuickJS heap is then not worth keeping. */
interface Slot {
  worker: Worker;
  ready: Promise<void>;
  pending: Map<number, (result: EngineResult) => void>;
  /** the run in progress, for its pm.sendRequest calls */
  active: ActiveRun | null;
  /** the worker thread's CPU time (ms), null where it cannot be read */
  workerCpu: () => number | null;
  /** the worker's CPU time at rest after job `afterJob` (0: before its first), once it has published it (sandbox-protocol.ts) */
  restCpu: (afterJob: number) => number | null;
  /** whether the worker publishes its CPU time at rest (a worker without a thread clock does not) */
  publishesRestCpu: () => boolean;
  /** the last job posted to this worker, 0 before the first */
  lastJob: number;
}

interface ActiveRun {
  jobId: number;
  send: (request: unknown) => Promise<SendAnswer>;
  /** the host's watchdog stops while the worker waits for the network, and starts again after */
  pauseWatchdog: () => void;
  resumeWatchdog: () => void;
}

const answerOf = (result: ScriptSendResult): SendAnswer =>
  result.ok
    ? { resultJson: JSON.stringify({ ok: true, response: { ...result.response, body: undefined } }), body: result.response.body }
    : { resultJson: JSON.stringify(result), body: '' };
const failed = (message: string): SendAnswer => answerOf({ ok: false, message });

/** one run's pm.sendRequest calls: counted, checked as untrusted input, handed to the caller's handler */
function runSender(options: ScriptRunOptions): (request: unknown) => Promise<SendAnswer> {
  let count = 0;
  return async (request) => {
    const parsed = scriptSendRequestSchema.safeParse(request);
    if (!parsed.success) return failed('pm.sendRequest(): the request could not be read.');
    count += 1;
    if (count > SEND_REQUEST_LIMITS.perRun) return failed(`pm.sendRequest(): a script may send at most ${SEND_REQUEST_LIMITS.perRun} requests per run.`);
    if (options.sendRequest === undefined) return failed('pm.sendRequest() is not available here.');
    // read here, not per run: an AbortSignal is costly to make, and the caller may make it only when asked
    const signal = options.signal ?? new AbortController().signal;
    if (signal.aborted) return failed('The request was cancelled.');
    try {
      return answerOf(await options.sendRequest(parsed.data, signal));
    } catch (error) {
      return failed(`pm.sendRequest(): ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/**
 * Runs scripts in the QuickJS sandbox, in one warm worker thread, one run at a time. The worker stays up between runs
 * (its context is reused: sandbox-engine.ts); it is ended and replaced when a run hits a limit, when it stops answering
 * past the CPU limit plus a grace period (whatever kept the engine from interrupting itself), or when it dies.
 */
export function createScriptRunner(options: ScriptRunnerOptions = {}) {
  const limits: SandboxLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const workerFile = options.workerFile ?? sandboxWorkerFile;
  const graceMs = options.graceMs ?? 2000;
  let slot: Slot | null = null;
  let nextId = 1;
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;

  const end = (target: Slot, result: EngineResult) => {
    if (slot === target) slot = null;
    const waiting = [...target.pending.values()];
    target.pending.clear();
    for (const settle of waiting) settle(result);
    void target.worker.terminate();
  };

  // a worker the host started before loading the services (`courier run`), used for the first slot
  let early = options.early ?? null;

  async function spawn(): Promise<Slot> {
    let taken = early;
    early = null;
    if (taken && taken.memoryBytes !== limits.memoryBytes) {
      void taken.worker.terminate();
      taken = null;
    }
    const started = taken ?? startSandboxWorker(await workerFile(), limits.memoryBytes);
    const { worker, rpcPort, rpcSignal } = started;
    const pending = new Map<number, (result: EngineResult) => void>();
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    void started.ready.then(() => markReady());
    const created: Slot = {
      worker,
      ready,
      pending,
      active: null,
      workerCpu: started.workerCpu,
      restCpu: (afterJob) => restCpuAfter(started.restCpu, afterJob),
      publishesRestCpu: () => publishesRestCpu(started.restCpu),
      lastJob: 0,
    };
    // pm.sendRequest: the worker sleeps until the answer is posted and the flag set (sandbox-protocol.ts)
    const answer = async (call: SendCall): Promise<SendReply> => {
      const active = created.active;
      const queued = queuedSendsSchema.safeParse(JSON.parse(call.queuedJson));
      if (!queued.success) return { answers: [] };
      if (active === null || active.jobId !== call.jobId) return { answers: queued.data.map(() => failed('pm.sendRequest(): the script has ended.')) };
      active.pauseWatchdog();
      try {
        return { answers: await Promise.all(queued.data.map((item) => active.send(item.request))) };
      } finally {
        active.resumeWatchdog();
      }
    };
    const flag = new Int32Array(rpcSignal);
    rpcPort.on('message', (call: SendCall) => {
      void answer(call)
        .catch(() => ({ answers: [] }) satisfies SendReply)
        .then((reply) => {
          rpcPort.postMessage(reply satisfies SendReply);
          Atomics.store(flag, 0, 1);
          Atomics.notify(flag, 0);
        });
    });
    // like the worker: idle, the port must not keep the process alive
    rpcPort.unref();
    worker.once('exit', () => rpcPort.close());
    worker.on('message', (message: SandboxWorkerMessage) => {
      if (message.type === 'ready') return;
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message.result);
    });
    const died = (why: string) => {
      markReady();
      end(created, { ok: false, reason: 'internal', message: why });
    };
    worker.on('error', (error) => died(`the sandbox stopped: ${error.message}`));
    worker.on('exit', (code) => died(`the sandbox stopped (exit code ${code})`));
    // idle, the worker must not keep the process alive (the app quits, a test ends); execute() refs it while it works
    worker.unref();
    return created;
  }

  /** the live worker, or the one starting (one at a time: a prewarm and a first run share it) */
  let starting: Promise<Slot> | null = null;
  function ensureSlot(): Promise<Slot> {
    if (slot !== null) return Promise.resolve(slot);
    starting ??= spawn().then(
      (started) => {
        starting = null;
        slot = started;
        return started;
      },
      (error: unknown) => {
        starting = null;
        throw error;
      },
    );
    return starting;
  }

  async function execute(job: Omit<SandboxJob, 'id'>, options: ScriptRunOptions): Promise<EngineResult> {
    const current = await ensureSlot();
    // Working, the worker holds the process open: `courier run` has nothing else pending while a script starts or
    // runs, and an unreferenced worker let Node exit mid-run with code 0 and no report.
    current.worker.ref();
    try {
      return await executeOn(current, job, options);
    } finally {
      current.worker.unref();
    }
  }

  async function executeOn(current: Slot, job: Omit<SandboxJob, 'id'>, options: ScriptRunOptions): Promise<EngineResult> {
    await current.ready;
    // threadId -1: the worker has exited, perhaps before its listeners were attached (a worker started early)
    if (slot !== current || current.worker.threadId === -1) {
      end(current, { ok: false, reason: 'internal', message: 'the sandbox did not start' });
      return { ok: false, reason: 'internal', message: 'the sandbox did not start' };
    }
    const id = nextId++;
    return new Promise<EngineResult>((resolve) => {
      // The engine stops a run itself after its CPU time, which on a busy machine may take up to the backstop in wall
      // time. The watchdog ends a worker that did not (stuck inside one long C built-in, say) once the worker's thread
      // has used the CPU limit plus the grace period, or at the backstop plus the grace period; it reads the thread's
      // CPU time only when the wall clock says that much could have been used (CPU time never runs ahead of it).
      const cpuBudget = job.limits.cpuMs + graceMs;
      const wallBudget = job.limits.cpuMs * WALL_BACKSTOP_FACTOR + graceMs;
      const previousJob = current.lastJob;
      let wallStart = 0;
      let cpuStart: number | null = null;
      /** the job's CPU count starts at the worker's reading at rest, which the job may have overtaken: read at the first check */
      let cpuStartAtRest = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const check = () => {
        if (cpuStartAtRest) {
          cpuStartAtRest = false;
          // published before the worker took this job; not there only if the worker has since finished it
          cpuStart = current.restCpu(previousJob) ?? current.workerCpu();
        }
        const wall = Date.now() - wallStart;
        const cpu = current.workerCpu();
        const used = cpu === null || cpuStart === null ? wall : cpu - cpuStart;
        if (used >= cpuBudget || wall >= wallBudget) end(current, { ok: false, reason: used >= cpuBudget ? 'timeout' : 'starved', message: 'no answer' });
        else timer = setTimeout(check, Math.min(Math.max(cpuBudget - used, 50), wallBudget - wall));
      };
      // A job's count starts at the worker's CPU time as it went idle after the previous job, which it publishes before
      // it takes this one: no read of the worker's clock on the path of each run. Read now from a worker that does not
      // publish, and after a pause for pm.sendRequest.
      const watchdog = (atRest: boolean) => {
        wallStart = Date.now();
        cpuStartAtRest = atRest && current.publishesRestCpu();
        cpuStart = cpuStartAtRest ? null : current.workerCpu();
        return setTimeout(check, cpuBudget);
      };
      timer = watchdog(true);
      current.active = {
        jobId: id,
        send: runSender(options),
        pauseWatchdog: () => {
          clearTimeout(timer);
          timer = undefined;
        },
        resumeWatchdog: () => {
          if (current.pending.has(id)) timer = watchdog(false);
        },
      };
      current.pending.set(id, (result) => {
        clearTimeout(timer);
        if (current.active?.jobId === id) current.active = null;
        if (
          !result.ok &&
          (result.reason === 'timeout' || result.reason === 'starved' || result.reason === 'memory' || result.reason === 'jobs' || result.reason === 'internal')
        )
          end(current, result);
        resolve(result);
      });
      current.lastJob = id;
      current.worker.postMessage({ ...job, id } satisfies SandboxJob);
    });
  }

  async function runOne(run: ScriptRun, options: ScriptRunOptions): Promise<ScriptOutcome> {
    const origin = scriptLabel(run.kind, run.owner);
    const input = { ...run, source: undefined, response: run.response ? { ...run.response, body: undefined } : undefined, limits: CONSOLE_LIMITS };
    const result = await execute(
      { inputJson: JSON.stringify(input), body: run.response?.body ?? '', source: run.source, limits: { cpuMs: limits.cpuMs } },
      options,
    );
    if (!result.ok) return { tests: [], console: [], writes: [], error: failureMessage(origin, result, limits) };
    const parsed = sandboxOutputSchema.safeParse(JSON.parse(result.outputJson));
    if (!parsed.success) return { tests: [], console: [], writes: [], error: `${origin} could not run: its results were not readable.` };
    const output = parsed.data;
    const outcome: ScriptOutcome = {
      tests: output.tests.map((test) => ({
        name: test.name.slice(0, 1000),
        outcome: test.outcome,
        ...(test.message === undefined ? {} : { message: test.message.slice(0, 4000) }),
        source: 'script' as const,
        origin: origin.slice(0, 200),
      })),
      console: output.console.map((line) => ({ ...line, origin })),
      writes: output.writes,
      error: output.error === null ? null : `${origin} failed: ${output.error.message}${lineOf(output.error.stack)}`,
    };
    if (output.request) outcome.request = output.request;
    if (output.nextRequest !== undefined) outcome.nextRequest = output.nextRequest;
    return outcome;
  }

  return {
    limits,
    /**
     * Starts the worker now, ahead of the first script (a run that will need it: `courier run`), so its start-up
     * overlaps the caller's own. A failure here is reported by the first run, as if nothing had been started.
     */
    prewarm(): void {
      if (!closed) ensureSlot().catch(() => undefined);
    },
    /** runs are queued: one sandbox, one script at a time */
    run(run: ScriptRun, options: ScriptRunOptions = {}): Promise<ScriptOutcome> {
      if (closed) return Promise.resolve({ tests: [], console: [], writes: [], error: `${scriptLabel(run.kind, run.owner)} was not run: Courier is closing.` });
      const next = tail.then(() => runOne(run, options));
      tail = next.catch(() => undefined);
      return next;
    },
    async close(): Promise<void> {
      closed = true;
      // a worker still starting (a prewarm) is ended too, once it exists
      const current = slot ?? (await starting?.catch(() => null)) ?? null;
      slot = null;
      if (current) await current.worker.terminate();
    },
  };
}

/** " (line 3)" from a QuickJS stack: the frame of the script's own file (SCRIPT_FILE_NAME), not the harness's */
function lineOf(stack: string): string {
  const at = stack.indexOf(`${SCRIPT_FILE_NAME}:`);
  if (at === -1) return '';
  const match = /^:(\d+)/.exec(stack.slice(at + SCRIPT_FILE_NAME.length));
  return match ? ` (line ${match[1]})` : '';
}

export type ScriptRunner = ReturnType<typeof createScriptRunner>;
