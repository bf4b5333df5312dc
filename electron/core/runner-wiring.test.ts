import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type HttpExchange, type MethodHandlers, type VariablesState } from '../../shared/contract';
import { junitReport, parseDataFile, requestFailed } from '../../shared/runner';
import { closedPort, startHttpServer, type TestServer } from '../test-support';
import { createRunner, RunInputError, type RunEvent } from '../services/runner';
import { createCourier, type Courier } from './create-courier';

// A run drives the same contract handlers as the app, against a real local server.
let server: TestServer;
const hits: { url: string; at: number }[] = [];
let limited = 0;

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = req.url ?? '';
    hits.push({ url, at: Date.now() });
    if (url.startsWith('/limited') && limited++ === 0) {
      res.writeHead(429, { 'Retry-After': '1' }).end('slow down');
    } else if (url.startsWith('/forever-limited')) {
      res.writeHead(429, { 'Retry-After': '120' }).end('slow down');
    } else if (url.startsWith('/quota')) {
      res.writeHead(200, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1' }).end('last one');
    } else if (url.startsWith('/slow')) {
      setTimeout(() => res.end('late'), 5000);
    } else if (url.startsWith('/args')) {
      // httpbin's /get shape: the query's values under args
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ args: Object.fromEntries(new URL(url, 'http://x').searchParams) }));
    } else if (url.startsWith('/fail')) {
      res.writeHead(500).end('no');
    } else {
      res.end('ok');
    }
  });
});
afterAll(() => server.close());

let dataDir: string;
let courier: Courier;
const call = async <T = Record<string, unknown>>(method: string, input: unknown): Promise<T> => {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
};

