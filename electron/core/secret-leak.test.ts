import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type EventPayload, type HttpRequestSpecInput, type MethodName } from '../../shared/contract';
import { leakNeedles, scanForSecret, startDigestServer, startHttpServer, startOAuthServer, type TestDigestServer, type TestOAuthServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * The leak test of issue 4: a canary secret is used in a header, a query parameter, a body and Basic auth (and as
 * a Bearer token and an API key); requests are sent, history is exported, the app is closed, and every file under
 * the data folder and the export folder is searched for the canary in every form it could take. Zero hits.
 */
const CANARY = 'Kq9!canary s3cr3t+/=zZ';
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

let echo: TestServer;
let oauth: TestOAuthServer;
let digest: TestDigestServer;
const received: string[] = [];

beforeAll(async () => {
  // Echoes everything it got, as hostile or chatty servers do: the secret comes back in the response too.
  echo = await startHttpServer((req, res, body) => {
    const seen = JSON.stringify({ url: req.url, headers: req.headers, body: body.toString('utf8') });
    received.push(seen);
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo-Url': encodeURI(req.url ?? '') });
    res.end(seen);
  });
});
beforeAll(async () => {
  oauth = await startOAuthServer({ clients: [{ id: 'courier-app', secret: CANARY }] });
  digest = await startDigestServer({ username: 'alice', password: CANARY });
});
afterAll(() => Promise.all([echo.close(), oauth.close(), digest.close()]));

async function call<M extends MethodName>(courier: Courier, method: M, input: unknown): Promise<unknown> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
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

describe('secrets never reach the disk', () => {
  it('leaves no trace of a canary secret in any file after sends, a failure, a HAR export and close', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-leak-data-'));
    const exportDir = await mkdtemp(path.join(os.tmpdir(), 'courier-leak-export-'));
    const logLines: string[] = [];
    try {
      const courier = createCourier({
        dataDir,
        mode: 'web',
        version: '1.0.0',
        openExternal: () => false,
        scrypt: FAST_SCRYPT,
        onInternalError: (error) => logLines.push(String(error instanceof Error ? `${error.message}\n${error.stack}` : error)),
      });
      await call(courier, 'vault.unlock', { passphrase: 'correct horse battery staple' });
      await call(courier, 'variables.saveScope', {
        scopeId: 'global',
        variables: [
          { name: 'apiKey', value: CANARY, secret: true },
          { name: 'user', value: 'alice' },
        ],
      });
      const state = (await call(courier, 'environments.create', { name: 'dev' })) as { environments: { id: string }[] };
      const devId = state.environments[0]!.id;
      await call(courier, 'variables.saveScope', { scopeId: devId, variables: [{ name: 'token', value: CANARY, secret: true }] });
      await call(courier, 'environments.setActive', { id: devId });

      const base = `${echo.origin}/echo`;
      const requests: HttpRequestSpecInput[] = [
        {
          method: 'POST',
          url: `${base}?key={{apiKey}}`,
          headers: [{ name: 'X-Api-Key', value: '{{apiKey}}' }],
          body: { kind: 'json', text: '{"key":"{{apiKey}}"}' },
          auth: { kind: 'basic', username: '{{user}}', password: '{{apiKey}}' },
        },
        { method: 'GET', url: base, auth: { kind: 'bearer', token: '{{token}}' } },
        { method: 'GET', url: base, auth: { kind: 'apikey', name: 'api_key', value: '{{apiKey}}', in: 'query' } },
        { method: 'POST', url: base, body: { kind: 'form', fields: [{ name: 'secret', value: '{{apiKey}}' }] } },
        // typed literally into the auth field rather than as a variable: still never on disk
        { method: 'GET', url: base, auth: { kind: 'bearer', token: CANARY } },
        // the client secret of an OAuth 2.0 client (the token is fetched before the send)
        {
          method: 'GET',
          url: base,
          auth: { kind: 'oauth2', grant: 'client_credentials', tokenUrl: oauth.tokenUrl, clientId: 'courier-app', clientSecret: '{{apiKey}}' },
        },
        // a Digest password, answered to a server that challenges
        { method: 'GET', url: `${digest.origin}/protected`, auth: { kind: 'digest', username: 'alice', password: '{{apiKey}}' } },
      ];
      const added = whenAdded(courier, requests.length + 1);
      const shown: string[] = [];
      for (const [index, request] of requests.entries()) {
        shown.push(JSON.stringify(await call(courier, 'http.send', { requestId: `leak-${index}`, request })));
      }
      // a failure whose URL carries the secret: the error and its history entry must not
      const failed = await dispatch(courier.handlers, 'http.send', { requestId: 'leak-fail', request: { method: 'GET', url: 'http://127.0.0.1:1/{{apiKey}}' } });
      expect(failed.ok).toBe(false);
      shown.push(JSON.stringify(failed));
      await added;

      expect(digest.attempts.at(-1)?.status).toBe(200);
      expect(oauth.tokenRequests.length).toBeGreaterThanOrEqual(1);
      // An authorization server that quotes the secret back in its error: the message shown must not carry it.
      oauth.config.tokenMode = 'echo-secret';
      const refused = await dispatch(courier.handlers, 'auth.oauth2.fetchToken', {
        request: { method: 'GET', url: base, auth: { kind: 'oauth2', grant: 'client_credentials', tokenUrl: oauth.tokenUrl, clientId: 'courier-app', clientSecret: '{{apiKey}}', scope: 'other' } },
      });
      expect(refused.ok).toBe(false);
      shown.push(JSON.stringify(refused));

      // The server really got the secret (so the test is not passing by sending nothing)...
      expect(received.filter((line) => line.includes(CANARY) || line.includes(encodeURIComponent(CANARY))).length).toBeGreaterThanOrEqual(4);
      // ...and what went back to the window shows it masked.
      for (const text of shown) for (const needle of leakNeedles(CANARY)) expect(text.includes(needle.bytes.toString())).toBe(false);

      // Every request saved to a workspace collection, a collection auth and an open-tab draft typed with the literal.
      const collection = (await call(courier, 'workspace.createContainer', { parent: null, name: 'Leaky' })) as { path: string };
      for (const [index, request] of requests.entries()) await call(courier, 'workspace.createRequest', { parent: collection.path, name: `r${index}`, request });
      await call(courier, 'workspace.saveContainer', { path: collection.path, settings: { name: 'Leaky', auth: { kind: 'bearer', token: CANARY } } });
      await call(courier, 'workspace.saveSession', { tabs: [{ id: 't', path: null, name: 'Draft', dirty: true, request: requests[4] }], activeId: 't' });

      // Issue 10: a Basic password typed into the Auth tab, saved, reopened and sent: the vault keeps it, the file a
      // reference, and the request still works (the echo server gets the real credential).
      const typed = { method: 'GET', url: `${base}/typed`, auth: { kind: 'basic', username: 'alice', password: CANARY } };
      const savedTyped = (await call(courier, 'workspace.createRequest', { parent: collection.path, name: 'typed', request: typed })) as { path: string };
      const reopened = (await call(courier, 'workspace.readRequest', { path: savedTyped.path })) as { request: HttpRequestSpecInput };
      const typedAdded = whenAdded(courier, 1);
      shown.push(JSON.stringify(await call(courier, 'http.send', { requestId: 'leak-typed', request: reopened.request, workspacePath: savedTyped.path })));
      await typedAdded;
      expect(received.at(-1)).toContain(Buffer.from(`alice:${CANARY}`).toString('base64'));
      const exported = await call(courier, 'workspace.exportCollection', { path: collection.path });
      await writeFile(path.join(exportDir, 'collection.json'), JSON.stringify(exported));

      const har = (await call(courier, 'history.exportHar', { filter: {} })) as { har: string; entries: number };
      expect(har.entries).toBe(requests.length + 2);
      await writeFile(path.join(exportDir, 'history.har'), har.har);
      await courier.close();

      const { hits, filesScanned } = await scanForSecret([dataDir, exportDir], CANARY);
      expect(filesScanned).toBeGreaterThan(3);
      expect(hits).toEqual([]);
      expect(logLines.join('\n')).not.toContain(CANARY);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await rm(exportDir, { recursive: true, force: true });
    }
  });

  it('the scanner finds the canary in each form it looks for (so zero hits means something)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'courier-leak-probe-'));
    try {
      await mkdir(path.join(dir, 'nested'));
      await writeFile(path.join(dir, 'basic.txt'), `Authorization: Basic ${Buffer.from(`alice:${CANARY}`).toString('base64')}`);
      await writeFile(path.join(dir, 'nested', 'query.txt'), `GET /x?k=${encodeURIComponent(CANARY)}`);
      const { gzipSync } = await import('node:zlib');
      await writeFile(path.join(dir, 'body.gz'), gzipSync(Buffer.from(`{"echo":"${CANARY}"}`)));
      const { hits } = await scanForSecret([dir], CANARY);
      const files = new Set(hits.map((hit) => path.basename(hit.file)));
      expect(files).toEqual(new Set(['basic.txt', 'query.txt', 'body.gz']));
      expect(hits.find((hit) => hit.file.endsWith('body.gz'))?.inflated).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
