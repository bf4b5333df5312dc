import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type EventPayload, type HttpExchange, type MethodName } from '../../shared/contract';
import { scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * The cookie jar and secrets: a server that echoes a secret the request sent into a Set-Cookie must not get Courier
 * to send that secret on later requests, whose history entries would keep it in plain text (the jar only ever lives
 * in memory). Ordinary cookies still go from one request to the next.
 */
const CANARY = 'Jq4!cookie canary+/=xY';

let server: TestServer;
const cookiesReceived: (string | null)[] = [];

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    cookiesReceived.push(req.headers.cookie ?? null);
    const token = String(req.headers['x-token'] ?? '');
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...(url.pathname === '/login' ? { 'Set-Cookie': [`echoed=${encodeURIComponent(token)}; Path=/`, 'session=plain-42; Path=/'] } : {}),
    });
    res.end('{}');
  });
});
afterAll(() => server.close());

async function call<M extends MethodName>(courier: Courier, method: M, input: unknown): Promise<unknown> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('the cookie jar and secrets', () => {
  it('keeps no cookie holding a secret the request sent, so no later request or file carries it', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-cookie-leak-'));
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
      await call(courier, 'vault.unlock', { passphrase: 'correct horse battery staple' });
      await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'apiKey', value: CANARY, secret: true }] });
      let added = 0;
      courier.onEvent((event, payload) => {
        if (event === 'history.changed' && (payload as EventPayload<'history.changed'>).reason === 'added') added++;
      });
      const login = (await call(courier, 'http.send', {
        requestId: 'login',
        request: { method: 'GET', url: `${server.origin}/login`, headers: [{ name: 'X-Token', value: '{{apiKey}}' }] },
      })) as HttpExchange;
      expect(login.warnings).toContain('Cookie echoed not kept: the value holds a secret this request sent.');
      const me = (await call(courier, 'http.send', { requestId: 'me', request: { method: 'GET', url: `${server.origin}/me` } })) as HttpExchange;
      // the ordinary cookie went on, the echoed secret did not
      expect(cookiesReceived).toEqual([null, 'session=plain-42']);
      // shown masked: a session cookie the jar sent is a secret of the exchange (cookie-mask.test.ts)
      expect(me.request.headers.find(([name]) => name.toLowerCase() === 'cookie')?.[1]).toBe('session=••••••');
      expect(JSON.stringify(await call(courier, 'cookies.list', {}))).not.toContain('echoed');
      // a Cookie header of the user's with a secret in it: shown masked where the secret went, the jar's pair after it
      const typed = (await call(courier, 'http.send', {
        requestId: 'typed',
        request: { method: 'GET', url: `${server.origin}/me`, headers: [{ name: 'Cookie', value: 'auth={{apiKey}}' }] },
      })) as HttpExchange;
      expect(cookiesReceived.at(-1)).toBe(`auth=${CANARY}; session=plain-42`);
      expect(typed.request.headers.find(([name]) => name.toLowerCase() === 'cookie')?.[1]).toBe('auth=••••••; session=••••••');
      await expect.poll(() => added).toBe(3);
      await courier.close();
      const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
      expect(filesScanned).toBeGreaterThan(1);
      expect(hits).toEqual([]);
      expect(logLines.join('\n')).not.toContain(CANARY);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
