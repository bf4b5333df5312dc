import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { decodeBytesFrame } from '../../../../shared/contract';
import { startWebHost, type WebHost, type WebHostOptions } from '../start-web-host';

export const INDEX_HTML = '<!doctype html><title>Courier test page</title><script type="module" src="./assets/app.js"></script>';
export const APP_JS = 'console.log("courier test asset");';
export const SECRET = 'secret outside the static root';

export interface WebHostFixture {
  host: WebHost;
  /** Holds static/ (served) and secret.txt (beside it, must never be served). */
  workDir: string;
  dataDir: string;
  staticRoot: string;
  /** "/s/<token>/": the secret prefix every request needs. */
  base: string;
  dispose(): Promise<void>;
}

/** A started web host over a small static site of its own. */
export async function startWebHostFixture(options: Partial<WebHostOptions> = {}): Promise<WebHostFixture> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'courier-web-host-'));
  const staticRoot = path.join(workDir, 'static');
  const dataDir = path.join(workDir, 'data');
  await mkdir(path.join(staticRoot, 'assets'), { recursive: true });
  await writeFile(path.join(staticRoot, 'index.html'), INDEX_HTML);
  await writeFile(path.join(staticRoot, 'assets', 'app.js'), APP_JS);
  await writeFile(path.join(workDir, 'secret.txt'), SECRET);
  const host = await startWebHost({ dataDir, staticRoot, version: '9.9.9-test', onInternalError: () => undefined, ...options });
  return {
    host,
    workDir,
    dataDir,
    staticRoot,
    base: host.basePath,
    async dispose() {
      await host.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request: unlike fetch, it lets a test send any Host header and any undecoded path. */
export function get(port: number, requestPath: string, headers: Record<string, string> = {}, method = 'GET', address = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: address, port, path: requestPath, method, headers: { Host: `127.0.0.1:${port}`, ...headers }, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

type UpgradeOutcome = { opened: WebSocket; headers: IncomingHttpHeaders } | { refused: number };

/** Tries the bridge upgrade at bridgePath (e.g. "/s/<token>/bridge") with the given headers; resolves with the open socket or the refusal status. */
export function openBridge(port: number, bridgePath: string, headers: Record<string, string>): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${bridgePath}`, { headers });
    let upgradeHeaders: IncomingHttpHeaders = {};
    socket.once('upgrade', (response) => (upgradeHeaders = response.headers));
    socket.once('open', () => resolve({ opened: socket, headers: upgradeHeaders }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ refused: response.statusCode ?? 0 });
      response.resume();
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** A tiny client speaking web-protocol: numbered calls, collected events, and every frame's kind and size. */
export function bridgeClient(socket: WebSocket) {
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  const events: { event: string; payload: unknown }[] = [];
  const frames: { binary: boolean; bytes: number }[] = [];
  socket.on('message', (data, isBinary) => {
    const raw = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    frames.push({ binary: isBinary, bytes: raw.length });
    const message = (isBinary ? decodeBytesFrame(new Uint8Array(raw.buffer, raw.byteOffset, raw.length)) : JSON.parse(raw.toString('utf8'))) as {
      type: string;
      id?: number;
      result?: unknown;
      event?: string;
      payload?: unknown;
    } | null;
    if (message === null) return;
    if (message.type === 'result' && message.id !== undefined) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'event') {
      events.push({ event: String(message.event), payload: message.payload });
    }
  });
  return {
    events,
    frames,
    call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: unknown) => void);
        socket.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    },
    /** Sends anything and waits for a reply to `id`, or times out (dropped messages get no reply). */
    raw(data: string, id: number, timeoutMs = 300): Promise<unknown> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve('no reply');
        }, timeoutMs);
        pending.set(id, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        socket.send(data);
      });
    },
  };
}

/** The bridge's own path, under the secret prefix. */
export function bridgePath(fixture: WebHostFixture): string {
  return `${fixture.base}bridge`;
}

/** What Chromium sends on the page's own upgrade: its exact origin. */
export function bridgeHeaders(fixture: WebHostFixture): { Origin: string } {
  return { Origin: `http://127.0.0.1:${fixture.host.port}` };
}
