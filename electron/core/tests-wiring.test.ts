import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  dispatch,
  methods,
  type EventPayload,
  type HistoryEntry,
  type HttpExchange,
  type HttpRequestSpecInput,
  type MethodName,
  type VariablesState,
} from '../../shared/contract';
import { leakNeedles, scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * Tests on a request through the real send path: assertions evaluated and captures applied in the main process after a
 * response, results returned with the exchange and kept in history; a secret capture goes to the vault and is never
 * on disk in plain text (canary scan of every file written).
 */
const CANARY = 'tok-Kq9canaryS3cr3tZz';
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };
let server: TestServer;
const seen: { url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    if (req.url === '/login') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Session': 'sess-1' });
      res.end(JSON.stringify({ token: CANARY, user: { id: 7, name: 'Ada' } }));
    } else if (req.url === '/big') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      // over the test cap (8 MiB) and the body store's spool threshold: read from the spool file, never parsed whole
      res.end(`{"pad":"${'x'.repeat(9 * 1024 * 1024)}","id":1}`);
    } else {
      res.writeHead(req.headers.authorization === `Bearer ${CANARY}` ? 200 : 401, { 'Content-Type': 'text/plain' });
      res.end(`you sent ${req.headers.authorization ?? 'nothing'}`);
    }
  });
});
afterAll(() => server.close());

