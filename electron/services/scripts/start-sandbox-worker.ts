import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { SandboxWorkerData, SandboxWorkerMessage } from './sandbox-protocol';
import { closeCpuClock, openThreadCpuClock, type OpenedCpuClock, type ThreadCpuClock } from './thread-cpu-clock';

/** a script's QuickJS heap, by default (DEFAULT_LIMITS); here so the CLI entry can start a worker without zod */
export const DEFAULT_MEMORY_BYTES = 64 * 1024 * 1024;

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
}

/**
 * Starts the script sandbox's worker. Kept apart from the script runner (and light: no other import) so a host can
 * start one before it loads anything else: `courier run` does, and the worker's start-up (QuickJS's WebAssembly and
 * its context) then overlaps the CLI loading its own modules instead of following it.
 */
export function startSandboxWorker(file: URL, memoryBytes: number): StartedSandbox {
  const channel = new MessageChannel();
  const rpcSignal = new SharedArrayBuffer(4);
  // a V8 heap for the harness's plumbing only; QuickJS's own heap is WebAssembly memory, capped by the engine
  const worker = new Worker(file, {
    workerData: { memoryBytes, rpc: { port: channel.port2, signal: rpcSignal } } satisfies SandboxWorkerData,
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
  return { worker, ready, memoryBytes, rpcPort: channel.port1, rpcSignal, workerCpu: () => workerClock?.read() ?? null };
}
