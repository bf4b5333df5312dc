// The script sandbox's worker thread (node:worker_threads). QuickJS runs here so that a script that defeats every
// limit inside the engine still only blocks this thread, and the host can end it (script-runner.ts).
// scripts/build.mjs bundles it beside each host's entry as sandbox-worker.js.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { createSandboxEngine, type SendRequests } from './sandbox-engine';
import { openThreadCpuClock, ownThreadId } from './thread-cpu-clock';
import type { SandboxJob, SandboxWorkerData, SandboxWorkerMessage, SendCall, SendReply } from './sandbox-protocol';

const port = parentPort;
if (port === null) throw new Error('sandbox-worker.js runs as a worker thread only');
const post = (message: SandboxWorkerMessage) => port.postMessage(message);
const { memoryBytes, rpc } = workerData as SandboxWorkerData;
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
// Ready once the context is built: the warm-up runs that let V8 compile QuickJS's hot paths then go one at a time
// while no job waits, so a first script (`courier run` of one request) is not queued behind thirty of them.
engine.warmUp(1);
let warmRunsLeft = 29;
const warmWhileIdle = () => {
  if (warmRunsLeft <= 0) return;
  warmRunsLeft -= 1;
  engine.warmUp(1);
  setImmediate(warmWhileIdle);
};
port.on('message', (job: SandboxJob) => {
  post({ type: 'result', id: job.id, result: engine.run(job.inputJson, job.body, job.source, job.limits, sendFor(job.id)) });
});
post({ type: 'ready', tid: ownThreadId() });
setImmediate(warmWhileIdle);
