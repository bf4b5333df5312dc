import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type EventPayload, type MethodName } from '../../shared/contract';
import { scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * Finding 19: a short secret ("passwd") used through {{pass}} was masked wherever its letters occurred, so the
 * literal path segment /basic-auth/user/passwd became /basic-auth/user/•••••• in history and HAR. Now the request
 * Courier built is masked where the secret was substituted; the server's echoes stay masked everywhere; and a long
 * canary used the same ways is still nowhere on disk, in any encoding.
 */
const SHORT = 'passwd';
const CANARY = 'Zp7!canary t0ken+/=Q';
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };
let echo: TestServer;

beforeAll(async () => {
  echo = await startHttpServer((req, res, body) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo-Url': req.url ?? '' });
    res.end(JSON.stringify({ url: req.url, headers: req.headers, body: body.toString('utf8') }));
  });
});
afterAll(() => echo.close());

async function call<M extends MethodName>(courier: Courier, method: M, input: unknown): Promise<Record<string, unknown>> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

function whenAdded(courier: Courier, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    const stop = courier.onEvent((event, payload) => {
      if (event === 'history.changed' && (payload as EventPayload<'history.changed'>).reason === 'added' && ++seen === count) {
        stop();
        resolve();
      }
    });
  });
}

describe('a secret is masked where it was substituted, not wherever its letters occur', () => {
  it('keeps the literal path in the shown exchange, history and HAR, masks the substituted places and the echoes, and leaves no canary on disk', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-positional-data-'));
    const exportDir = await mkdtemp(path.join(os.tmpdir(), 'courier-positional-export-'));
    try {
      const courier = createCourier({ dataDir, mode: 'web', version: '1.0.0', openExternal: () => false, scrypt: FAST_SCRYPT });
      await call(courier, 'vault.unlock', { passphrase: 'correct horse battery staple' });
      await call(courier, 'variables.saveScope', {
        scopeId: 'global',
        variables: [
          { name: 'pass', value: SHORT, secret: true },
          { name: 'tok', value: CANARY, secret: true },
          { name: 'user', value: 'user' },
        ],
      });
      const request = {
        method: 'GET',
        url: `${echo.origin}/basic-auth/{{user}}/passwd?p={{pass}}&t={{tok}}`,
        headers: [
          { name: 'X-Path', value: '/files/passwd/{{pass}}' },
          { name: 'X-Token', value: 'Token {{tok}}' },
        ],
        auth: { kind: 'basic', username: '{{user}}', password: '{{pass}}' },
      };
      const added = whenAdded(courier, 1);
      const exchange = (await call(courier, 'http.send', { requestId: 'positional-1', request })) as {
        request: { url: string; headers: [string, string][] };
        response: { headers: [string, string][] };
      };
      await added;
      const header = (name: string) => exchange.request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

      // The URL Courier built keeps the typed "passwd" segment; the substituted places are masked.
      expect(exchange.request.url).toBe(`${echo.origin}/basic-auth/user/passwd?p=••••••&t=••••••`);
      expect(header('X-Path')).toBe('/files/passwd/••••••');
      expect(header('X-Token')).toBe('Token ••••••');
      // Basic credentials are built from the secret: masked whole, as before
      expect(header('Authorization')).toBe('••••••');
      // What the server echoes stays masked everywhere, the literal segment included.
      expect(exchange.response.headers.find(([n]) => n.toLowerCase() === 'x-echo-url')?.[1]).toBe('/basic-auth/user/••••••?p=••••••&t=••••••');

      const list = await call(courier, 'history.list', { filter: {} });
      const entries = list.entries as { id: number; url: string }[];
      expect(entries[0]!.url).toBe(`${echo.origin}/basic-auth/user/passwd?p=••••••&t=••••••`);
      const har = (await call(courier, 'history.exportHar', { filter: {} })) as { har: string };
      const harEntry = (JSON.parse(har.har) as { log: { entries: { request: { url: string } }[] } }).log.entries[0]!;
      expect(harEntry.request.url).toBe(`${echo.origin}/basic-auth/user/passwd?p=••••••&t=••••••`);
      await writeFile(path.join(exportDir, 'history.har'), har.har);

      // An open tab's draft that uses the canary through its variable: the session file keeps the reference only.
      await call(courier, 'workspace.saveSession', { tabs: [{ id: 't', path: null, name: 'Draft', dirty: true, request }], activeId: 't' });
      await courier.close();

      const { hits, filesScanned } = await scanForSecret([dataDir, exportDir], CANARY);
      expect(filesScanned).toBeGreaterThan(3);
      expect(hits).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await rm(exportDir, { recursive: true, force: true });
    }
  });
});
