// The script sandbox's worker thread (node:worker_threads). QuickJS runs here so that a script that defeats every
// limit inside the engine still only blocks this thread, and the host can end it (script-runner.ts).
// scripts/build.mjs bundles it beside each host's entry as sandbox-worker.js.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { createSandboxEngine, type SendRequests } from './sandbox-engine';
import { openThreadCpuClock, ownThreadId } from './thread-cpu-clock';
import { publishRestCpu, type SandboxJob, type SandboxWorkerData, type SandboxWorkerMessage, type SendCall, type SendReply } from './sandbox-protocol';

const port = parentPort;
if (port === null) throw new Error('sandbox-worker.js runs as a worker thread only');
const post = (message: SandboxWorkerMessage) => port.postMessage(message);
const { memoryBytes, rpc, restCpu, warmRuns } = workerData as SandboxWorkerData;
const signal = new Int32Array(rpc.signal);

/**
 * pm.sendRequest: this thread sleeps while the host sends (the host bounds each request with its own timeout and
 * answers even when cancelled), then reads the answer off the port without returning to the event loop.
 */
const sendFor =
  (jobId: number): SendRequests =>
  (queuedJson) => {
    Atomics.store(signal, 0, 0);
    rpc.port.postMessage({ jobId, queuedJson } satisfies SendCall);
    for (;;) {
      Atomics.wait(signal, 0, 0);
      const reply = receiveMessageOnPort(rpc.port) as { message: SendReply } | undefined;
      if (reply !== undefined) return reply.message.answers;
    }
  };

// opened here, on the thread that runs the scripts: the clock reads this thread's own CPU time
const engine = await createSandboxEngine(memoryBytes, openThreadCpuClock().read);
/** the last job this worker finished (ids start at 1) */
let lastJob = 0;
/** between runs, once nothing else is to be done: the next run's CPU count starts here, for the engine and the host */
const rest = () => {
  const cpuMs = engine.rest();
  if (cpuMs !== null) publishRestCpu(restCpu, lastJob, cpuMs);
};
// Ready once the context is built: the warm-up runs that let V8 compile QuickJS's hot paths then go one at a time
// while no job waits, so a first script (`courier run` of one request) is not queued behind them. They pause while
// jobs come (a collection run: a warm-up between two jobs would delay the second) and resume once none has come for
// WARM_AFTER_IDLE_MS (the app: between sends); jobs warm the engine as well.
const WARM_AFTER_IDLE_MS = 200;
let lastJobAt = -Infinity;
engine.warmUp(1);
let warmRunsLeft = warmRuns - 1;
const warmWhileIdle = () => {
  if (warmRunsLeft <= 0) return;
  const idleFor = Date.now() - lastJobAt;
  if (idleFor < WARM_AFTER_IDLE_MS) {
    setTimeout(warmWhileIdle, WARM_AFTER_IDLE_MS - idleFor);
    return;
  }
  warmRunsLeft -= 1;
  engine.warmUp(1);
  rest();
  setImmediate(warmWhileIdle);
};
port.on('message', (job: SandboxJob) => {
  post({ type: 'result', id: job.id, result: engine.run(job.inputJson, job.body, job.source, job.limits, sendFor(job.id)) });
  lastJob = job.id;
  lastJobAt = Date.now();
  // after the post: the host reads the result meanwhile
  rest();
});
rest();
post({ type: 'ready', tid: ownThreadId() });
setImmediate(warmWhileIdle);
