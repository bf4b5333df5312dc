import {
  newQuickJSWASMModule,
  newVariant,
  RELEASE_SYNC,
  type CustomizeVariantOptions,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';
import { EXPECT_SOURCE } from './sandbox/expect-source';
import { CLEAN_GLOBALS_SOURCE, FREEZE_SCRIPT_SOURCE, LOCKDOWN_SOURCE } from './sandbox/lockdown-source';
import { PM_SOURCE } from './sandbox/pm-source';
import { COMPAT_SOURCE } from './sandbox/compat-source';
import { LEGACY_SOURCE } from './sandbox/legacy-source';
import { SEND_REQUEST_SOURCE } from './sandbox/send-request-source';
import { SCRIPT_FILE_NAME, WALL_BACKSTOP_FACTOR } from './sandbox-protocol';
import type { SandboxLimits } from './script-types';
import type { ThreadCpuClock } from './thread-cpu-clock';

/** One pm.sendRequest answer as the harness reads it: { ok, response | message } as JSON, and the body apart. */
export interface SendAnswer {
  resultJson: string;
  body: string;
}
/** Sends the queued requests (JSON: [{ id, request }]) and answers each, in order; blocks until then. */
export type SendRequests = (queuedJson: string) => SendAnswer[];

const refuseSends: SendRequests = (queuedJson) =>
  (JSON.parse(queuedJson) as unknown[]).map(() => ({
    resultJson: JSON.stringify({ ok: false, message: 'pm.sendRequest() is not available here.' }),
    body: '',
  }));

/** What one run ended with, as the worker reports it. */
export type EngineResult =
  | { ok: true; outputJson: string }
  /**
   * 'timeout' (the CPU time limit), 'starved' (the wall-clock backstop) and 'memory' leave the QuickJS heap in no
   * state worth reusing: the host starts a fresh worker
   */
  | { ok: false; reason: 'timeout' | 'starved' | 'memory' | 'jobs' | 'syntax' | 'internal'; message: string };

interface Warm {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  start: QuickJSHandle;
  tick: QuickJSHandle;
  finish: QuickJSHandle;
  takeSends: QuickJSHandle;
  deliver: QuickJSHandle;
  cleanGlobals: QuickJSHandle;
  baseline: QuickJSHandle;
  /** freezes a compiled script's function, so that one run cannot leave anything on it for the next */
  freezeScript: QuickJSHandle;
  /** compiled scripts by source, least recently used first (see compileCached) */
  scripts: Map<string, QuickJSHandle>;
}

const WARM_UP_SCRIPT =
  'pm.test("a", () => pm.response.to.have.status(200)); pm.test("b", () => pm.expect(pm.response.json()).to.have.property("id", 1)); pm.environment.set("x", "1"); console.log("warm");';
const WARM_UP_INPUT = {
  kind: 'post-response',
  request: { url: 'http://localhost/', method: 'GET', headers: [], body: null },
  response: { code: 200, status: 'OK', headers: [{ key: 'Content-Type', value: 'application/json' }], responseTime: 1, size: 8, headerSize: 40 },
  variables: { environment: {}, collection: {}, globals: {}, local: {}, data: {} },
  info: { requestName: 'warm-up', requestId: 'warm-up', iteration: 0, iterationCount: 1 },
  limits: { consoleEntries: 10, consoleChars: 1000, consoleEntryChars: 100 },
};

// the electron project's lib (ES2022, Node types) declares WebAssembly's types but not its global value
const WasmMemory = (globalThis as unknown as { WebAssembly: { Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemoryOption } })
  .WebAssembly.Memory;
type WasmMemoryOption = Exclude<CustomizeVariantOptions['wasmMemory'], undefined | (() => unknown)>;
const PAGE = 64 * 1024;
/** promise jobs one run may queue in all, and how many run between two checks of that budget */
const MAX_PROMISE_JOBS = 100_000;
const JOB_BATCH = 1_000;
/** the Emscripten build's initial memory (16 MiB) */
const INITIAL_PAGES = 256;
/** what the engine and the warm harness hold before a script allocates anything (measured: under 16 MiB) */
const HARNESS_BYTES = 16 * 1024 * 1024;

/** compiled scripts kept per context: a collection run has a few distinct scripts, repeated request after request */
const MAX_CACHED_SCRIPTS = 64;

/** QuickJS stack for scripts: deep recursion ends in a RangeError, long before the worker's own stack is at risk */
const MAX_STACK_BYTES = 512 * 1024;

/** the thread CPU clock's step (10 ms ticks): reading it more often than this learns nothing */
const MIN_CPU_CHECK_MS = 10;

/**
 * The CPU time limit of one run. QuickJS calls the interrupt handler every few thousand operations, so `expired` must
 * be cheap: it compares the wall clock with `checkAt` and reads the thread's CPU time only once the wall time since
 * the start passes the limit. A thread's CPU time never runs ahead of the wall clock, so after a reading that finds
 * `used` ms, the limit cannot be reached in less than `limit - used` ms of wall time: the next reading waits that long.
 * A script on a busy machine (other threads, other processes) is thus stopped after its own second of CPU, not after a
 * second of someone else's. The wall-clock backstop (WALL_BACKSTOP_FACTOR × the limit) still ends a run the machine
 * starves. Time waiting for pm.sendRequest's answers counts for neither (pause/resume): Postman puts no limit on a
 * script's awaited requests, and each request has its own timeout. Without a thread clock (no /proc/thread-self:
 * macOS, Windows) the limit is wall time.
 *
 * Reading the thread clock costs a system call and a parse (tens of µs in a run of ~0.3 ms), so a run does not read it
 * as it starts when the caller read it at rest, between runs, off the path of any run (`rest`): the thread has done
 * nothing of a script's since, so that reading is where the run's CPU time starts.
 */
function createRunClock(cpuClock: ThreadCpuClock) {
  let checkAt = 0;
  let wallStart = 0;
  let cpuStart: number | null = null;
  /** the reading taken at rest, for the next run only; undefined: none since the last run */
  let atRest: number | null | undefined;
  let limit = 0;
  let pausedAt = 0;
  let verdict: 'timeout' | 'starved' | null = null;
  return {
    rest(): number | null {
      atRest = cpuClock();
      return atRest;
    },
    start(limitMs: number) {
      limit = limitMs;
      verdict = null;
      wallStart = Date.now();
      cpuStart = atRest === undefined ? cpuClock() : atRest;
      atRest = undefined;
      checkAt = wallStart + limitMs;
    },
    stop() {
      checkAt = 0;
    },
    /** while the host sends pm.sendRequest's requests: the wait counts for no limit */
    pause() {
      pausedAt = Date.now();
      const left = checkAt;
      checkAt = 0;
      return () => {
        const waited = Date.now() - pausedAt;
        wallStart += waited;
        checkAt = left === 0 ? 0 : left + waited;
      };
    },
    /** for the interrupt handler: true once the run has used its CPU time (or hit the backstop); then stays true */
    expired(): boolean {
      if (checkAt === 0) return false;
      if (verdict !== null) return true;
      const now = Date.now();
      if (now < checkAt) return false;
      const wall = now - wallStart;
      if (wall >= limit * WALL_BACKSTOP_FACTOR) verdict = 'starved';
      else {
        const cpu = cpuStart === null ? null : cpuClock();
        const used = cpu === null || cpuStart === null ? wall : cpu - cpuStart;
        if (used >= limit) verdict = 'timeout';
        else checkAt = Math.min(now + Math.max(limit - used, MIN_CPU_CHECK_MS), wallStart + limit * WALL_BACKSTOP_FACTOR);
      }
      return verdict !== null;
    },
    /** why the run was stopped, if it was */
    verdict: () => verdict,
  };
}

/**
 * QuickJS (WebAssembly) with the harness loaded once and reused: a context costs ~0.3 ms and parsing the harness a
 * few ms, while a run on a warm context costs tens of µs. lockdown-source.ts is what makes reuse safe.
 * Runs inside the sandbox worker; nothing here touches the file system, the network or the host's globals.
 */
export async function createSandboxEngine(memoryBytes: number, cpuClock: ThreadCpuClock = () => null) {
  // The memory limit is the WebAssembly memory's own maximum: QuickJS's setMemoryLimit() counts only 8 bytes per
  // block in this build (malloc_usable_size is unavailable under Emscripten), so 100 MB of typed arrays pass a 64 MB
  // limit. A capped Memory makes malloc fail, which QuickJS reports as "out of memory", however the bytes were asked for.
  const wasmMemory = new WasmMemory({ initial: INITIAL_PAGES, maximum: Math.ceil((memoryBytes + HARNESS_BYTES) / PAGE) });
  const quickjs: QuickJSWASMModule = await newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory }));
  const clock = createRunClock(cpuClock);
  let warm: Warm | null = null;

  const unwrap = (context: QuickJSContext, result: ReturnType<QuickJSContext['evalCode']>): QuickJSHandle => {
    if (result.error) {
      const error: unknown = context.dump(result.error);
      result.error.dispose();
      throw new Error(`sandbox setup failed: ${JSON.stringify(error)}`);
    }
    return result.value;
  };

  function build(): Warm {
    const runtime = quickjs.newRuntime();
    runtime.setMaxStackSize(MAX_STACK_BYTES);
    runtime.setInterruptHandler(() => clock.expired());
    const context = runtime.newContext();
    unwrap(context, context.evalCode(EXPECT_SOURCE, 'courier-expect.js')).dispose();
    unwrap(context, context.evalCode(COMPAT_SOURCE, 'courier-compat.js')).dispose();
    unwrap(context, context.evalCode(LEGACY_SOURCE, 'courier-legacy.js')).dispose();
    unwrap(context, context.evalCode(SEND_REQUEST_SOURCE, 'courier-send-request.js')).dispose();
    unwrap(context, context.evalCode(PM_SOURCE, 'courier-pm.js')).dispose();
    const locked = unwrap(context, context.evalCode(LOCKDOWN_SOURCE, 'courier-lockdown.js'));
    const harness = context.getProp(locked, 'harness');
    const baseline = context.getProp(locked, 'baseline');
    locked.dispose();
    const warmed: Warm = {
      runtime,
      context,
      start: context.getProp(harness, 'start'),
      tick: context.getProp(harness, 'tick'),
      finish: context.getProp(harness, 'finish'),
      takeSends: context.getProp(harness, 'takeSends'),
      deliver: context.getProp(harness, 'deliver'),
      cleanGlobals: unwrap(context, context.evalCode(CLEAN_GLOBALS_SOURCE, 'courier-clean.js')),
      baseline,
      freezeScript: unwrap(context, context.evalCode(FREEZE_SCRIPT_SOURCE, 'courier-freeze.js')),
      scripts: new Map(),
    };
    harness.dispose();
    return warmed;
  }

  const errorText = (context: QuickJSContext, handle: QuickJSHandle): string => {
    const dumped: unknown = context.dump(handle);
    handle.dispose();
    if (dumped && typeof dumped === 'object' && 'message' in dumped) {
      const { name, message } = dumped as { name?: unknown; message?: unknown };
      return `${typeof name === 'string' ? `${name}: ` : ''}${String(message)}`;
    }
    return String(dumped);
  };

  /** A failure of the engine's own calls: the limits, or a bug; never a script's ordinary exception (the harness keeps those). */
  const failure = (message: string): EngineResult => {
    if (/out of memory/i.test(message)) return { ok: false, reason: 'memory', message };
    const verdict = clock.verdict();
    if (verdict !== null) return { ok: false, reason: verdict, message };
    return { ok: false, reason: 'internal', message };
  };

  function call(w: Warm, fn: QuickJSHandle, args: QuickJSHandle[]): { value: QuickJSHandle } | { error: string } {
    const result = w.context.callFunction(fn, w.context.undefined, ...args);
    if (result.error) return { error: errorText(w.context, result.error) };
    return { value: result.value };
  }

  /**
   * pm.sendRequest's queue handed to the host (send), the run's clock paused while it waits for the network, and
   * each answer delivered into the harness. Answers false when nothing was queued.
   */
  function sendQueued(w: Warm, send: SendRequests): { sent: boolean } | { error: string } {
    const taken = call(w, w.takeSends, []);
    if ('error' in taken) return taken;
    const queuedJson = w.context.getString(taken.value);
    taken.value.dispose();
    if (queuedJson === '') return { sent: false };
    const ids = (JSON.parse(queuedJson) as { id: number }[]).map((item) => item.id);
    // the time spent waiting for the network is not the script's CPU time, nor counted by the backstop
    const resume = clock.pause();
    let answers: SendAnswer[];
    try {
      answers = send(queuedJson);
    } finally {
      resume();
    }
    for (const [index, id] of ids.entries()) {
      const answer = answers[index] ?? { resultJson: JSON.stringify({ ok: false, message: 'pm.sendRequest(): no answer from Courier' }), body: '' };
      const args = [w.context.newNumber(id), w.context.newString(answer.resultJson), w.context.newString(answer.body)];
      const delivered = call(w, w.deliver, args);
      for (const arg of args) arg.dispose();
      if ('error' in delivered) return delivered;
      delivered.value.dispose();
    }
    return { sent: true };
  }

  /** the script as a function; with top-level await (Postman v11's `await pm.sendRequest(…)`) an async one */
  function compile(context: QuickJSContext, source: string): ReturnType<QuickJSContext['evalCode']> {
    const plain = context.evalCode(`(function () {${source}\n})`, SCRIPT_FILE_NAME);
    if (!plain.error || clock.verdict() !== null || !/\bawait\b/.test(source)) return plain;
    const asAsync = context.evalCode(`(async function () {${source}\n})`, SCRIPT_FILE_NAME);
    if (asAsync.error) {
      asAsync.error.dispose();
      return plain;
    }
    plain.error.dispose();
    return asAsync;
  }

  /**
   * The script's function, compiled once per source and context: compiling cost about as much as running a three-test
   * script. Reuse is safe because the function holds nothing of a run: it closes over the global scope only (which
   * cleanGlobals resets), each call gets its own locals, and it is frozen (with its prototype), so a script that
   * reaches itself (`arguments.callee`) cannot keep anything on it. The handles stay owned by the cache.
   */
  function compileCached(w: Warm, source: string): { value: QuickJSHandle } | { error: QuickJSHandle } {
    const hit = w.scripts.get(source);
    if (hit !== undefined) {
      w.scripts.delete(source);
      w.scripts.set(source, hit);
      return { value: hit };
    }
    const compiled = compile(w.context, source);
    if (compiled.error) return { error: compiled.error };
    const frozen = w.context.callFunction(w.freezeScript, w.context.undefined, compiled.value);
    if (frozen.error) {
      compiled.value.dispose();
      return { error: frozen.error };
    }
    frozen.value.dispose();
    w.scripts.set(source, compiled.value);
    if (w.scripts.size > MAX_CACHED_SCRIPTS) {
      const [oldest, handle] = w.scripts.entries().next().value as [string, QuickJSHandle];
      w.scripts.delete(oldest);
      handle.dispose();
    }
    return { value: compiled.value };
  }

  function run(inputJson: string, body: string, source: string, limits: Pick<SandboxLimits, 'cpuMs'>, send: SendRequests = refuseSends): EngineResult {
    warm ??= build();
    const w = warm;
    const { context, runtime } = w;
    clock.start(limits.cpuMs);
    const handles: QuickJSHandle[] = [];
    try {
      // the script's own line numbers: the wrapper adds nothing before its first line
      const compiled = compileCached(w, source);
      if ('error' in compiled) {
        const message = errorText(context, compiled.error);
        return clock.verdict() !== null || /out of memory/i.test(message) ? failure(message) : { ok: false, reason: 'syntax', message };
      }
      const input = context.newString(inputJson);
      const bodyHandle = context.newString(body);
      handles.push(input, bodyHandle);
      const started = call(w, w.start, [input, bodyHandle, compiled.value]);
      if ('error' in started) return failure(started.error);
      started.value.dispose();
      let jobsRun = 0;
      for (;;) {
        // promise jobs first (pm.test callbacks that returned promises), then the next timer
        const jobs = runtime.executePendingJobs(JOB_BATCH);
        if (jobs.error) {
          const message = errorText(context, jobs.error);
          if (clock.verdict() !== null || /out of memory/i.test(message)) return failure(message);
        } else jobsRun += jobs.value;
        // QuickJS ends an endless promise chain by itself, silently, after ~300,000 links (well within the CPU limit):
        // a budget no real test script comes near makes it an error that names the script instead of a quiet pass
        if (jobsRun > MAX_PROMISE_JOBS) return { ok: false, reason: 'jobs', message: `more than ${MAX_PROMISE_JOBS} promise jobs` };
        if (runtime.hasPendingJob()) continue;
        // requests before timers: a script's timers do not really wait, so a setTimeout "later" must not overtake them
        const sent = sendQueued(w, send);
        if ('error' in sent) return failure(sent.error);
        if (sent.sent) continue;
        const ticked = call(w, w.tick, []);
        if ('error' in ticked) return failure(ticked.error);
        const more = context.dump(ticked.value) === true;
        ticked.value.dispose();
        if (!more && !runtime.hasPendingJob()) break;
      }
      // a limit hit inside a promise job only rejects that promise: the verdict is what says the run was stopped
      if (clock.verdict() !== null) return failure('interrupted');
      const finished = call(w, w.finish, []);
      if ('error' in finished) return failure(finished.error);
      const outputJson = context.getString(finished.value);
      finished.value.dispose();
      clock.stop();
      const cleaned = call(w, w.cleanGlobals, [w.baseline]);
      if ('error' in cleaned || context.dump(cleaned.value) !== true) warm = null;
      if (!('error' in cleaned)) cleaned.value.dispose();
      return { ok: true, outputJson };
    } catch (error) {
      return failure(error instanceof Error ? error.message : String(error));
    } finally {
      clock.stop();
      for (const handle of handles) if (handle.alive) handle.dispose();
    }
  }

  return {
    /**
     * Builds the warm context ahead of the first run and runs a typical script a few times, so that V8 has compiled
     * the hot parts of QuickJS's WebAssembly before a user's first send (the first runs are ten times slower).
     */
    warmUp: (runs = 30) => {
      warm ??= build();
      const input = JSON.stringify(WARM_UP_INPUT);
      for (let i = 0; i < runs; i++) run(input, '{"id":1}', WARM_UP_SCRIPT, { cpuMs: 1000 });
    },
    run,
    /**
     * Reads this thread's CPU time now, between runs (the worker does once it has posted a run's result, while the host
     * reads it), so the next run starts its CPU clock from this reading instead of reading the clock itself. Nothing of
     * a script's may run on this thread between the two. Answers the reading (ms; null where there is no thread clock).
     */
    rest: () => clock.rest(),
  };
}
