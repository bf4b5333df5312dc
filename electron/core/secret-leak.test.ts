import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatch,
  type EventPayload,
  type HttpRequestSpecInput,
  type MethodName,
  type WsEvent,
  type WsEventBatch,
  type WsMessage,
} from '../../shared/contract';
import {
  leakNeedles,
  scanForSecret,
  startDigestServer,
  startHttpServer,
  startOAuthServer,
  startWsTestServer,
  type TestDigestServer,
  type TestOAuthServer,
  type TestServer,
  type WsTestServer,
} from '../test-support';
import { startGraphqlServer, type GraphqlTestServer } from '../test-support/graphql-server';
import { createCourier, type Courier } from './create-courier';

/**
 * The leak test: a canary secret is used in a header, a query parameter, a body and Basic auth (and as
 * a Bearer token and an API key); requests are sent, history is exported, the app is closed, and every file under
 * the data folder and the export folder is searched for the canary in every form it could take. Zero hits.
 */
const CANARY = 'Kq9!canary s3cr3t+/=zZ';
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

let echo: TestServer;
let oauth: TestOAuthServer;
let digest: TestDigestServer;
let wsServer: WsTestServer;
let graphqlServer: GraphqlTestServer;
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
beforeAll(async () => {
  wsServer = await startWsTestServer();
  graphqlServer = await startGraphqlServer();
});
afterAll(() => Promise.all([echo.close(), oauth.close(), digest.close(), wsServer.close(), graphqlServer.close()]));

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
      const failed = await dispatch(courier.handlers, 'http.send', {
        requestId: 'leak-fail',
        request: { method: 'GET', url: 'http://127.0.0.1:1/{{apiKey}}' },
      });
      expect(failed.ok).toBe(false);
      shown.push(JSON.stringify(failed));
      await added;

      expect(digest.attempts.at(-1)?.status).toBe(200);
      expect(oauth.tokenRequests.length).toBeGreaterThanOrEqual(1);
      // An authorization server that quotes the secret back in its error: the message shown must not carry it.
      oauth.config.tokenMode = 'echo-secret';
      const refused = await dispatch(courier.handlers, 'auth.oauth2.fetchToken', {
        request: {
          method: 'GET',
          url: base,
          auth: { kind: 'oauth2', grant: 'client_credentials', tokenUrl: oauth.tokenUrl, clientId: 'courier-app', clientSecret: '{{apiKey}}', scope: 'other' },
        },
      });
      expect(refused.ok).toBe(false);
      shown.push(JSON.stringify(refused));

      // The server really got the secret (so the test is not passing by sending nothing)...
      expect(received.filter((line) => line.includes(CANARY) || line.includes(encodeURIComponent(CANARY))).length).toBeGreaterThanOrEqual(4);
      // ...and what went back to the window shows it masked.
      for (const text of shown) for (const needle of leakNeedles(CANARY)) expect(text.includes(needle.bytes.toString())).toBe(false);

      // Every request saved to a workspace collection, a collection auth and an open-tab draft typed with the literal.
      const collection = (await call(courier, 'workspace.createContainer', { parent: null, name: 'Leaky' })) as { path: string };
      for (const [index, request] of requests.entries())
        await call(courier, 'workspace.createRequest', { parent: collection.path, name: `r${index}`, request });
      await call(courier, 'workspace.saveContainer', { path: collection.path, settings: { name: 'Leaky', auth: { kind: 'bearer', token: CANARY } } });
      await call(courier, 'workspace.saveSession', { tabs: [{ id: 't', path: null, name: 'Draft', dirty: true, request: requests[4] }], activeId: 't' });

      // A Basic password typed into the Auth tab, saved, reopened and sent: the vault keeps it, the file a
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
      // The Bruno folder export writes its .bru files from the main process: each one is scanned below too.
      const bruno = (await call(courier, 'export.brunoFolder', { path: collection.path, destination: exportDir })) as { files: number };
      expect(bruno.files).toBeGreaterThan(requests.length);

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

  it('leaves no trace from WebSocket and GraphQL subscription paths: handshake, refusal, INVALID_URL, log export', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-leak-ws-data-'));
    const exportDir = await mkdtemp(path.join(os.tmpdir(), 'courier-leak-ws-export-'));
    const logLines: string[] = [];
    const events: { event: string; payload: unknown }[] = [];
    try {
      const courier = createCourier({
        dataDir,
        mode: 'web',
        version: '1.0.0',
        openExternal: () => false,
        scrypt: FAST_SCRYPT,
        onInternalError: (error) => logLines.push(String(error instanceof Error ? `${error.message}\n${error.stack}` : error)),
      });
      courier.onEvent((event, payload) => events.push({ event, payload }));
      await call(courier, 'vault.unlock', { passphrase: 'correct horse battery staple' });
      await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'apiKey', value: CANARY, secret: true }] });
      const wsEvents = (sessionId: string): WsEvent[] =>
        events.filter((e) => e.event === 'ws.events' && (e.payload as WsEventBatch).sessionId === sessionId).flatMap((e) => (e.payload as WsEventBatch).events);
      const shown: string[] = [];

      // an open handshake with the secret in the URL and a header; the server's first message echoes them back
      const opened = await dispatch(courier.handlers, 'ws.connect', {
        sessionId: 'leak-ws',
        request: { url: `${wsServer.origin}/headers?token={{apiKey}}`, headers: [{ name: 'X-Token', value: '{{apiKey}}' }] },
      });
      expect(opened.ok).toBe(true);
      shown.push(JSON.stringify(opened));
      await expect.poll(() => wsEvents('leak-ws').filter((e) => e.type === 'message').length).toBe(1);
      const echoed = wsEvents('leak-ws').find((e) => e.type === 'message') as Extract<WsEvent, { type: 'message' }>;
      // the live payload shows the real bytes (the server did get the secret)...
      expect(echoed.message.text).toContain(CANARY);
      // ...while the exported log is masked, URL and payloads, also after Disconnect (when exports usually happen)
      expect((await dispatch(courier.handlers, 'ws.close', { sessionId: 'leak-ws' })).ok).toBe(true);
      const exported = (await call(courier, 'ws.exportLog', {
        sessionId: 'leak-ws',
        url: `${wsServer.origin}/headers?token=${CANARY}`,
        messages: [
          echoed.message,
          { ...echoed.message, seq: 2, kind: 'binary', text: undefined, dataBase64: Buffer.from(`bin:${CANARY}`).toString('base64') } satisfies WsMessage,
        ],
        exportedAt: Date.now(),
      })) as { text: string };
      expect(exported.text).toContain('••••••');
      await writeFile(path.join(exportDir, 'websocket-messages.json'), exported.text);

      // a refused handshake that quotes the secret in a header and in its body
      const refused = await dispatch(courier.handlers, 'ws.connect', {
        sessionId: 'leak-ws-refused',
        request: { url: `${wsServer.origin}/reject-echo?token={{apiKey}}`, headers: [{ name: 'X-Token', value: '{{apiKey}}' }] },
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'WS_HANDSHAKE_REJECTED' } });
      shown.push(JSON.stringify(refused));
      // an INVALID_URL quoting it
      const invalid = await dispatch(courier.handlers, 'ws.connect', { sessionId: 'leak-ws-invalid', request: { url: 'ws://127.0.0.1:99999/{{apiKey}}' } });
      expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_URL' } });
      shown.push(JSON.stringify(invalid));
      shown.push(
        JSON.stringify(wsEvents('leak-ws').filter((e) => e !== echoed)),
        JSON.stringify(wsEvents('leak-ws-refused')),
        JSON.stringify(wsEvents('leak-ws-invalid')),
      );
      expect(wsEvents('leak-ws-refused').some((e) => e.type === 'rejected')).toBe(true);

      // a GraphQL subscription whose "Connecting to ws://…?token=…" line would quote it
      const subscribed = await dispatch(courier.handlers, 'graphql.subscribe', {
        subscriptionId: 'leak-gql',
        request: {
          method: 'POST',
          url: `${graphqlServer.url}?token={{apiKey}}`,
          body: { kind: 'graphql', query: 'subscription { countdown(from: 1, intervalMs: 5) }' },
        },
      });
      expect(subscribed.ok).toBe(true);
      const gqlItems = () => events.filter((e) => e.event === 'graphql.subscription').flatMap((e) => (e.payload as EventPayload<'graphql.subscription'>).items);
      await expect.poll(() => gqlItems().some((item) => item.kind === 'complete')).toBe(true);
      expect(gqlItems()[0]?.message).toMatch(/^Connecting to .*token=••••••/);
      shown.push(JSON.stringify(gqlItems()));

      // a WebSocket request saved to a collection with the literal typed into its handshake auth
      const wsCollection = (await call(courier, 'workspace.createContainer', { parent: null, name: 'Sockets' })) as { path: string };
      const savedWs = (await call(courier, 'workspace.createWebSocket', {
        parent: wsCollection.path,
        name: 'Typed token',
        request: { url: `${wsServer.origin}/headers?token={{apiKey}}`, auth: { kind: 'bearer', token: CANARY } },
        messages: [{ name: 'hello', kind: 'text', body: 'token is {{apiKey}}' }],
      })) as { path: string; warnings: string[] };
      // the typed token went to the vault: the file holds a reference and nothing had to be dropped
      expect(savedWs.warnings).toEqual([]);
      const wsFile = (await call(courier, 'workspace.readWebSocket', { path: savedWs.path })) as { request: { auth: { kind: string; token?: string } } };
      expect(wsFile.request.auth.token).toMatch(/^\{\{\$credential\.[^}]+\}\}$/);
      await call(courier, 'workspace.saveWebSocket', {
        path: savedWs.path,
        request: { url: `${wsServer.origin}/headers`, auth: { kind: 'basic', username: 'ann', password: CANARY } },
        messages: [],
      });
      await call(courier, 'workspace.duplicate', { path: savedWs.path });

      for (const text of shown) for (const needle of leakNeedles(CANARY)) expect(text, needle.form).not.toContain(needle.bytes.toString());
      await courier.close();
      const { hits } = await scanForSecret([dataDir, exportDir], CANARY);
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

