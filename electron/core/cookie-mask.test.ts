import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type EventPayload, type HttpExchange, type MethodName } from '../../shared/contract';
import { scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * Session cookies are credentials: a value the jar sent, or a response set, is kept off disk like a secret variable
 * (history and its WAL, raw heads, stored bodies), while the Cookies dialog still reveals it from the in-memory jar.
 */
const CANARY = 'sess-Zq7Kx2Wm9Vb4';

let server: TestServer;
const cookiesReceived: (string | null)[] = [];

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    cookiesReceived.push(req.headers.cookie ?? null);
    if (url.pathname === '/cookies/set') {
      // httpbin's /cookies/set: the cookie on a 302 to a page that echoes it
      res.writeHead(302, { Location: '/cookies', 'Set-Cookie': [`session=${CANARY}; Path=/`, 'a=1; Path=/'] }).end();
      return;
    }
    const cookie = req.headers.cookie ?? '';
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Cookie-Echo': cookie });
    res.end(JSON.stringify({ cookies: cookie, counts: [1, 11, 111], flag: 'a=1' }));
  });
});
afterAll(() => server.close());

async function call<M extends MethodName>(courier: Courier, method: M, input: unknown): Promise<unknown> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('cookies the jar sent or a response set', () => {
  it('are in no file of the data directory, WAL and gzipped bodies included; a short cookie masks nothing', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-cookie-mask-'));
    try {
      const logLines: string[] = [];
      const courier = createCourier({
        dataDir,
        mode: 'web',
        version: '1.0.0',
        openExternal: () => false,
        scrypt: { N: 1024, r: 8, p: 1 },
        onInternalError: (error) => logLines.push(String(error instanceof Error ? `${error.message}\n${error.stack}` : error)),
      });
      let added = 0;
      courier.onEvent((event, payload) => {
        if (event === 'history.changed' && (payload as EventPayload<'history.changed'>).reason === 'added') added++;
      });
      const first = (await call(courier, 'http.send', {
        requestId: 'set',
        request: { method: 'GET', url: `${server.origin}/cookies/set?session=x` },
      })) as HttpExchange;
      const second = (await call(courier, 'http.send', { requestId: 'again', request: { method: 'GET', url: `${server.origin}/cookies` } })) as HttpExchange;
      // the jar did its work: the cookie went on the redirect hop and the next request
      expect(cookiesReceived).toEqual([null, `session=${CANARY}; a=1`, `session=${CANARY}; a=1`]);
      // and the Cookies dialog still has the real value (it reads the jar)
      expect(JSON.stringify(await call(courier, 'cookies.list', {}))).toContain(CANARY);
      await expect.poll(() => added).toBe(2);
      // Re-send from history: the entry keeps the request as written, so the jar adds its cookie again, never the mask
      const entry = (await call(courier, 'history.get', { id: second.historyId })) as { composed: unknown };
      expect(JSON.stringify(entry.composed)).not.toMatch(/"cookie"|••••••/i);
      await call(courier, 'http.send', { requestId: 'resend', request: entry.composed });
      expect(cookiesReceived.at(-1)).toBe(`session=${CANARY}; a=1`);
      await expect.poll(() => added).toBe(3);
      // the body kept in history is the masked one, longer than what arrived ('••••••' is 18 bytes): reopened from
      // history, its size is the stored one, so the viewer reads it whole, not cut mid-character into broken JSON
      const stored = (await call(courier, 'history.get', { id: second.historyId })) as { exchange: HttpExchange };
      const read = (await call(courier, 'body.read', { bodyId: stored.exchange.body.id, offset: 0, length: stored.exchange.body.size })) as {
        bytes: Uint8Array;
      };
      expect(JSON.parse(Buffer.from(read.bytes).toString('utf8'))).toEqual({ cookies: 'session=••••••; a=1', counts: [1, 11, 111], flag: 'a=1' });
      await courier.close();
      const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
      expect(filesScanned).toBeGreaterThan(1);
      expect(hits).toEqual([]);
      expect(logLines.join('\n')).not.toContain(CANARY);
      // what the window is shown is masked the same way (the body badge says the secret is in it)
      for (const exchange of [first, second]) {
        expect(JSON.stringify({ ...exchange, body: null })).not.toContain(CANARY);
        expect(exchange.body.containsSecret).toBe(true);
      }
      expect(second.request.headers.find(([name]) => name.toLowerCase() === 'cookie')?.[1]).toBe('session=••••••; a=1');
      // the short cookie a=1 is not a secret: the stored bodies keep their 1s (and the mask shows where the session was)
      const bodies: string[] = [];
      for (const file of await readdir(dataDir, { recursive: true })) {
        if (!file.endsWith('.gz')) continue;
        const bytes = await readFile(path.join(dataDir, file));
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) bodies.push(gunzipSync(bytes).toString('utf8'));
      }
      const echoed = bodies.filter((body) => body.includes('"counts"'));
      expect(echoed.length).toBeGreaterThan(0);
      for (const body of echoed) expect(JSON.parse(body)).toEqual({ cookies: 'session=••••••; a=1', counts: [1, 11, 111], flag: 'a=1' });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