beforeEach(async () => {
  hits.length = 0;
  limited = 0;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-runner-'));
  courier = createCourier({
    dataDir,
    mode: 'web',
    version: '0',
    openExternal: () => false,
    scrypt: { N: 1024, r: 8, p: 1 },
    onInternalError: (e) => console.error(e),
  });
});
afterEach(async () => {
  await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** API (base variable) → [A, Users → [B, C], D] with the given URLs */
async function collection(urls: { a: string; b: string; c: string; d: string }) {
  const api = (await call<{ path: string }>('workspace.createContainer', { parent: null, name: 'API' })).path;
  await call('workspace.saveContainer', { path: api, settings: { name: 'API', variables: [{ name: 'base', value: server.origin }] } });
  const a = (await call<{ path: string }>('workspace.createRequest', { parent: api, name: 'A', request: { method: 'GET', url: urls.a } })).path;
  const users = (await call<{ path: string }>('workspace.createContainer', { parent: api, name: 'Users' })).path;
  await call('workspace.createRequest', { parent: users, name: 'B', request: { method: 'POST', url: urls.b } });
  await call('workspace.createRequest', { parent: users, name: 'C', request: { method: 'GET', url: urls.c } });
  await call('workspace.createRequest', { parent: api, name: 'D', request: { method: 'GET', url: urls.d } });
  return { api, users, a };
}

describe('the collection runner', () => {
  it('sends a collection in tree order, once per data row, each row resolving {{column}} for its iteration only', async () => {
    const { api } = await collection({ a: '{{base}}/a/{{user}}', b: '{{base}}/b/{{user}}', c: '{{base}}/c?n={{n}}', d: '{{base}}/d' });
    const data = parseDataFile('user,n\nada_l,1\nbob,2\n', 'users.csv');
    const events: RunEvent[] = [];
    const result = await createRunner({ handlers: courier.handlers }).run({ paths: [api], data, onEvent: (event) => events.push(event) });
    expect(hits.map((hit) => hit.url)).toEqual(['/a/ada_l', '/b/ada_l', '/c?n=1', '/d', '/a/bob', '/b/bob', '/c?n=2', '/d']);
    expect(result).toMatchObject({ name: 'API', iterations: 2, cancelled: false, bailed: false, totals: { requests: 8, failedRequests: 0 } });
    expect(result.requests[1]).toMatchObject({
      iteration: 1,
      name: 'B',
      folder: 'API / Users',
      method: 'POST',
      status: 200,
      url: `${server.origin}/b/ada_l`,
      error: null,
    });
    expect(result.requests[0]!.timeMs).toBeGreaterThanOrEqual(0);
    expect(events.filter((event) => event.type === 'request-started')).toHaveLength(8);
    expect(events.filter((event) => event.type === 'request-finished')).toHaveLength(8);
    expect(events.at(-1)?.type).toBe('run-finished');
    // nothing of the data stayed behind in any stored scope
    expect(JSON.stringify(await call<VariablesState>('variables.state', {}))).not.toContain('ada_l');
  });

  it('gives scripts the data row: pm.iterationData, and pm.variables under a local pm.variables.set', async () => {
    const api = (await call<{ path: string }>('workspace.createContainer', { parent: null, name: 'API' })).path;
    await call('workspace.saveContainer', {
      path: api,
      settings: {
        name: 'API',
        variables: [
          { name: 'base', value: server.origin },
          { name: 'q', value: 'from the collection' },
        ],
      },
    });
    const preRequest = [
      'pm.variables.set("seen", pm.iterationData.get("q") + "." + pm.variables.get("q") + "." + pm.iterationData.has("q") + "." + pm.info.iteration);',
    ].join('\n');
    const postResponse = [
      'pm.test("row from iterationData", () => pm.expect(pm.response.json().args.row).to.eql(pm.iterationData.get("q")));',
      'pm.test("row from variables", () => pm.expect(pm.response.json().args.row).to.eql(pm.variables.get("q")));',
      'pm.test("toObject", () => pm.expect(pm.iterationData.toObject()).to.eql({ q: pm.response.json().args.row, other: "x" + pm.response.json().args.row }));',
      'pm.test("pre-request saw it", () => pm.expect(pm.response.json().args.seen).to.eql([pm.iterationData.get("q"), pm.iterationData.get("q"), "true", String(pm.info.iteration)].join(".")));',
      'pm.test("info", () => pm.expect([pm.info.iteration, pm.info.iterationCount]).to.eql([Number(pm.iterationData.get("q")) - 1, 3]));',
      'pm.variables.set("q", "local");',
      'pm.test("local wins", () => pm.expect(pm.variables.get("q")).to.eql("local"));',
    ].join('\n');
    await call('workspace.createRequest', {
      parent: api,
      name: 'Row',
      request: { method: 'GET', url: '{{base}}/args?row={{q}}&seen={{seen}}', scripts: { preRequest, postResponse } },
    });
    const data = parseDataFile('q,other\n1,x1\n2,x2\n3,x3\n', 'rows.csv');
    const result = await createRunner({ handlers: courier.handlers }).run({ paths: [api], data });
    expect(hits.map((hit) => hit.url.split('&')[0])).toEqual(['/args?row=1', '/args?row=2', '/args?row=3']);
    const failed = result.requests.flatMap((run) =>
      run.tests.filter((test) => test.outcome !== 'passed').map((test) => `${run.iteration} ${test.name}: ${test.message ?? ''}`),
    );
    expect(failed).toEqual([]);
    expect(result.requests.map((run) => run.tests.length)).toEqual([6, 6, 6]);
  });

  it("follows postman.setNextRequest from the requests' own scripts: either kind, the last call winning, null ending the iteration", async () => {
    const api = (await call<{ path: string }>('workspace.createContainer', { parent: null, name: 'API' })).path;
    await call('workspace.saveContainer', { path: api, settings: { name: 'API', variables: [{ name: 'base', value: server.origin }] } });
    const request = (name: string, scripts: { preRequest?: string; postResponse?: string }) =>
      call('workspace.createRequest', { parent: api, name, request: { method: 'GET', url: `{{base}}/${name.toLowerCase()}`, scripts } });
    await request('A', { postResponse: 'postman.setNextRequest("C");' });
    await request('B', {});
    // the post-response call comes last, so it wins over the pre-request one
    await request('C', { preRequest: 'postman.setNextRequest("A");', postResponse: 'postman.setNextRequest("E");' });
    await request('D', {});
    await request('E', { preRequest: 'postman.setNextRequest(null);' });
    await request('F', {});
    const result = await createRunner({ handlers: courier.handlers }).run({ paths: [api], iterations: 2 });
    expect(hits.map((hit) => hit.url)).toEqual(['/a', '/c', '/e', '/a', '/c', '/e']);
    expect(result.totals.failedRequests).toBe(0);
  });

  it('reuses the last data row when there are more iterations than rows', async () => {
    const { users } = await collection({ a: '{{base}}/a', b: '{{base}}/b/{{user}}', c: '{{base}}/c', d: '{{base}}/d' });
    await createRunner({ handlers: courier.handlers }).run({ paths: [users], iterations: 3, data: [{ user: 'first' }, { user: 'last' }] });
    expect(hits.map((hit) => hit.url).filter((url) => url.startsWith('/b/'))).toEqual(['/b/first', '/b/last', '/b/last']);
  });

  it('runs one folder, or a selection in tree order whatever order it was given in', async () => {
    const { users, a } = await collection({ a: '{{base}}/a', b: '{{base}}/b', c: '{{base}}/c', d: '{{base}}/d' });
    const runner = createRunner({ handlers: courier.handlers });
    await runner.run({ paths: [users] });
    expect(hits.map((hit) => hit.url)).toEqual(['/b', '/c']);
    hits.length = 0;
    await runner.run({ paths: [users, a] });
    expect(hits.map((hit) => hit.url)).toEqual(['/a', '/b', '/c']);
    await expect(runner.run({ paths: ['API/nope'] })).rejects.toThrow(RunInputError);
  });

  it('waits out a 429 with Retry-After, showing a countdown, and sends once more', async () => {
    const { api } = await collection({ a: '{{base}}/limited', b: '{{base}}/b', c: '{{base}}/c', d: '{{base}}/d' });
    const waits: Extract<RunEvent, { type: 'rate-limit-wait' }>[] = [];
    const result = await createRunner({ handlers: courier.handlers }).run({
      paths: [api],
      onEvent: (event) => event.type === 'rate-limit-wait' && waits.push(event),
    });
    expect(result.requests[0]).toMatchObject({ status: 200, retried: true });
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(950);
    expect(waits[0]).toMatchObject({ source: 'Retry-After', waitMs: 1000, remainingMs: 1000, name: 'A' });
    expect(waits.at(-1)?.remainingMs).toBe(0);
    expect(result.totals.failedRequests).toBe(0);
  });

  it('caps the wait, retries once only, and holds the next request while a quota is spent', async () => {
    const { api } = await collection({ a: '{{base}}/forever-limited', b: '{{base}}/quota', c: '{{base}}/c', d: '{{base}}/d' });
    const started = Date.now();
    const result = await createRunner({ handlers: courier.handlers }).run({ paths: [api], maxRateLimitWaitMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(hits.map((hit) => hit.url).slice(0, 3)).toEqual(['/forever-limited', '/forever-limited', '/quota']);
    expect(result.requests[0]).toMatchObject({ status: 429, retried: true });
    // still rate limited after the wait and the retry: not a pass
    expect(result.requests[0]!.error).toEqual({ code: 'RATE_LIMITED', message: 'still rate limited (429) after waiting 0.3 s' });
    expect(requestFailed(result.requests[0]!)).toBe(true);
    expect(result.totals.failedRequests).toBe(1);
    expect(junitReport(result)).toMatch(/<error message="still rate limited \(429\) after waiting 0.3 s" type="RATE_LIMITED">/);
    // X-RateLimit-Remaining: 0 with a 1 s reset, capped to 300 ms: C waits for it
    expect(hits[3]!.at - hits[2]!.at).toBeGreaterThanOrEqual(280);
  });

  it('keeps the delay and the requests-per-second cap between requests', async () => {
    const { api } = await collection({ a: '{{base}}/a', b: '{{base}}/b', c: '{{base}}/c', d: '{{base}}/d' });
    await createRunner({ handlers: courier.handlers }).run({ paths: [api], delayMs: 150 });
    const gaps = hits.slice(1).map((hit, index) => hit.at - hits[index]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(140);
    hits.length = 0;
    await createRunner({ handlers: courier.handlers }).run({ paths: [api], requestsPerSecond: 5 });
    expect(hits.at(-1)!.at - hits[0]!.at).toBeGreaterThanOrEqual(3 * 200 - 30);
  });

  it('keeps the delay between every two requests of the run, across iterations too, and says what it waits for', async () => {
    const { users } = await collection({ a: '{{base}}/a', b: '{{base}}/b', c: '{{base}}/c', d: '{{base}}/d' });
    const events: RunEvent[] = [];
    await createRunner({ handlers: courier.handlers }).run({ paths: [users], iterations: 2, delayMs: 150, onEvent: (event) => events.push(event) });
    expect(hits.map((hit) => hit.url)).toEqual(['/b', '/c', '/b', '/c']);
    const gaps = hits.slice(1).map((hit, index) => hit.at - hits[index]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(140);
    // one delay event before each request but the first, naming the request that comes next
    const delays = events.filter((event) => event.type === 'delay');
    expect(delays).toEqual([
      { type: 'delay', iteration: 1, path: expect.any(String), name: 'C', waitMs: 150 },
      { type: 'delay', iteration: 2, path: expect.any(String), name: 'B', waitMs: 150 },
      { type: 'delay', iteration: 2, path: expect.any(String), name: 'C', waitMs: 150 },
    ]);
    const order = events.map((event) => (event.type === 'delay' || event.type === 'request-started' ? `${event.type}:${event.name}` : event.type));
    expect(order.indexOf('delay:C')).toBeLessThan(order.indexOf('request-started:C'));
  });

  it('stops at the first failure with bail, and counts a request with no response as failed', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const { api } = await collection({ a: '{{base}}/a', b: `${dead}/b`, c: '{{base}}/c', d: '{{base}}/d' });
    const result = await createRunner({ handlers: courier.handlers }).run({ paths: [api], bail: true, iterations: 3 });
    expect(result.bailed).toBe(true);
    expect(result.requests.map((run) => run.name)).toEqual(['A', 'B']);
    expect(result.requests[1]!.error?.code).toBeTruthy();
    expect(result.totals.failedRequests).toBe(1);
    // without bail the run goes on, and a 500 alone is an answer, not a failure
    const all = await createRunner({ handlers: courier.handlers }).run({ paths: [api] });
    expect(all.requests).toHaveLength(4);
  });

  it('is cancelled at any moment, the request in flight included', async () => {
    const { api } = await collection({ a: '{{base}}/a', b: '{{base}}/slow', c: '{{base}}/c', d: '{{base}}/d' });
    const controller = new AbortController();
    const started = Date.now();
    const result = await createRunner({ handlers: courier.handlers }).run({
      paths: [api],
      signal: controller.signal,
      onEvent: (event) => event.type === 'request-started' && event.name === 'B' && setTimeout(() => controller.abort(), 100),
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.cancelled).toBe(true);
    expect(result.requests.map((run) => run.name)).toEqual(['A', 'B']);
    expect(result.requests[1]!.error?.code).toBe('CANCELLED');
    // the request stopped in flight is cancelled, not failed
    expect(result.totals).toMatchObject({ requests: 2, failedRequests: 0, cancelledRequests: 1 });
    expect(hits.map((hit) => hit.url)).toEqual(['/a', '/slow']);
  });

  it('applies the run settings to every request (the --timeout of the CLI)', async () => {
    const { api } = await collection({ a: '{{base}}/slow', b: '{{base}}/b', c: '{{base}}/c', d: '{{base}}/d' });
    const started = Date.now();
    const result = await createRunner({ handlers: courier.handlers }).run({ paths: [api], settings: { deadlineMs: 300 } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.requests[0]!.error?.code).toBe('DEADLINE_EXCEEDED');
    expect(result.requests.slice(1).every((run) => run.status === 200)).toBe(true);
  });

  it('uses the environment asked for and puts the active one back', async () => {
    const { api } = await collection({ a: '{{base}}/a/{{stage}}', b: '{{base}}/b', c: '{{base}}/c', d: '{{base}}/d' });
    let state = await call<VariablesState>('environments.create', { name: 'Staging' });
    const staging = state.environments[0]!.id;
    await call('variables.saveScope', { scopeId: staging, variables: [{ name: 'stage', value: 'staging' }] });
    state = await call<VariablesState>('environments.create', { name: 'Prod' });
    const prod = state.environments.find((environment) => environment.name === 'Prod')!.id;
    await call('environments.setActive', { id: prod });
    const result = await createRunner({ handlers: courier.handlers }).run({ paths: [api], environment: 'Staging' });
    expect(hits[0]!.url).toBe('/a/staging');
    expect(result.environment).toBe('Staging');
    expect((await call<VariablesState>('variables.state', {})).activeEnvironmentId).toBe(prod);
    await expect(createRunner({ handlers: courier.handlers }).run({ paths: [api], environment: 'Nope' })).rejects.toThrow(
      /No environment named "Nope" \(environments: Staging, Prod\)/,
    );
  });

  it('masks the values it is given in URLs and error messages', async () => {
    const { api } = await collection({ a: '{{base}}/a?key=canary-123456', b: 'http://canary-123456.invalid/b', c: '{{base}}/c', d: '{{base}}/d' });
    const result = await createRunner({ handlers: courier.handlers }).run({ paths: [api], maskValues: ['canary-123456'] });
    expect(JSON.stringify(result)).not.toContain('canary-123456');
    expect(result.requests[1]!.error).not.toBeNull();
  });
});

describe('what the send path returns (stand-ins for the assertion and script work)', () => {
  /** the real handlers, with http.send's answer annotated the way the send path will annotate it */
  function annotated(annotate: (exchange: HttpExchange) => Partial<HttpExchange>): MethodHandlers {
    return {
      ...courier.handlers,
      'http.send': async (input) => {
        const exchange = await courier.handlers['http.send'](input);
        return { ...exchange, ...annotate(exchange) };
      },
    };
  }

  it('collects the test results a send returns, counts failures and stops on one with bail', async () => {
    const { api } = await collection({ a: '{{base}}/a', b: '{{base}}/fail', c: '{{base}}/c', d: '{{base}}/d' });
    const handlers = annotated((exchange) => ({
      tests: {
        results: [
          {
            name: 'status is 200',
            outcome: exchange.response.status === 200 ? 'passed' : 'failed',
            source: 'assertion',
            ...(exchange.response.status === 200 ? {} : { message: `expected 200, got ${exchange.response.status}` }),
          },
          { name: 'later', outcome: 'skipped', source: 'script' },
        ],
        captures: [],
      },
    }));
    const result = await createRunner({ handlers }).run({ paths: [api], bail: true });
    expect(result.requests.map((run) => run.name)).toEqual(['A', 'B']);
    expect(result.requests[1]!.tests[0]).toMatchObject({ outcome: 'failed', message: 'expected 200, got 500' });
    expect(result.totals).toMatchObject({ tests: 4, passedTests: 1, failedTests: 1, skippedTests: 2, failedRequests: 1 });
  });

  it('honours setNextRequest: a name jumps (loops included), null ends the iteration', async () => {
    const { api } = await collection({ a: '{{base}}/a', b: '{{base}}/b', c: '{{base}}/c', d: '{{base}}/d' });
    let loops = 0;
    const handlers = annotated((exchange) => {
      const url = exchange.request.url;
      if (url.endsWith('/a')) return { nextRequest: 'C' };
      if (url.endsWith('/c')) return { nextRequest: loops++ < 1 ? 'C' : 'D' };
      if (url.endsWith('/d')) return { nextRequest: null };
      return {};
    });
    await createRunner({ handlers }).run({ paths: [api], iterations: 2 });
    expect(hits.map((hit) => hit.url)).toEqual(['/a', '/c', '/c', '/d', '/a', '/c', '/d']);
  });
});
