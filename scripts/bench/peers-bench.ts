import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http, { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import { createBodyStore } from '../../electron/services/body-store';
import { createHttpEngine } from '../../electron/services/http';
import { httpRequestSpecSchema } from '../../shared/contract';
import { median, round, type Metrics } from './report';

// Courier's engine side by side with the HTTP engines of the peers: postman-request (Postman) and
// axios (Bruno, Hoppscotch's desktop agent), both dev dependencies, and curl. One loopback server, one run, the
// clients taking turns in a rotating order so drift and a busy machine hit each alike.
const SMALL_REQUESTS = 2_000;
const SMALL_WARMUP = 200;
const SMALL_ROUNDS = 5;
const BIG_BYTES = 64 * 1024 * 1024;
const BIG_ROUNDS = 9;

type PostmanRequest = (
  options: { url: string; agent: http.Agent; encoding: null; headers: Record<string, string> },
  callback: (error: Error | null, response: { statusCode: number }, body: Buffer) => void,
) => void;

interface Client {
  name: string;
  get(url: string): Promise<number>;
}

/** Mean time of one call of `fn` over `count` sequential calls, in µs. */
async function meanUs(count: number, fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await fn();
  return ((performance.now() - started) * 1000) / count;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One curl process fetching `count` URLs from a config file, so it keeps one connection; wall time in ms. */
async function curlWall(configFile: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('curl', ['-s', '--config', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`curl exited ${code}: ${stderr.slice(0, 300)}`))));
  });
  return performance.now() - started;
}

function spread(values: number[], digits = 1): string {
  return `${round(Math.min(...values), digits)}–${round(Math.max(...values), digits)}`;
}

