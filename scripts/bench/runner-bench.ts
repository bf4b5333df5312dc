import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, round, type Metrics } from './report';

// `courier run` against newman (Postman's CLI, a dev dependency) on the same Postman v2.1 file, the same local server,
// alternating, in one run. Both are child processes started the way a CI job starts them.
const REQUESTS = 1000;
const RUNS = 3;
const COLD_RUNS = 5;

const TESTS = [
  "pm.test('status is 200', () => pm.response.to.have.status(200));",
  "pm.test('has a numeric id', () => pm.expect(pm.response.json().id).to.be.a('number'));",
  "pm.test('answers quickly', () => pm.expect(pm.response.responseTime).to.be.below(5000));",
];

function collection(origin: string, requests: number, scripted: boolean): string {
  const item = Array.from({ length: requests }, (_, i) => ({
    name: `Item ${i}`,
    request: { method: 'GET', url: `${origin}/items/${i}` },
    ...(scripted ? { event: [{ listen: 'test', script: { type: 'text/javascript', exec: TESTS } }] } : {}),
  }));
  return JSON.stringify({ info: { name: 'Bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item });
}

interface Exit {
  code: number | null;
  ms: number;
  stderr: string;
}

function run(args: string[], cwd: string): Promise<Exit> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ms: performance.now() - started, stderr }));
  });
}

function expectPass(name: string, exit: Exit): Exit {
  if (exit.code !== 0) throw new Error(`${name} exited ${exit.code}: ${exit.stderr.slice(0, 500)}`);
  return exit;
}

export async function benchRunner(root: string): Promise<Metrics> {
  const courierBin = path.join(root, 'bin/courier.js');
  const newmanBin = path.join(root, 'node_modules/newman/bin/newman.js');
  if (!existsSync(path.join(root, 'dist/cli/courier.js'))) throw new Error('the runner benchmark runs the built CLI: run "npm run build" first');
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 1, url: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'courier-runner-bench-'));
  try {
    const files = {
      big: path.join(dir, 'big.postman_collection.json'),
      plain: path.join(dir, 'plain.postman_collection.json'),
      one: path.join(dir, 'one.postman_collection.json'),
    };
    await writeFile(files.big, collection(origin, REQUESTS, true));
    await writeFile(files.plain, collection(origin, REQUESTS, false));
    await writeFile(files.one, collection(origin, 1, true));
    // each writes a JSON report, so neither pays for drawing a thousand lines on a terminal
    const courier = (file: string, out: string) => run([courierBin, 'run', file, '--reporter', 'json', '--out', path.join(dir, out)], dir);
    const newman = (file: string) => run([newmanBin, 'run', file, '--reporters', 'json', '--reporter-json-export', path.join(dir, 'newman.json')], dir);
    const runTook = async (out: string) => {
      const report = JSON.parse(await readFile(path.join(dir, out, 'courier-run.json'), 'utf8')) as {
        startedAt: number;
        finishedAt: number;
        totals: { passedTests: number };
      };
      return { ms: report.finishedAt - report.startedAt, passed: report.totals.passedTests };
    };

    // warm the file cache for both
    expectPass('courier run', await courier(files.one, 'warm'));
    expectPass('newman run', await newman(files.one));

    const wall = { courier: [] as number[], newman: [] as number[] };
    const added: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      wall.courier.push(expectPass('courier run', await courier(files.big, 'big')).ms);
      const scripted = await runTook('big');
      if (scripted.passed !== REQUESTS * TESTS.length) throw new Error(`courier run passed ${scripted.passed} tests, expected ${REQUESTS * TESTS.length}`);
      wall.newman.push(expectPass('newman run', await newman(files.big)).ms);
      expectPass('courier run', await courier(files.plain, 'plain'));
      const plain = await runTook('plain');
      added.push(((scripted.ms - plain.ms) * 1000) / REQUESTS);
    }
    const newmanReport = JSON.parse(await readFile(path.join(dir, 'newman.json'), 'utf8')) as {
      run: { stats: { assertions: { total: number; failed: number } } };
    };
    if (newmanReport.run.stats.assertions.total !== REQUESTS * TESTS.length || newmanReport.run.stats.assertions.failed !== 0)
      throw new Error('newman did not pass every assertion');

    const cold = { courier: [] as number[], newman: [] as number[] };
    for (let i = 0; i < COLD_RUNS; i++) {
      cold.courier.push(expectPass('courier run', await courier(files.one, 'one')).ms);
      cold.newman.push(expectPass('newman run', await newman(files.one)).ms);
    }

    const ours = median(wall.courier);
    const theirs = median(wall.newman);
    const coldOurs = median(cold.courier);
    const coldTheirs = median(cold.newman);
    return {
      runner_vs_newman_ratio: {
        value: round(ours / theirs, 3),
        unit: '×',
        baseline: round(theirs, 0),
        ratio: round(ours / theirs, 3),
        target: '≤ 0.33',
        how: `a Postman v2.1 file of ${REQUESTS} GETs to a local server, each with a test script of 3 pm.test/pm.expect: \`courier run\` ${round(ours, 0)} ms vs \`newman run\` (baseline, ms), process start to exit, JSON reporter each, alternating, median of ${RUNS}`,
      },
      cli_cold_start_ratio: {
        value: round(coldOurs / coldTheirs, 3),
        unit: '×',
        baseline: round(coldTheirs, 0),
        ratio: round(coldOurs / coldTheirs, 3),
        target: '≤ 0.5',
        how: `the same with a 1-request file (its test script included): \`courier run\` ${round(coldOurs, 0)} ms vs \`newman run\` (baseline, ms), process start to exit, alternating, median of ${COLD_RUNS}`,
      },
      script_added_us_p50: {
        value: round(median(added), 0),
        unit: 'µs',
        baseline: null,
        ratio: null,
        target: '≤ 1,000 µs',
        how: `(run time with the 3-test script − run time of the same ${REQUESTS} requests without scripts) ÷ ${REQUESTS}, from \`courier run\`'s own report (start and end of the run), median of ${RUNS} pairs`,
      },
    };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
