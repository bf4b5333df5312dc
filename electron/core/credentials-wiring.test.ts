import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, httpRequestSpecSchema, type BridgeError, type HttpRequestSpec, type MethodName } from '../../shared/contract';
import { parseCredentialRef } from '../../shared/auth';
import { scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * A credential typed into the Auth tab survives save/reopen, import, history Restore and Re-send (it lives
 * in the vault, the files hold a reference), and a request whose credential is not there is refused before sending.
 */
const CANARY = 'Zx7!cred canary+/=Qq';
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };
const expectedBasic = `Basic ${Buffer.from(`alice:${CANARY}`).toString('base64')}`;

let server: TestServer;
const seen: (string | undefined)[] = [];
let dataDir: string;
let courier: Courier;

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    seen.push(req.headers.authorization);
    const ok = req.headers.authorization === expectedBasic || req.headers.authorization === `Bearer ${CANARY}`;
    res.writeHead(ok ? 200 : 401).end(ok ? 'ok' : 'no');
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-creds-'));
  courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, scrypt: FAST_SCRYPT, onInternalError: (e) => console.error(e) });
});
afterEach(async () => {
  await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: BridgeError };
const tryCall = async (method: MethodName, input: unknown): Promise<Result> => (await dispatch(courier.handlers, method, input)) as Result;
async function call(method: MethodName, input: unknown): Promise<Record<string, unknown>> {
  const result = await tryCall(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
const unlock = () => call('vault.unlock', { passphrase: 'correct horse battery staple' });
const basic = (password: string): HttpRequestSpec =>
  httpRequestSpecSchema.parse({ method: 'GET', url: `${server.origin}/private`, auth: { kind: 'basic', username: 'alice', password } });
const status = (exchange: Record<string, unknown>) => (exchange as { response: { status: number } }).response.status;

async function collection(): Promise<string> {
  return (await call('workspace.createContainer', { parent: null, name: 'API' })).path as string;
}

async function waitForHistory(count: number): Promise<{ id: number }[]> {
  for (let i = 0; i < 200; i += 1) {
    const list = (await call('history.list', {})) as { entries: { id: number }[] };
    if (list.entries.length >= count) return list.entries;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('history did not record');
}

describe('Auth tab credentials kept in the vault', () => {
  it('saves a typed Basic password as a vault reference; reopened, the request is sent with it, and no file holds it', async () => {
    await unlock();
    const api = await collection();
    const saved = await call('workspace.createRequest', { parent: api, name: 'Private', request: basic(CANARY) });
    const file = await readFile(path.join(dataDir, 'workspace', saved.path as string), 'utf8');
    expect(file).not.toContain(CANARY);
    expect(file).not.toContain('••••••');
    const reopened = (await call('workspace.readRequest', { path: saved.path })) as { request: HttpRequestSpec };
    const auth = reopened.request.auth as { password: string };
    expect(parseCredentialRef(auth.password)).not.toBeNull();
    // saved again unchanged: the same reference, not a new vault entry per save
    await call('workspace.saveRequest', { path: saved.path, request: basic(CANARY) });
    expect(await readFile(path.join(dataDir, 'workspace', saved.path as string), 'utf8')).toBe(file);
    const exchange = await call('http.send', { requestId: 'a1', request: reopened.request, workspacePath: saved.path });
    expect(status(exchange)).toBe(200);
    expect(seen.at(-1)).toBe(expectedBasic);
    await waitForHistory(1);
    await courier.close();
    const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
    expect(filesScanned).toBeGreaterThan(2);
    expect(hits).toEqual([]);
  });

  it('refuses to save a typed credential while the vault is not set up, and writes nothing', async () => {
    const api = await collection();
    const result = await tryCall('workspace.createRequest', { parent: api, name: 'Private', request: basic(CANARY) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VAULT_LOCKED');
    expect(result.error.message).toContain('Basic auth password');
    const { hits } = await scanForSecret([dataDir], CANARY);
    expect(hits).toEqual([]);
  });

  it('keeps a reference in history, so Restore and Re-send work', async () => {
    await unlock();
    const bearer = httpRequestSpecSchema.parse({ method: 'GET', url: `${server.origin}/b`, auth: { kind: 'bearer', token: CANARY } });
    expect(status(await call('http.send', { requestId: 'h1', request: bearer }))).toBe(200);
    const [entry] = await waitForHistory(1);
    const stored = (await call('history.get', { id: entry!.id })) as { composed: HttpRequestSpec };
    const token = (stored.composed.auth as { token: string }).token;
    expect(parseCredentialRef(token)).not.toBeNull();
    expect(status(await call('http.send', { requestId: 'h2', request: stored.composed }))).toBe(200);
    expect(seen.at(-1)).toBe(`Bearer ${CANARY}`);
  });

  it('stores the literal credentials of an import in the vault, so the imported request works', async () => {
    await unlock();
    const imported = await call('workspace.importCollections', {
      collections: [
        {
          name: 'Imported',
          items: [{ type: 'request', name: 'Me', request: { method: 'GET', url: `${server.origin}/me`, auth: { kind: 'bearer', token: CANARY } } }],
        },
      ],
    });
    const tree = (await call('workspace.tree', {})) as { nodes: { path: string; kind: string; children?: unknown[] }[] };
    const requestPath = JSON.stringify(tree).match(/"path":"([^"]+\.json)"/)?.[1] ?? '';
    expect(requestPath, JSON.stringify(imported)).not.toBe('');
    const read = (await call('workspace.readRequest', { path: requestPath })) as { request: HttpRequestSpec };
    expect(parseCredentialRef((read.request.auth as { token: string }).token)).not.toBeNull();
    expect(status(await call('http.send', { requestId: 'i1', request: read.request, workspacePath: requestPath }))).toBe(200);
    const { hits } = await scanForSecret([dataDir], CANARY);
    expect(hits).toEqual([]);
  });

  it('keeps a curl import added to an existing collection to the same rule: vault first, then no file holds the password', async () => {
    const api = await collection();
    const parsed = await call('import.parse', { text: `curl -u 'alice:${CANARY}' ${server.origin}/private\ncurl ${server.origin}/public` });
    const input = { collections: parsed.collections, into: api };
    const refused = await tryCall('workspace.importCollections', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect((await call('workspace.tree', {})).nodes).toHaveLength(1);
    await unlock();
    const imported = (await call('workspace.importCollections', input)) as { collections: unknown[]; into: { added: string[] } };
    expect(imported.collections).toEqual([]);
    const [privatePath] = imported.into.added;
    const read = (await call('workspace.readRequest', { path: privatePath })) as { request: HttpRequestSpec };
    expect(parseCredentialRef((read.request.auth as { password: string }).password)).not.toBeNull();
    expect(status(await call('http.send', { requestId: 'c1', request: read.request, workspacePath: privatePath }))).toBe(200);
    expect(seen.at(-1)).toBe(expectedBasic);
    await courier.close();
    const { hits } = await scanForSecret([dataDir], CANARY);
    expect(hits).toEqual([]);
  });

  it('refuses, before sending and naming the field, a masked placeholder, a missing vault entry and a locked vault', async () => {
    await unlock();
    const before = seen.length;
    const masked = await tryCall('http.send', { requestId: 'm1', request: basic('••••••') });
    expect(masked).toMatchObject({ ok: false, error: { code: 'CREDENTIAL_UNAVAILABLE' } });
    expect(!masked.ok && masked.error.message).toMatch(/^Basic auth password is not available: /);
    const missing = await tryCall('http.send', { requestId: 'm2', request: basic('{{$credential.nope}}') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'CREDENTIAL_UNAVAILABLE' } });
    expect(!missing.ok && missing.error.message).toMatch(/^Basic auth password is not available: the vault no longer holds it/);
    const api = await collection();
    const saved = await call('workspace.createRequest', { parent: api, name: 'Private', request: basic(CANARY) });
    const read = (await call('workspace.readRequest', { path: saved.path })) as { request: HttpRequestSpec };
    await call('vault.lock', {});
    const locked = await tryCall('http.send', { requestId: 'm3', request: read.request, workspacePath: saved.path });
    expect(locked).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(!locked.ok && locked.error.message).toMatch(/^Basic auth password is not available: .*Unlock the vault/);
    expect(seen.length).toBe(before);
    // none of the refused requests reached history
    const list = (await call('history.list', {})) as { entries: unknown[] };
    expect(list.entries).toEqual([]);
  });

  it('names an undefined variable in the notice instead of masking it', async () => {
    const request = httpRequestSpecSchema.parse({ method: 'GET', url: `${server.origin}/v`, auth: { kind: 'bearer', token: '{{pmToken}}' } });
    const exchange = (await call('http.send', { requestId: 'v1', request })) as { warnings: string[] };
    expect(exchange.warnings.join(' ')).toContain('{{pmToken}}');
    expect(exchange.warnings.join(' ')).not.toContain('••••••');
  });
});