export async function benchPeers(): Promise<Metrics> {
  const small = Buffer.from(JSON.stringify({ ok: true, message: 'hello' }));
  const big = Buffer.alloc(BIG_BYTES, 'courier benchmark body ');
  const server = createServer((req, res) => {
    const body = req.url === '/big' ? big : small;
    res.writeHead(200, { 'content-type': req.url === '/big' ? 'application/octet-stream' : 'application/json', 'content-length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const spoolDir = await mkdtemp(path.join(tmpdir(), 'courier-peers-bench-'));
  const bodyStore = createBodyStore({ spoolDir });
  const engine = createHttpEngine({ bodyStore, userAgent: 'Courier-bench' });
  const specs = new Map([`${origin}/small`, `${origin}/big`].map((url) => [url, httpRequestSpecSchema.parse({ method: 'GET', url })]));
  let counter = 0;
  const courier: Client = {
    name: 'Courier',
    // until send resolves: the whole body is stored (spooled above the threshold) and body.read can serve it
    async get(url) {
      const exchange = await engine.send(`b${counter++}`, specs.get(url)!);
      if (exchange.response.status !== 200) throw new Error('unexpected status');
      const size = exchange.body.size;
      await bodyStore.release(exchange.body.id);
      return size;
    },
  };

  // Both peers on a keep-alive agent, as their apps run them, and the body whole in memory as a Buffer.
  const postmanAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const postmanRequest = createRequire(import.meta.url)('postman-request') as PostmanRequest;
  const postman: Client = {
    name: 'postman-request',
    get: (url) =>
      new Promise((resolve, reject) => {
        postmanRequest({ url, agent: postmanAgent, encoding: null, headers: { 'user-agent': 'bench' } }, (error, response, body) => {
          if (error) reject(error);
          else if (response.statusCode !== 200) reject(new Error('unexpected status'));
          else resolve(body.length);
        });
      }),
  };
  const axiosAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const axiosClient = axios.create({
    httpAgent: axiosAgent,
    responseType: 'arraybuffer',
    maxContentLength: Infinity,
    maxBodyLength: Infinity,
    decompress: true,
  });
  const axiosPeer: Client = {
    name: 'axios',
    async get(url) {
      const response = await axiosClient.get<ArrayBuffer>(url, { headers: { 'user-agent': 'bench' } });
      if (response.status !== 200) throw new Error('unexpected status');
      return response.data.byteLength;
    },
  };
  const clients = [courier, postman, axiosPeer];
  const rotate = (round: number): Client[] => clients.map((_, i) => clients[(i + round) % clients.length]!);

  const curlDir = await mkdtemp(path.join(tmpdir(), 'courier-peers-curl-'));
  const curlConfig = async (name: string, count: number): Promise<string> => {
    const file = path.join(curlDir, name);
    await writeFile(file, Array.from({ length: count }, () => `url = "${origin}/small"\noutput = "/dev/null"\n`).join(''));
    return file;
  };
  const curlMany = await curlConfig('many.txt', SMALL_REQUESTS + 1);
  const curlOne = await curlConfig('one.txt', 1);

  try {
    // small GETs: per round, each client SMALL_REQUESTS after a warm-up; curl's process start is measured alone
    // (one URL) in the same round and taken off.
    const smallUs: Record<string, number[]> = { Courier: [], 'postman-request': [], axios: [], curl: [] };
    const smallRatios: number[] = [];
    const curlRatios: number[] = [];
    for (let round = 0; round < SMALL_ROUNDS; round += 1) {
      const thisRound: Record<string, number> = {};
      for (const client of rotate(round)) {
        const get = () => client.get(`${origin}/small`);
        for (let i = 0; i < SMALL_WARMUP; i += 1) await get();
        thisRound[client.name] = await meanUs(SMALL_REQUESTS, get);
      }
      const one = await curlWall(curlOne);
      const many = await curlWall(curlMany);
      thisRound.curl = ((many - one) * 1000) / SMALL_REQUESTS;
      for (const [name, us] of Object.entries(thisRound)) smallUs[name]!.push(us);
      smallRatios.push(thisRound.Courier! / Math.min(thisRound['postman-request']!, thisRound.axios!));
      curlRatios.push(thisRound.Courier! / thisRound.curl);
    }

    // 64 MB: one warm-up each, then BIG_ROUNDS rounds of one download per client, in rotating order
    const bigMs: Record<string, number[]> = { Courier: [], 'postman-request': [], axios: [] };
    // CPU time of this process (the server's share is the same for every client): less swayed by a busy machine
    const bigCpuMs: Record<string, number[]> = { Courier: [], 'postman-request': [], axios: [] };
    const bigRatios: number[] = [];
    for (const client of clients) await client.get(`${origin}/big`);
    for (let round = 0; round < BIG_ROUNDS; round += 1) {
      const thisRound: Record<string, number> = {};
      for (const client of rotate(round)) {
        gc();
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        const size = await client.get(`${origin}/big`);
        thisRound[client.name] = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        bigCpuMs[client.name]!.push((cpu.user + cpu.system) / 1000);
        if (size !== BIG_BYTES) throw new Error(`${client.name} got ${size} bytes`);
      }
      for (const [name, ms] of Object.entries(thisRound)) bigMs[name]!.push(ms);
      bigRatios.push(thisRound.Courier! / Math.min(thisRound['postman-request']!, thisRound.axios!));
    }

    const m = (values: number[], digits = 1) => round(median(values), digits);
    const smallBest = Math.min(m(smallUs['postman-request']!), m(smallUs.axios!));
    const bigBest = Math.min(m(bigMs['postman-request']!), m(bigMs.axios!));
    const smallLine = Object.entries(smallUs)
      .map(([name, v]) => `${name} ${m(v)} µs (${spread(v)})`)
      .join(', ');
    const bigLine = Object.entries(bigMs)
      .map(([name, v]) => `${name} ${m(v)} ms (${spread(v)})`)
      .join(', ');
    const bigCpuLine = Object.entries(bigCpuMs)
      .map(([name, v]) => `${name} ${m(v)} ms`)
      .join(', ');
    console.log(`  small GET, mean per request, median of ${SMALL_ROUNDS} rounds (range): ${smallLine}`);
    console.log(`  64 MB GET, median of ${BIG_ROUNDS} rounds (range): ${bigLine}; CPU time (server included): ${bigCpuLine}`);
    return {
      engine_vs_best_peer_small: {
        value: round(median(smallRatios), 3),
        unit: '×',
        baseline: smallBest,
        ratio: round(median(smallRatios), 3),
        target: '≤ 0.8',
        how: `${SMALL_REQUESTS} sequential small GETs on loopback (keep-alive), mean per request; Courier's engine ÷ the faster of postman-request and axios in the same round; median of ${SMALL_ROUNDS} rounds in rotating order (ratios ${spread(smallRatios, 2)}). µs per request: ${smallLine}`,
      },
      engine_vs_best_peer_64mb: {
        value: round(median(bigRatios), 3),
        unit: '×',
        baseline: bigBest,
        ratio: round(median(bigRatios), 3),
        target: '≤ 1.0',
        how: `one 64 MiB GET on loopback: Courier until the exchange resolves (body stored, readable by body.read) ÷ the faster peer with the whole body in memory; median of ${BIG_ROUNDS} rounds in rotating order (ratios ${spread(bigRatios, 2)}). ${bigLine}. CPU time of the process per download (loopback server included), median: ${bigCpuLine}`,
      },
      engine_vs_curl_small: {
        value: round(median(curlRatios), 3),
        unit: '×',
        baseline: m(smallUs.curl!),
        ratio: round(median(curlRatios), 3),
        target: '≤ 2.0',
        how: `the same small GETs: Courier's engine ÷ one curl process fetching ${SMALL_REQUESTS + 1} URLs on one connection (--config), (wall − wall of a 1-URL run) ÷ ${SMALL_REQUESTS}; median of ${SMALL_ROUNDS} rounds (ratios ${spread(curlRatios, 2)})`,
      },
    };
  } finally {
    await engine.close();
    await bodyStore.close();
    postmanAgent.destroy();
    axiosAgent.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(spoolDir, { recursive: true, force: true });
    await rm(curlDir, { recursive: true, force: true });
  }
}
