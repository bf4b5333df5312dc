import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type HttpExchange, type HttpRequestSpecInput } from '../../shared/contract';
import { SECRET_MASK } from '../../shared/variables';
import { scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * pm.sendRequest (Postman's, callback and promise forms) through Courier's own engine, against real servers: the
 * answer reaches the script before its run ends, its network wait is not the script's CPU time, only the request's
 * own origin is reachable, Cancel stops it, and what it carried of a secret is masked.
 */
const CANARY = 'Zx7!sendRequest-canary s3cr3t';
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };
let api: TestServer;
let other: TestServer;
const seen: { url: string; method: string; headers: IncomingHttpHeaders; body: string }[] = [];
const elsewhere: string[] = [];
const hanging: ServerResponse[] = [];
let onHang: (() => void) | null = null;

beforeAll(async () => {
  api = await startHttpServer((req, res, body) => {
    const url = req.url ?? '';
    seen.push({ url, method: req.method ?? '', headers: req.headers, body: body.toString('utf8') });
    if (url.startsWith('/hang')) {
      hanging.push(res);
      onHang?.();
      return;
    }
    const delay = /[?&]delay=(\d+)/.exec(url);
    const answer = () => {
      if (url.startsWith('/redirect-home')) {
        res.writeHead(302, { Location: '/token' }).end();
        return;
      }
      if (url.startsWith('/redirect-away')) {
        res.writeHead(307, { Location: `${other.origin}/collect` }).end();
        return;
      }
      if (url.startsWith('/big')) {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end(Buffer.alloc(11 * 1024 * 1024, 'a'));
        return;
      }
      if (url.startsWith('/token')) {
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Kind': 'token' }).end(JSON.stringify({ token: `tok-${seen.length}` }));
        return;
      }
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ url, method: req.method, key: req.headers['x-key'] ?? null, body: body.toString('utf8') }));
    };
    if (delay) setTimeout(answer, Number(delay[1]));
    else answer();
  });
  other = await startHttpServer((req, res) => {
    elsewhere.push(req.url ?? '');
    res.end('stolen');
  });
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await api.close();
  await other.close();
});

