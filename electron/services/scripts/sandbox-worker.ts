// The script sandbox's worker thread (node:worker_threads). QuickJS runs here so that a script that defeats every
// limit inside the engine still only blocks this thread, and the host can end it (script-runner.ts).
// scripts/build.mjs bundles it beside each host's entry as sandbox-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { createSandboxEngine } from './sandbox-engine';
import type { SandboxJob, SandboxWorkerData, SandboxWorkerMessage } from './sandbox-protocol';

const port = parentPort;
if (port === null) throw new Error('sandbox-worker.js runs as a worker thread only');
const post = (message: SandboxWorkerMessage) => port.postMessage(message);

const engine = await createSandboxEngine((workerData as SandboxWorkerData).memoryBytes);
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
  post({ type: 'result', id: job.id, result: engine.run(job.inputJson, job.body, job.source, job.fileName, job.limits) });
});
post({ type: 'ready' });
setImmediate(warmWhileIdle);
