import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchEngine } from './engine-bench';
import { benchPeers } from './peers-bench';
import { benchHistory } from './history-bench';
import { benchJson200mbAlone, benchRenderer } from './renderer-bench';
import { benchColdLoadAlone } from './cold-load-bench';
import { benchHistoryUi } from './history-ui-bench';
import { runInterpolateBench } from './interpolate-bench';
import { runVaultBench } from './vault-bench';
import { benchGraphql } from './graphql-bench';
import { runImportBench } from './import-bench';
import { benchWorkspace } from './workspace-bench';
import { writeReport, type Metrics } from './report';
import { benchWebsocket } from './websocket-bench';
import { benchSse } from './sse-bench';
import { runMaskBench } from './mask-bench';
import { benchRunner } from './runner-bench';
import { benchRunnerUi } from './runner-ui-bench';
import { benchBodyRead } from './body-read-bench';

const root = fileURLToPath(new URL('../..', import.meta.url));

const groups: Record<string, () => Promise<Metrics>> = {
  engine: benchEngine,
  // Courier's engine vs postman-request, axios and curl
  peers: benchPeers,
  history: benchHistory,
  renderer: () => benchRenderer(root),
  // the renderer group's 200 MB JSON figures on their own
  json200mb: benchJson200mbAlone,
  // the renderer's cold load alone, against a blank React page
  'renderer-cold': () => benchColdLoadAlone(root),
  'history-ui': () => benchHistoryUi(root),
  // a response body read by the window through the web bridge, as binary frames
  'body-read': () => benchBodyRead(root),
  variables: runInterpolateBench,
  // masking secrets in bodies
  secrets: runMaskBench,
  vault: runVaultBench,
  // WebSocket and SSE
  websocket: benchWebsocket,
  sse: benchSse,
  graphql: benchGraphql,
  import: () => runImportBench(root),
  workspace: benchWorkspace,
  // `courier run` vs newman, and the runner dialog under a 5,000-result run
  runner: async () => ({ ...(await benchRunner(root)), ...(await benchRunnerUi(root)) }),
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
/** groups that are a part of another one, run only when named */
const parts = new Set(['json200mb']);
const selected = wanted.length > 0 ? wanted : Object.keys(groups).filter((name) => !parts.has(name));
const metrics: Metrics = {};
const notes: string[] = [];
for (const name of selected) {
  const group = groups[name];
  if (!group) {
    console.error(`Unknown benchmark group "${name}". Known: ${Object.keys(groups).join(', ')}`);
    process.exit(2);
  }
  console.log(`▶ ${name}`);
  const started = Date.now();
  // the machine may be shared: the figures of a loaded one are not comparable with those of an idle one
  const load = os.loadavg()[0]!.toFixed(1);
  const result = await group();
  for (const [key, metric] of Object.entries(result)) {
    console.log(`  ${key.padEnd(28)} ${String(metric.value).padStart(10)} ${metric.unit}   (target ${metric.target})`);
  }
  notes.push(
    `\`${name}\` group took ${((Date.now() - started) / 1000).toFixed(1)} s (1-minute load average ${load} on ${os.cpus().length} CPUs at its start).`,
  );
  Object.assign(metrics, result);
}
await writeReport(root, metrics, notes);
console.log('Wrote docs/benchmarks.md and docs/benchmarks.json');
