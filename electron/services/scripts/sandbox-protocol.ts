import type { MessagePort } from 'node:worker_threads';
import type { EngineResult, SendAnswer } from './sandbox-engine';
import type { SandboxLimits } from './script-types';

/** fixed for a worker's life: the memory limit is its WebAssembly memory's maximum */
export interface SandboxWorkerData {
  memoryBytes: number;
  /**
   * pm.sendRequest's synchronous call to the host: the worker posts a SendCall on `port` and sleeps on `signal`
   * (Atomics.wait on its first Int32) until the host has posted the SendReply and set it to 1; QuickJS cannot await
   * a host promise, and the script must see the answer before its run ends.
   */
  rpc: { port: MessagePort; signal: SharedArrayBuffer };
  /** where the worker publishes its CPU time at rest (restCpuCells) */
  restCpu: SharedArrayBuffer;
  /** runs of a typical script while the worker is idle (sandbox-worker.ts), so V8 optimizes QuickJS's hot paths */
  warmRuns: number;
}

/**
 * The worker's thread CPU time (ms) as it last went idle, and the id of the last job it had finished then (0: none yet;
 * -1 in the first cell: nothing published). The host's watchdog starts a job's CPU count from the reading published
 * after the previous job instead of reading the worker's clock as it posts each job (a /proc read on the path of every
 * run): the worker publishes it before it takes the next job and runs nothing of a script's in between. Two BigInt64
 * cells: the CPU time is stored first, then the job id, so a host that finds its job id reads a CPU time as late as
 * that or later.
 */
export const REST_CPU_BYTES = 16;

export function publishRestCpu(buffer: SharedArrayBuffer, afterJob: number, cpuMs: number): void {
  const cells = new BigInt64Array(buffer);
  Atomics.store(cells, 1, BigInt(Math.round(cpuMs)));
  Atomics.store(cells, 0, BigInt(afterJob));
}

/** whether this worker publishes its CPU time at rest at all (a worker without a thread clock does not) */
export function publishesRestCpu(buffer: SharedArrayBuffer): boolean {
  return Atomics.load(new BigInt64Array(buffer), 0) !== -1n;
}

/** the CPU time published after job `afterJob`, or null when the worker has not published one since that job */
export function restCpuAfter(buffer: SharedArrayBuffer, afterJob: number): number | null {
  const cells = new BigInt64Array(buffer);
  if (Atomics.load(cells, 0) !== BigInt(afterJob)) return null;
  return Number(Atomics.load(cells, 1));
}

/** host → worker: one run; the worker answers runs one at a time, in order */
export interface SandboxJob {
  id: number;
  inputJson: string;
  /** the response body apart from the JSON, so a large body is not escaped and copied twice */
  body: string;
  source: string;
  limits: Pick<SandboxLimits, 'cpuMs'>;
}

/**
 * The file name every script is compiled under. One name for all, so a compiled script is reused by any request that
 * has the same source (a collection's script, each iteration, a Postman file's script copied into every request);
 * the host names the script itself in its messages and finds the line number after this name in the stack.
 */
export const SCRIPT_FILE_NAME = 'courier-script.js';

/** 'ready' carries the worker thread's id (Linux), so the host can read its CPU time for the watchdog */
export type SandboxWorkerMessage = { type: 'ready'; tid: number | null } | { type: 'result'; id: number; result: EngineResult };

/** worker → host, on the rpc port: the requests a run queued ([{ id, request }] as JSON) */
export interface SendCall {
  jobId: number;
  queuedJson: string;
}
/** host → worker: one answer per queued request, in order */
export interface SendReply {
  answers: SendAnswer[];
}

/**
 * A run is limited in CPU time (sandbox-engine.ts); one the machine is too busy to run at all is still ended after this
 * many times its limit in wall time (10 s for the default 1 s), waits for pm.sendRequest's answers not counted. The
 * host's watchdog waits as long, plus its grace period, before it ends a worker that does not answer.
 */
export const WALL_BACKSTOP_FACTOR = 10;

/** pm.sendRequest's bounds, known to both sides (here, not in script-types.ts, so the worker loads no zod) */
export const SEND_REQUEST_LIMITS = {
  /** pm.sendRequest calls per script run */
  perRun: 10,
  /** request and response bodies */
  bodyBytes: 10 * 1024 * 1024,
  /** each request's own deadline when the request's settings give none shorter */
  timeoutMs: 30_000,
};
