import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { request as undiciRequest, Agent } from 'undici';
import { createBodyStore } from '../../electron/services/body-store';
import { createHttpEngine } from '../../electron/services/http';
import { httpRequestSpecSchema } from '../../shared/contract';
import { median, percentile, round, type Metrics } from './report';

const REQUESTS = 2_000;
const WARMUP = 200;
const RUNS = 5;

/**
 * engine_overhead_ratio / engine_added_us_p50: 2,000 sequential small GETs on loopback through the engine, against
 * raw `undici.request` on a keep-alive agent in the same run. Runs alternate so drift hits both sides alike.
 */
export async function benchEngine(): Promise<Metrics> {
  const payload = JSON.stringify({ ok: true, message: 'hello' });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/small`;

  const spoolDir = await mkdtemp(path.join(tmpdir(), 'courier-bench-'));
  const bodyStore = createBodyStore({ spoolDir });
  const engine = createHttpEngine({ bodyStore, userAgent: 'Courier-bench' });
  const spec = httpRequestSpecSchema.parse({ method: 'GET', url });
  const agent = new Agent({ keepAliveTimeout: 60_000 });

  let counter = 0;
  const viaEngine = async (): Promise<void> => {
    const id = `b${counter++}`;
    const exchange = await engine.send(id, spec);
    if (exchange.response.status !== 200) throw new Error('unexpected status');
    await bodyStore.release(exchange.body.id);
  };
  const viaUndici = async (): Promise<void> => {
    const res = await undiciRequest(url, { dispatcher: agent, headers: { 'user-agent': 'bench', accept: '*/*' } });
    await res.body.arrayBuffer();
    if (res.statusCode !== 200) throw new Error('unexpected status');
  };

  const measure = async (fn: () => Promise<void>): Promise<{ p50: number; mean: number }> => {
    for (let i = 0; i < WARMUP; i += 1) await fn();
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i += 1) {
      const t0 = performance.now();
      await fn();
      samples.push((performance.now() - t0) * 1000);
    }
    return { p50: percentile(samples, 50), mean: ((performance.now() - started) * 1000) / REQUESTS };
  };

  const engineP50: number[] = [];
  const rawP50: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const raw = await measure(viaUndici);
    const ours = await measure(viaEngine);
    rawP50.push(raw.p50);
    engineP50.push(ours.p50);
    ratios.push(ours.mean / raw.mean);
  }

  await engine.close();
  await bodyStore.close();
  await agent.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(spoolDir, { recursive: true, force: true });

  const engineUs = median(engineP50);
  const rawUs = median(rawP50);
  return {
    engine_overhead_ratio: {
      value: round(median(ratios), 3),
      unit: '×',
      baseline: 1,
      ratio: round(median(ratios), 3),
      target: '≤ 1.3×',
      how: `${REQUESTS} sequential small GETs on loopback, engine vs raw undici.request (keep-alive), mean time per request, median of ${RUNS} runs`,
    },
    engine_added_us_p50: {
      value: round(engineUs - rawUs, 1),
      unit: 'µs',
      baseline: round(rawUs, 1),
      ratio: round(engineUs / rawUs, 3),
      target: '≤ 40 µs',
      how: `same run: engine p50 (${round(engineUs, 1)} µs) minus raw undici p50, median of ${RUNS} runs`,
    },
  };
}