let dataDir: string;
let courier: Courier;
const logs: string[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-tests-wiring-'));
  courier = createCourier({
    dataDir,
    mode: 'web',
    version: '1.0.0',
    openExternal: () => false,
    scrypt: FAST_SCRYPT,
    onInternalError: (error) => logs.push(String(error)),
  });
  await call('vault.unlock', { passphrase: 'correct horse battery staple' });
});
afterEach(async () => {
  await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: unknown): Promise<unknown> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
// every answer checked against the contract's output schema: what web mode's JSON and Electron's clone both carry
const send = async (request: HttpRequestSpecInput, id = `r${Math.random().toString(36).slice(2)}`): Promise<HttpExchange> =>
  methods['http.send'].output.parse(await call('http.send', { requestId: id, request }));
function nextAdded(): Promise<number> {
  return new Promise((resolve) => {
    const stop = courier.onEvent((event, payload) => {
      const change = payload as EventPayload<'history.changed'>;
      if (event === 'history.changed' && change.reason === 'added') {
        stop();
        resolve(change.summary?.id ?? -1);
      }
    });
  });
}
async function activeEnvironment(): Promise<string> {
  const state = (await call('environments.create', { name: 'dev' })) as VariablesState;
  const id = state.environments[0]!.id;
  await call('environments.setActive', { id });
  return id;
}

describe('tests in the send path', () => {
  it('returns each assertion with its actual value and message, and keeps them in history', async () => {
    const exchange = await send({
      method: 'POST',
      url: `${server.origin}/login`,
      variables: [{ name: 'want', value: '7' }],
      tests: {
        assertions: [
          { target: 'status', operator: 'equals', expected: '200' },
          { target: 'jsonPath', property: '$.user.id', operator: 'equals', expected: '{{want}}' },
          { target: 'header', property: 'x-session', operator: 'equals', expected: 'other' },
          { target: 'jsonPath', property: '$.[?(', operator: 'exists' },
        ],
        captures: [],
      },
    });
    expect(exchange.tests?.results.map((r) => [r.outcome, r.actual ?? null, r.message ?? null])).toEqual([
      ['passed', '200', null],
      ['passed', '7', null],
      ['failed', 'sess-1', 'expected other, got sess-1'],
      ['failed', null, expect.stringMatching(/^Invalid JSONPath/)],
    ]);
    const list = (await call('history.list', { filter: {} })) as { entries: { id: number }[] };
    const entry = (await call('history.get', { id: list.entries[0]!.id })) as HistoryEntry;
    expect(entry.exchange?.tests).toEqual(exchange.tests);
  });

  it('a request without tests gets no tests field (nothing evaluated)', async () => {
    const exchange = await send({ method: 'GET', url: `${server.origin}/login` });
    expect(exchange.tests).toBeUndefined();
  });

  it('captures into the environment, the workspace and the session; the next request uses {{token}}', async () => {
    const envId = await activeEnvironment();
    const exchange = await send({
      method: 'POST',
      url: `${server.origin}/login`,
      tests: {
        assertions: [],
        captures: [
          { source: 'jsonPath', expression: '$.token', variable: 'token', scope: 'environment' },
          { source: 'header', expression: 'X-Session', variable: 'session', scope: 'collection' },
          { source: 'regex', expression: '"name":"(\\w+)"', variable: 'who', scope: 'request' },
          { source: 'jsonPath', expression: '$.missing', variable: 'none', scope: 'environment' },
        ],
      },
    });
    expect(exchange.tests?.captures).toEqual([
      { variable: 'token', scope: 'environment', outcome: 'set', value: CANARY },
      { variable: 'session', scope: 'collection', outcome: 'set', value: 'sess-1' },
      { variable: 'who', scope: 'request', outcome: 'set', value: 'Ada' },
      { variable: 'none', scope: 'environment', outcome: 'failed', message: '$.missing found nothing in the body.' },
    ]);
    const state = (await call('variables.state', {})) as VariablesState;
    expect(state.environments.find((env) => env.id === envId)?.variables.map((v) => [v.name, v.value])).toEqual([['token', CANARY]]);
    expect(state.collection.variables.map((v) => [v.name, v.value])).toEqual([['session', 'sess-1']]);
    const next = await send({ method: 'GET', url: `${server.origin}/me?who={{who}}&s={{session}}`, auth: { kind: 'bearer', token: '{{token}}' } });
    expect(next.response.status).toBe(200);
    expect(seen.at(-1)).toEqual({ url: '/me?who=Ada&s=sess-1', authorization: `Bearer ${CANARY}` });
  });

  it('a capture into the environment with none active fails with the reason and sets nothing', async () => {
    const exchange = await send({
      method: 'POST',
      url: `${server.origin}/login`,
      tests: { assertions: [], captures: [{ source: 'jsonPath', expression: '$.token', variable: 'token' }] },
    });
    expect(exchange.tests?.captures[0]).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/^No environment is active/) });
  });

  it('a body over the test cap is read from the spool only up to the cap, and the result says so', async () => {
    const exchange = await send({
      method: 'GET',
      url: `${server.origin}/big`,
      tests: {
        assertions: [
          { target: 'jsonPath', property: '$.id', operator: 'equals', expected: '1' },
          { target: 'body', operator: 'contains', expected: 'pad' },
          { target: 'bodySize', operator: 'greaterThan', expected: '9000000' },
        ],
        captures: [],
      },
    });
    expect(exchange.body.spooled).toBe(true);
    const [json, text, size] = exchange.tests!.results;
    expect(json).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/only the first 8388608 bytes are read for tests/) });
    expect(text).toMatchObject({ outcome: 'passed', message: expect.stringMatching(/^Only the first 8388608 of 94\d+ body bytes were checked\.$/) });
    expect(text!.actual!.length).toBeLessThanOrEqual(1001);
    expect(size?.outcome).toBe('passed');
  });
});