let dataDir: string;
let courier: Courier;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-send-request-'));
  courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: FAST_SCRYPT, onInternalError: (e) => console.error(e) });
});
afterEach(async () => {
  await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

let sends = 0;
function send(request: HttpRequestSpecInput, requestId = `sr-${++sends}`) {
  return dispatch(courier.handlers, 'http.send', { requestId, request });
}
async function sent(request: HttpRequestSpecInput): Promise<HttpExchange> {
  const result = await send(request);
  if (!result.ok) throw new Error(`http.send: ${result.error.code} ${result.error.message}`);
  return result.value as HttpExchange;
}
const results = (exchange: HttpExchange) => (exchange.tests?.results ?? []).map((test) => [test.name, test.outcome, test.message ?? '']);
const consoleOf = (exchange: HttpExchange) => (exchange.scriptConsole ?? []).map((line) => line.text);

describe('pm.sendRequest', () => {
  it('callback form: the response (code, status, headers, text, json, responseTime) reaches the script, and a value set from it is used by the main request', async () => {
    const preRequest = [
      `pm.sendRequest("${api.origin}/token", function (err, res) {`,
      '  console.log("err", err, res.code, res.status, res.headers.get("x-kind"), res.headers.has("X-Kind"), res.headers.toObject()["Content-Type"], typeof res.responseTime);',
      '  pm.test("token answered", () => pm.expect(res.json()).to.have.property("token"));',
      '  pm.test("text is the body", () => pm.expect(JSON.parse(res.text()).token).to.equal(res.json().token));',
      '  pm.variables.set("token", res.json().token);',
      '});',
    ].join('\n');
    const exchange = await sent({
      method: 'GET',
      url: `${api.origin}/main?t={{token}}`,
      scripts: { preRequest, postResponse: 'pm.test("main saw the token", () => pm.expect(pm.response.json().url).to.match(/t=tok-/));' },
    });
    const token = seen.find((request) => request.url === '/token');
    expect(token?.method).toBe('GET');
    const main = seen.at(-1)!;
    expect(main.url).toMatch(/^\/main\?t=tok-\d+$/);
    expect(consoleOf(exchange)).toEqual(['err null 201 Created token true application/json number']);
    expect(results(exchange)).toEqual([['main saw the token', 'passed', '']]);
    // history keeps the send itself, not the script's request
    const list = (await call('history.list', { filter: {} })) as { entries: { url: string }[] };
    expect(list.entries.map((entry) => entry.url)).toEqual([expect.stringContaining('/main')]);
  });

  it('promise form (top-level await, Postman v11): a POST with a JSON body, chained into pm.environment for the main request', async () => {
    const env = (await call('environments.create', { name: 'dev' })) as { environments: { id: string }[] };
    await call('environments.setActive', { id: env.environments[0]!.id });
    const preRequest = [
      `const res = await pm.sendRequest({ url: "${api.origin}/login", method: "POST", header: { "Content-Type": "application/json" }, body: { mode: "raw", raw: JSON.stringify({ user: "ada" }) } });`,
      'pm.environment.set("session", res.json().method + "-" + JSON.parse(res.json().body).user);',
      'try { await pm.sendRequest("http://127.0.0.1:1/nothing"); } catch (e) { console.log("caught", e.name); }',
    ].join('\n');
    const exchange = await sent({ method: 'GET', url: `${api.origin}/main?s={{session}}`, scripts: { preRequest } });
    const login = seen.find((request) => request.url === '/login');
    expect(login).toMatchObject({ method: 'POST', body: '{"user":"ada"}' });
    expect(login?.headers['content-type']).toBe('application/json');
    expect(seen.at(-1)?.url).toBe('/main?s=POST-ada');
    expect(consoleOf(exchange)).toEqual(['caught SendRequestError']);
    const state = (await call('variables.state', {})) as { environments: { variables: { name: string; value: string }[] }[] };
    expect(state.environments[0]!.variables.find((v) => v.name === 'session')?.value).toBe('POST-ada');
  });

  it('refuses another origin with a message naming both, and sends nothing there', async () => {
    const postResponse = [
      `pm.sendRequest("${other.origin}/collect?k=1", (err, res) => {`,
      '  pm.test("refused", () => { pm.expect(res).to.equal(null); throw err; });',
      '});',
    ].join('\n');
    const exchange = await sent({ method: 'GET', url: `${api.origin}/main`, scripts: { postResponse } });
    expect(results(exchange)).toEqual([['refused', 'failed', `SendRequestError: pm.sendRequest to ${other.origin} is not allowed: only ${api.origin}`]]);
    expect(elsewhere).toEqual([]);
  });

  it('follows a redirect within the origin, and hands the script a redirect to another origin unfollowed', async () => {
    const postResponse = [
      `pm.sendRequest({ url: "${api.origin}/redirect-home", method: "POST", body: "x" }, (err, res) => console.log(res.code, typeof res.json().token));`,
      `pm.sendRequest({ url: "${api.origin}/redirect-away", method: "POST", body: "secret-ish" }, (err, res) => console.log(res.code, res.headers.get("location")));`,
    ].join('\n');
    const exchange = await sent({ method: 'GET', url: `${api.origin}/main`, scripts: { postResponse } });
    expect(consoleOf(exchange)).toEqual(['201 string', `307 ${other.origin}/collect`]);
    expect(seen.find((request) => request.url === '/token')?.method).toBe('GET');
    expect(elsewhere).toEqual([]);
  });

  it("waiting for the network does not use the script's 1 s of CPU: a 1.5 s answer still passes", async () => {
    const started = performance.now();
    const exchange = await sent({
      method: 'GET',
      url: `${api.origin}/main`,
      // after the wait the callback still has CPU time for real work (300 ms): the wait did not use it up
      scripts: {
        postResponse: `pm.sendRequest("${api.origin}/slow?delay=1500", (err, res) => { const until = Date.now() + 300; while (Date.now() < until) {} pm.test("slow answer", () => pm.expect(res.code).to.equal(200)); });`,
      },
    });
    expect(results(exchange)).toEqual([['slow answer', 'passed', '']]);
    expect(performance.now() - started).toBeGreaterThan(1400);
  });

  it('a request slower than its timeout ends in an error for the script', async () => {
    const exchange = await sent({
      method: 'GET',
      url: `${api.origin}/main`,
      settings: { deadlineMs: 500 },
      scripts: { postResponse: `pm.sendRequest("${api.origin}/slow?delay=3000", (err) => console.log(err.message));` },
    });
    expect(consoleOf(exchange)).toEqual([expect.stringMatching(/^The request did not finish within 500 ms/)]);
  });

  it('Cancel stops a pre-request script waiting on pm.sendRequest, and the request is not sent', async () => {
    const count = seen.length;
    const hung = new Promise<void>((resolve) => (onHang = resolve));
    const pending = send({ method: 'GET', url: `${api.origin}/main`, scripts: { preRequest: `pm.sendRequest("${api.origin}/hang", () => {});` } }, 'to-cancel');
    await hung;
    onHang = null;
    const started = performance.now();
    expect(await call('http.cancel', { requestId: 'to-cancel' })).toEqual({ cancelled: true });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(seen.slice(count).map((request) => request.url)).toEqual(['/hang']);
  });

  it('at most 10 per script run, and a body over 10 MB is an error', async () => {
    const postResponse = [
      'for (let i = 0; i < 11; i++) pm.sendRequest(pm.request.url.toString() + "?n=" + i, (err) => { if (err) console.log(err.message); });',
      'pm.sendRequest(pm.request.url.toString().replace("/main", "/big"), (err) => console.log("big", err && err.message));',
    ].join('\n');
    const count = seen.length;
    const exchange = await sent({ method: 'GET', url: `${api.origin}/main`, scripts: { postResponse } });
    expect(consoleOf(exchange)).toEqual([
      'pm.sendRequest(): a script may send at most 10 requests per run.',
      'big pm.sendRequest(): a script may send at most 10 requests per run.',
    ]);
    expect(seen.length - count).toBe(1 + 10);
    // the next run has its own count; the 11 MB body is stopped at 10 MB
    const big = await sent({
      method: 'GET',
      url: `${api.origin}/main`,
      scripts: {
        postResponse: [
          `pm.sendRequest("${api.origin}/big", (err) => console.log(err.message));`,
          `pm.sendRequest({ url: "${api.origin}/upload", method: "POST", body: "x".repeat(10 * 1024 * 1024 + 1) }, (err) => console.log(err.message));`,
        ].join('\n'),
      },
    });
    // the request body is refused at once, in the sandbox; the response is stopped by the engine
    expect(consoleOf(big)).toEqual([
      'pm.sendRequest(): the request body is larger than 10 MB.',
      expect.stringMatching(/^The response from 127\.0\.0\.1:\d+ (is larger than|announces .*more than) the limit of 10\.0 MiB/),
    ]);
    expect(seen.some((request) => request.url === '/upload')).toBe(false);
  });

  it('a secret put in its URL or headers with {{variables}} reaches the server but is masked in the console, and never on disk', async () => {
    await call('vault.unlock', { passphrase: 'correct horse battery staple' });
    await call('variables.saveScope', { scopeId: 'global', variables: [{ name: 'apiKey', value: CANARY, secret: true }] });
    const postResponse = [
      `pm.sendRequest({ url: "${api.origin}/echo?k={{apiKey}}", header: [{ key: "X-Key", value: "{{apiKey}}" }] }, (err, res) => {`,
      '  console.log(res.text());',
      '  console.log(res.json().key);',
      '});',
      `pm.sendRequest("${other.origin}/?k={{apiKey}}", (err) => console.log(err.message));`,
    ].join('\n');
    const exchange = await sent({ method: 'GET', url: `${api.origin}/main`, scripts: { postResponse } });
    const echo = seen.find((request) => request.url.startsWith('/echo'));
    expect(echo?.headers['x-key']).toBe(CANARY);
    const lines = consoleOf(exchange);
    expect(lines).toHaveLength(3);
    expect(JSON.stringify(exchange)).not.toContain(CANARY);
    expect(JSON.stringify(exchange)).not.toContain(encodeURIComponent(CANARY));
    // the echoed key, and the refusal naming the other origin, with the key in no spelling
    expect(lines[1]).toBe(SECRET_MASK);
    expect(lines[2]).toBe(`pm.sendRequest to ${other.origin} is not allowed: only ${api.origin}`);
    expect(elsewhere).toEqual([]);
    await courier.close();
    const { hits } = await scanForSecret([dataDir], CANARY);
    expect(hits).toEqual([]);
  });
});