/** A Courier in a temporary data folder with the canary as a secret global variable `apiKey`. */
async function courierWithCanary(): Promise<{ courier: Courier; dataDir: string; dispose: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-leak-data-'));
  const courier = createCourier({ dataDir, mode: 'web', version: '1.0.0', openExternal: () => false, scrypt: FAST_SCRYPT });
  await call(courier, 'vault.unlock', { passphrase: 'correct horse battery staple' });
  await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'apiKey', value: CANARY, secret: true }] });
  return {
    courier,
    dataDir,
    dispose: async () => {
      await courier.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe('a redirect to another origin', () => {
  // Two servers on 127.0.0.1 with different ports: two origins. The first repeats the query in its Location.
  let second: TestServer;
  let first: TestServer;
  const secondSaw: string[] = [];
  beforeAll(async () => {
    second = await startHttpServer((req, res) => {
      secondSaw.push(JSON.stringify({ url: req.url, headers: req.headers }));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('landed');
    });
    first = await startHttpServer((req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').search;
      res.writeHead(302, { location: `${second.origin}/landing${query}` }).end();
    });
  });
  afterAll(() => Promise.all([first.close(), second.close()]));

  const requests = (keep: boolean): HttpRequestSpecInput[] => {
    const settings = { keepCredentialsOnRedirect: keep };
    return [
      { method: 'GET', url: `${first.origin}/start`, auth: { kind: 'apikey', name: 'X-Api-Key', value: '{{apiKey}}', in: 'header' }, settings },
      { method: 'GET', url: `${first.origin}/start`, headers: [{ name: 'X-Custom-Token', value: 'tok {{apiKey}}' }], settings },
      { method: 'GET', url: `${first.origin}/start?page=2`, auth: { kind: 'apikey', name: 'api_key', value: '{{apiKey}}', in: 'query' }, settings },
      { method: 'GET', url: `${first.origin}/start`, params: [{ name: 'sig', value: '{{apiKey}}' }], settings },
    ];
  };
  // the query decoded as a server would read it, and every header as sent
  const sawCanary = (line: string): boolean => {
    const seen = JSON.parse(line) as { url: string; headers: Record<string, string> };
    const query = [...new URL(seen.url, 'http://x').searchParams.values()];
    return [...query, ...Object.values(seen.headers)].some((value) => value.includes(CANARY));
  };

  it('sends no API key, secret-bearing header or secret query parameter to the second origin, and warns', async () => {
    const { courier, dispose } = await courierWithCanary();
    try {
      secondSaw.length = 0;
      for (const [index, request] of requests(false).entries()) {
        const exchange = (await call(courier, 'http.send', { requestId: `redirect-${index}`, request })) as {
          warnings: string[];
          response: { status: number };
        };
        expect(exchange.response.status).toBe(200);
        expect(exchange.warnings.join(' ')).toMatch(new RegExp(`not sent to ${second.origin}|taken out of the redirect to ${second.origin}`));
      }
      expect(secondSaw).toHaveLength(4);
      expect(secondSaw.filter(sawCanary)).toEqual([]);
      // the rest of the request still arrives
      expect(secondSaw[2]).toContain('page=2');
    } finally {
      await dispose();
    }
  });

  it('keeps them when the request opts in, and says so', async () => {
    const { courier, dispose } = await courierWithCanary();
    try {
      secondSaw.length = 0;
      for (const [index, request] of requests(true).entries()) {
        const exchange = (await call(courier, 'http.send', { requestId: `kept-${index}`, request })) as { warnings: string[] };
        if (index < 2) expect(exchange.warnings.join(' ')).toMatch(/sent on to .*keeps credentials on redirects/);
      }
      expect(secondSaw.filter(sawCanary)).toHaveLength(4);
    } finally {
      await dispose();
    }
  });
});

describe('echoes in other encodings and {{$env}} values', () => {
  // Answers with the canary in the encoding its path names: PHP, .NET, HTML, JSON in JSON, lowercase percent…
  let encoder: TestServer;
  beforeAll(async () => {
    encoder = await startHttpServer((req, res) => {
      const index = Number(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
      const needle = leakNeedles(CANARY)[index];
      res.writeHead(200, { 'content-type': index % 2 === 0 ? 'application/json' : 'text/html; charset=utf-8' });
      res.end(`{"echo":"${needle?.bytes.toString() ?? ''}","form":"${needle?.form ?? ''}"}`);
    });
  });
  afterAll(() => encoder.close());

  async function sendAll(courier: Courier, requests: HttpRequestSpecInput[]): Promise<string[]> {
    const added = whenAdded(courier, requests.length);
    const shown: string[] = [];
    for (const [index, request] of requests.entries()) {
      shown.push(JSON.stringify(await call(courier, 'http.send', { requestId: `enc-${index}`, request })));
    }
    await added;
    return shown;
  }

  async function exportAndScan(courier: Courier, dataDir: string, entries: number): Promise<void> {
    const exportDir = await mkdtemp(path.join(os.tmpdir(), 'courier-leak-export-'));
    try {
      const har = (await call(courier, 'history.exportHar', { filter: {} })) as { har: string; entries: number };
      expect(har.entries).toBe(entries);
      await writeFile(path.join(exportDir, 'history.har'), har.har);
      await courier.close();
      const { hits, filesScanned } = await scanForSecret([dataDir, exportDir], CANARY);
      expect(filesScanned).toBeGreaterThan(2);
      expect(hits).toEqual([]);
    } finally {
      await rm(exportDir, { recursive: true, force: true });
    }
  }

  it('leaves no canary in any file when servers echo it in each encoding', async () => {
    const { courier, dataDir, dispose } = await courierWithCanary();
    try {
      const forms = leakNeedles(CANARY);
      expect(forms.map((form) => form.form)).toEqual(
        expect.arrayContaining(['php json_encode', '.NET JavaScriptEncoder', 'html hex entities', 'json in a json string']),
      );
      const requests: HttpRequestSpecInput[] = forms.map((_, index) => ({
        method: 'GET',
        url: `${encoder.origin}/${index}`,
        headers: [{ name: 'X-Key', value: '{{apiKey}}' }],
      }));
      const shown = await sendAll(courier, requests);
      for (const text of shown) for (const needle of forms) expect(text.includes(needle.bytes.toString())).toBe(false);
      await exportAndScan(courier, dataDir, requests.length);
    } finally {
      await dispose();
    }
  });

  it('keeps an OAuth client secret a token endpoint echoes escaped in its error out of history and HAR', async () => {
    const forms = leakNeedles(CANARY).filter((needle) => !needle.form.startsWith('base64'));
    const tokenServer = await startHttpServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      const echoes = forms.map((needle, index) => `"echo${index}":"${needle.bytes.toString()}"`).join(',');
      res.end(`{"error":"invalid_client","error_description":"client secret was wrong",${echoes}}`);
    });
    const { courier, dataDir, dispose } = await courierWithCanary();
    try {
      const added = whenAdded(courier, 1);
      const failed = await dispatch(courier.handlers, 'http.send', {
        requestId: 'oauth-echo',
        request: {
          method: 'GET',
          url: `${echo.origin}/echo`,
          auth: {
            kind: 'oauth2',
            grant: 'client_credentials',
            tokenUrl: `${tokenServer.origin}/token`,
            clientId: 'app',
            clientSecret: '{{apiKey}}',
            clientAuth: 'body',
          },
        },
      });
      expect(failed.ok).toBe(false);
      if (failed.ok) return;
      expect(failed.error.code).toBe('OAUTH_ERROR');
      expect(failed.error.detail).toContain('echo1');
      for (const needle of leakNeedles(CANARY)) expect(JSON.stringify(failed)).not.toContain(needle.bytes.toString());
      await added;
      await exportAndScan(courier, dataDir, 1);
    } finally {
      await dispose();
      await tokenServer.close();
    }
  });

  it('refuses {{$env.NAME}} until allowed (naming it and the host), then masks its value everywhere', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-leak-data-'));
    const courier = createCourier({
      dataDir,
      mode: 'web',
      version: '1.0.0',
      openExternal: () => false,
      scrypt: FAST_SCRYPT,
      processEnv: { LEAK_TOKEN: CANARY },
    });
    try {
      const request: HttpRequestSpecInput = {
        method: 'POST',
        url: `${echo.origin}/echo?t={{$env.LEAK_TOKEN}}`,
        headers: [{ name: 'X-Env', value: '{{$env.LEAK_TOKEN}}' }],
        body: { kind: 'json', text: '{"token":"{{$env.LEAK_TOKEN}}"}' },
      };
      const before = received.length;
      const refused = await dispatch(courier.handlers, 'http.send', { requestId: 'env-refused', request });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('ENV_NOT_ALLOWED');
      expect(refused.error.message).toContain('LEAK_TOKEN');
      expect(refused.error.message).toContain(new URL(echo.origin).host);
      expect(received.length).toBe(before);

      await call(courier, 'variables.allowEnv', { names: ['LEAK_TOKEN'] });
      const shown = await sendAll(courier, [request]);
      expect(received.at(-1)).toContain(CANARY);
      for (const text of shown) for (const needle of leakNeedles(CANARY)) expect(text.includes(needle.bytes.toString())).toBe(false);
      await exportAndScan(courier, dataDir, 1);
    } finally {
      await courier.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
