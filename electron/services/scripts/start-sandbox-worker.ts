import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { REST_CPU_BYTES, type SandboxWorkerData, type SandboxWorkerMessage } from './sandbox-protocol';
import { closeCpuClock, openThreadCpuClock, type OpenedCpuClock, type ThreadCpuClock } from './thread-cpu-clock';

/** a script's QuickJS heap, by default (DEFAULT_LIMITS); here so the CLI entry can start a worker without zod */
export const DEFAULT_MEMORY_BYTES = 64 * 1024 * 1024;

/**
 * Warm-up runs of a worker while it is idle (see SandboxWorkerData.warmRuns): enough for V8 to compile the hot
 * parts of QuickJS's WebAssembly with its baseline compiler. A host that knows many runs will follow (`courier run`
 * of a large collection) asks for more, so the optimizing compiler has finished them before the first request.
 */
export const DEFAULT_WARM_RUNS = 30;

/** A sandbox worker thread, started; `ready` settles once its QuickJS context is built (or it died trying). */
export interface StartedSandbox {
  worker: Worker;
  ready: Promise<void>;
  /** the host's end of pm.sendRequest's synchronous call (see SandboxWorkerData.rpc) */
  rpcPort: MessagePort;
  /** the flag the worker sleeps on while the host answers */
  rpcSignal: SharedArrayBuffer;
  /** its QuickJS memory limit, fixed for its life */
  memoryBytes: number;
  /** the worker thread's CPU time (ms), for the host's watchdog; null until it is ready, and where it cannot be read */
  workerCpu: ThreadCpuClock;
  /** the worker's CPU time at rest, as it publishes it (sandbox-protocol.ts: restCpuAfter) */
  restCpu: SharedArrayBuffer;
}

/**
 * Starts the script sandbox's worker. Kept apart from the script runner (and light: no other import) so a host can
 * start one before it loads anything else: `courier run` does, and the worker's start-up (QuickJS's WebAssembly and
 * its context) then overlaps the CLI loading its own modules instead of following it.
 */
export function startSandboxWorker(file: URL, memoryBytes: number, warmRuns = DEFAULT_WARM_RUNS): StartedSandbox {
  const channel = new MessageChannel();
  const rpcSignal = new SharedArrayBuffer(4);
  const restCpu = new SharedArrayBuffer(REST_CPU_BYTES);
  new BigInt64Array(restCpu)[0] = -1n;
  // a V8 heap for the harness's plumbing only; QuickJS's own heap is WebAssembly memory, capped by the engine
  const worker = new Worker(file, {
    workerData: { memoryBytes, rpc: { port: channel.port2, signal: rpcSignal }, restCpu, warmRuns } satisfies SandboxWorkerData,
    transferList: [channel.port2],
    resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 8 },
  });
  let workerClock: OpenedCpuClock | null = null;
  const ready = new Promise<void>((resolve) => {
    const onMessage = (message: SandboxWorkerMessage) => {
      if (message.type !== 'ready') return;
      worker.off('message', onMessage);
      // the worker's thread, read from this one (node:fs only: this module stays light for the CLI's early start)
      if (typeof message.tid === 'number') workerClock = openThreadCpuClock(`/proc/self/task/${message.tid}/stat`);
      resolve();
    };
    worker.on('message', onMessage);
    // a worker that dies starting is ready in the sense that nothing more will come: the runner reports the death
    worker.once('exit', () => {
      // opened on this thread, it outlives the worker it reads (Node closes what the worker itself opened)
      closeCpuClock(workerClock?.fd ?? null);
      workerClock = null;
      resolve();
    });
  });
  // until the script runner listens, a start-up error must not be an unhandled 'error' event (which ends the
  // process); the runner sees the worker has exited and says the sandbox did not start
  worker.on('error', () => undefined);
  // idle, it must not keep the process alive: the script runner refs it while it works
  worker.unref();
  return { worker, ready, memoryBytes, rpcPort: channel.port1, rpcSignal, restCpu, workerCpu: () => workerClock?.read() ?? null };
}
