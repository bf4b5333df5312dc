import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { startCourierWeb } from '../../e2e/support/courier-web';
import { launchBareChromium } from './bare-cdp';
import { median, round, type Metrics } from './report';

const BODY_BYTES = 50 * 1024 * 1024;
const ROUNDS = 7;
const RANGE_BYTES = 1024 * 1024;

/** Incompressible bytes (xorshift), so nothing on the way can shrink them. */
function noise(length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let x = 0x9e3779b9;
  for (let i = 0; i < length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes.writeUInt32LE(x >>> 0, i);
  }
  return bytes;
}

/** The body, and an empty page beside it so the baseline fetch is same-origin. */
async function startBodyServer(body: Buffer): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url === '/body') {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' });
      response.end(body);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>baseline</title>');
  });
  // The same bytes as bare binary WebSocket frames of the bridge's range size: the ceiling of the transport alone.
  const sockets = new WebSocketServer({ server, perMessageDeflate: false });
  sockets.on('connection', (socket) => {
    socket.on('message', () => {
      for (let offset = 0; offset < body.length; offset += RANGE_BYTES) socket.send(body.subarray(offset, offset + RANGE_BYTES));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.clients) socket.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  };
}

const mbPerS = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

/**
 * The window reading a 50 MiB response body from the main process through the real web bridge (body.read ranges,
 * as the response viewer reads them), against Chromium fetching the same bytes over loopback HTTP in the same run.
 */
export async function benchBodyRead(root: string): Promise<Metrics> {
  const pageScript = await readFile(path.join(root, 'dist/bench/body-read-page.js'), 'utf8');
  const body = noise(BODY_BYTES);
  const server = await startBodyServer(body);
  // the app runs without the contract check; tests turn it on
  const courier = await startCourierWeb({ env: { COURIER_CHECK_CONTRACT: '0' } });
  const browser = await launchBareChromium();
  try {
    const app = await browser.newPage(courier.url);
    await app.waitFor(`[...document.querySelectorAll('button')].some((button) => button.textContent.trim().startsWith('Send'))`);
    // evaluated, not a <script>: the page's Content-Security-Policy allows only its own files
    await app.evaluate(pageScript);
    const stored = await app.evaluate<{ id: string; size: number }>(`window.__bodyReadBench.send(${JSON.stringify(`${server.url}/body`)})`);
    if (stored.size !== BODY_BYTES) throw new Error(`Courier stored ${stored.size} bytes, expected ${BODY_BYTES}`);
    const baseline = await browser.newPage(server.url);
    await baseline.waitFor(`document.readyState === 'complete'`);

    type Read = { ms: number; bytes: number };
    const readCourier = () => app.evaluate<Read>(`window.__bodyReadBench.read(${JSON.stringify(stored.id)}, ${stored.size})`);
    const readBaseline = () =>
      baseline.evaluate<Read>(`(async () => {
        const started = performance.now();
        const bytes = (await (await fetch('/body', { cache: 'no-store' })).arrayBuffer()).byteLength;
        return { ms: performance.now() - started, bytes };
      })()`);
    const readRawSocket = () =>
      baseline.evaluate<Read>(`new Promise((resolve, reject) => {
        const socket = new WebSocket(location.href.replace(/^http/, 'ws'));
        socket.binaryType = 'arraybuffer';
        let bytes = 0;
        let started = 0;
        socket.onopen = () => {
          started = performance.now();
          socket.send('go');
        };
        socket.onmessage = (message) => {
          bytes += message.data.byteLength;
          if (bytes < ${BODY_BYTES}) return;
          resolve({ ms: performance.now() - started, bytes });
          socket.close();
        };
        socket.onerror = () => reject(new Error('raw WebSocket failed'));
      })`);
    const readers = [readCourier, readBaseline, readRawSocket];
    const runs: number[][] = readers.map(() => []);
    for (const read of readers) await read();
    for (let i = 0; i < ROUNDS; i += 1) {
      // taking turns in a rotating order, so a busy moment of the machine hits each alike
      for (let k = 0; k < readers.length; k += 1) {
        const which = (i + k) % readers.length;
        const { ms, bytes } = await readers[which]!();
        if (bytes !== BODY_BYTES) throw new Error(`read ${bytes} bytes, expected ${BODY_BYTES}`);
        runs[which]!.push(mbPerS(bytes, ms));
      }
    }
    const [courierRuns, baselineRuns, rawSocketRuns] = runs as [number[], number[], number[]];
    const value = round(median(courierRuns), 0);
    const base = round(median(baselineRuns), 0);
    const spread = (runs: number[]) => `${round(Math.min(...runs), 0)}–${round(Math.max(...runs), 0)}`;
    return {
      body_read_mb_per_s: {
        value,
        unit: 'MB/s',
        baseline: base,
        ratio: round(value / base, 2),
        target: '≥ 300 MB/s',
        how: `web mode in Chromium: the window reads a stored 50 MiB response body from the main process through the real bridge (the renderer's bridge client and range reader: 256 KiB body.read ranges, 16 in flight, each answer one binary WebSocket frame), MB = 10^6 bytes, median of ${ROUNDS} reads (${spread(courierRuns)}); baseline: the same page's Chromium fetching the same bytes over loopback HTTP (arrayBuffer), median of ${ROUNDS} (${spread(baselineRuns)}); bare binary WebSocket frames of the same bytes, 1 MiB each, from a plain ws server to the same page: ${round(median(rawSocketRuns), 0)} MB/s (${spread(rawSocketRuns)}), the WebSocket ceiling; taking turns. The pages are driven over bare CDP (Runtime only, scripts/bench/bare-cdp.ts): Playwright enables the Network domain, and Chromium then copies every WebSocket frame to it as base64, which held this figure near 20–50 MB/s`,
      },
    };
  } finally {
    await browser.close();
    await courier.stop();
    await server.close();
  }
}