describe('secret captures never reach the disk', () => {
  it('goes to the vault, is masked in results, the exchange, history and every file; the next request still uses it', async () => {
    await activeEnvironment();
    const added = nextAdded();
    const exchange = await send({
      method: 'POST',
      url: `${server.origin}/login`,
      tests: {
        assertions: [{ target: 'jsonPath', property: '$.token', operator: 'equals', expected: 'wrong' }],
        captures: [
          { source: 'jsonPath', expression: '$.token', variable: 'token', scope: 'environment', secret: true },
          { source: 'regex', expression: '"token":"([^"]+)"', variable: 'again', scope: 'collection', secret: true },
          { source: 'jsonPath', expression: '$.token', variable: 'local', scope: 'request', secret: true },
        ],
      },
    });
    await added;
    expect(exchange.tests?.captures.map((c) => [c.outcome, c.value])).toEqual([
      ['set', '••••••'],
      ['set', '••••••'],
      ['set', '••••••'],
    ]);
    expect(exchange.tests?.results[0]).toMatchObject({ outcome: 'failed', actual: '••••••', message: 'expected wrong, got ••••••' });
    expect(exchange.body.containsSecret).toBe(true);
    const state = (await call('variables.state', {})) as VariablesState;
    expect(state.environments[0]?.variables[0]).toMatchObject({ name: 'token', secret: true, value: '', secretState: 'set' });

    const usedAdded = nextAdded();
    const next = await send({ method: 'GET', url: `${server.origin}/me`, auth: { kind: 'bearer', token: '{{token}}' } });
    await usedAdded;
    expect(next.response.status).toBe(200);
    const viaSession = await send({ method: 'GET', url: `${server.origin}/me`, auth: { kind: 'bearer', token: '{{local}}' } });
    expect(viaSession.response.status).toBe(200);
    for (const text of [JSON.stringify(exchange), JSON.stringify(next), JSON.stringify(viaSession)]) {
      for (const needle of leakNeedles(CANARY)) expect(text.includes(needle.bytes.toString())).toBe(false);
    }
    const list = (await call('history.list', { filter: {} })) as { entries: { id: number }[] };
    for (const { id } of list.entries) expect(JSON.stringify(await call('history.get', { id }))).not.toContain(CANARY);
    await courier.close();

    const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
    expect(filesScanned).toBeGreaterThan(2);
    expect(hits).toEqual([]);
    expect(logs.join('\n')).not.toContain(CANARY);
  });
});

describe('tests in the request file', () => {
  const tests = {
    assertions: [
      { enabled: true, target: 'status', property: '', operator: 'equals', expected: '200' },
      { enabled: false, target: 'jsonPath', property: '$.token', operator: 'exists', expected: '' },
    ],
    captures: [{ enabled: true, source: 'jsonPath', expression: '$.token', variable: 'token', scope: 'environment', secret: true }],
  };

  it('round-trips through save and reopen, duplicate, the session and the collection export', async () => {
    const request = { method: 'POST', url: `${server.origin}/login`, tests };
    const collection = (await call('workspace.createContainer', { parent: null, name: 'Auth' })) as { path: string };
    const saved = (await call('workspace.createRequest', { parent: collection.path, name: 'Login', request })) as { path: string };
    const reopened = (await call('workspace.readRequest', { path: saved.path })) as { request: { tests: unknown } };
    expect(reopened.request.tests).toEqual(tests);
    const copy = (await call('workspace.duplicate', { path: saved.path })) as { path: string };
    expect(((await call('workspace.readRequest', { path: copy.path })) as { request: { tests: unknown } }).request.tests).toEqual(tests);
    await call('workspace.saveSession', { tabs: [{ id: 't', path: null, name: 'Draft', dirty: true, request }], activeId: 't' });
    expect(((await call('workspace.session', {})) as { tabs: { request: { tests: unknown } }[] }).tabs[0]?.request.tests).toEqual(tests);
    const exported = (await call('workspace.exportCollection', { path: collection.path })) as { collection: { items: { request?: { tests?: unknown } }[] } };
    expect(exported.collection.items.map((item) => item.request?.tests)).toEqual([tests, tests]);
    // a saved request sent by its path evaluates its file's tests
    const exchange = (await call('http.send', { requestId: 'from-file', request: reopened.request, workspacePath: saved.path })) as HttpExchange;
    expect(exchange.tests?.results.map((r) => r.outcome)).toEqual(['passed', 'skipped']);
  });
});
