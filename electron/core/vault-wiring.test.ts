import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, VAULT_WAITING_METHODS, type MethodName } from '../../shared/contract';
import { readEnvNotAllowed } from '../../shared/variables';
import { startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier, type CourierOptions } from './create-courier';

const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };
let echo: TestServer;
let dataDir: string;
const open: Courier[] = [];

beforeAll(async () => {
  echo = await startHttpServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`${req.url}|${req.headers['x-token'] ?? ''}`);
  });
});
afterAll(() => echo.close());
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-vault-wiring-'));
});
afterEach(async () => {
  for (const courier of open.splice(0)) await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

function make(options: Partial<CourierOptions> = {}): Courier {
  const courier = createCourier({
    dataDir,
    mode: 'web',
    version: '1.0.0',
    openExternal: () => false,
    scrypt: FAST_SCRYPT,
    onInternalError: () => undefined,
    ...options,
  });
  open.push(courier);
  return courier;
}

async function call(courier: Courier, method: MethodName, input: unknown) {
  return dispatch(courier.handlers, method, input);
}

async function bodyText(courier: Courier, bodyId: string): Promise<string> {
  const read = await call(courier, 'body.read', { bodyId, offset: 0, length: 65536 });
  if (!read.ok) throw new Error(read.error.message);
  return Buffer.from((read.value as { bytes: Uint8Array }).bytes).toString();
}

describe('vault and variables wiring', () => {
  it('refuses to set up the vault with a passphrase shorter than the minimum over the bridge, and throttles guesses', async () => {
    const courier = make();
    const short = await call(courier, 'vault.unlock', { passphrase: 'a' });
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const status = await call(courier, 'vault.status', {});
    expect(status.ok && (status.value as { state: string }).state).toBe('uninitialized');
    expect((await call(courier, 'vault.unlock', { passphrase: 'long enough passphrase' })).ok).toBe(true);
    await call(courier, 'vault.lock', {});
    for (let i = 0; i < 5; i++)
      expect(await call(courier, 'vault.unlock', { passphrase: `guess ${i}` })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const throttled = await call(courier, 'vault.unlock', { passphrase: 'guess 6' });
    expect(throttled).toMatchObject({ ok: false, error: { code: 'VAULT_THROTTLED', message: expect.stringMatching(/Wait \d+ second/) } });
  });

  it('unlocks at start with the passphrase from the host, and says so when it is wrong', async () => {
    const first = make();
    expect((await call(first, 'vault.unlock', { passphrase: 'first passphrase' })).ok).toBe(true);
    expect((await call(first, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'token', value: 's3cret-value', secret: true }] })).ok).toBe(
      true,
    );
    await first.close();

    const unlocked = make({ vaultPassphrase: 'first passphrase' });
    const status = await call(unlocked, 'vault.status', {});
    expect(status.ok && (status.value as { state: string }).state).toBe('unlocked');
    const sent = await call(unlocked, 'http.send', {
      requestId: 'r1',
      request: { method: 'GET', url: `${echo.origin}/a`, headers: [{ name: 'X-Token', value: '{{token}}' }] },
    });
    expect(sent.ok).toBe(true);
    // the server got the value; the window sees it masked
    if (sent.ok) {
      const exchange = sent.value as { body: { id: string }; request: { headers: [string, string][] } };
      expect(await bodyText(unlocked, exchange.body.id)).toBe('/a|s3cret-value');
      expect(JSON.stringify(exchange.request.headers)).not.toContain('s3cret-value');
    }
    await unlocked.close();

    const wrong = make({ vaultPassphrase: 'not it' });
    const info = await call(wrong, 'app.info', {});
    expect(info.ok && (info.value as { notices?: string[] }).notices?.join(' ')).toContain('COURIER_VAULT_PASSPHRASE did not unlock the vault');
    const locked = await call(wrong, 'http.send', {
      requestId: 'r2',
      request: { method: 'GET', url: `${echo.origin}/b`, headers: [{ name: 'X-Token', value: '{{token}}' }] },
    });
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.error.code).toBe('VAULT_LOCKED');
      expect(locked.error.message).toContain('token');
    }
  });

  it('the methods the contract marks waitsForVault answer only after the start-up unlock: a save right at start stashes its credential', async () => {
    expect(VAULT_WAITING_METHODS).toEqual(
      expect.arrayContaining(['http.send', 'workspace.saveRequest', 'workspace.createRequest', 'vault.status', 'variables.state']),
    );
    // not waiting: the workspace tree has no secrets, and vault.unlock itself must not wait for an unlock
    expect(VAULT_WAITING_METHODS).not.toContain('vault.unlock');
    expect(VAULT_WAITING_METHODS).not.toContain('workspace.tree');
    const first = make();
    expect((await call(first, 'vault.unlock', { passphrase: 'first passphrase' })).ok).toBe(true);
    const api = await call(first, 'workspace.createContainer', { parent: null, name: 'API' });
    const parent = api.ok ? (api.value as { path: string }).path : '';
    await first.close();
    const courier = make({ vaultPassphrase: 'first passphrase' });
    // the first call, made while the unlock runs: it waits, then moves the typed password to the vault (VAULT_LOCKED
    // if it did not wait)
    const saved = await call(courier, 'workspace.createRequest', {
      parent,
      name: 'Private',
      request: { method: 'GET', url: `${echo.origin}/p`, auth: { kind: 'basic', username: 'alice', password: 'typed-at-start' } },
    });
    expect(saved).toMatchObject({ ok: true });
  });

  it('resolves {{$env.NAME}} only once allowed, masked like a secret, and never the vault passphrase', async () => {
    const courier = make({ processEnv: { API_HOST_PATH: 'from-env', COURIER_VAULT_PASSPHRASE: 'hunter22', courier_vault_passphrase: 'hunter22' } });
    const request = {
      method: 'GET',
      url: `${echo.origin}/{{$env.API_HOST_PATH}}`,
      headers: [{ name: 'X-Token', value: '{{$env.COURIER_VAULT_PASSPHRASE}}' }],
    };
    // not on the allow-list: refused before anything is sent, naming the variable and the host
    const refused = await call(courier, 'http.send', { requestId: 'env0', request });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('ENV_NOT_ALLOWED');
    expect(readEnvNotAllowed(refused.error)).toEqual({ names: ['API_HOST_PATH'], host: new URL(echo.origin).host });
    expect(refused.error.message).toContain(new URL(echo.origin).host);

    const allowed = await call(courier, 'variables.allowEnv', { names: ['API_HOST_PATH'] });
    expect(allowed.ok && allowed.value).toEqual({ allowed: ['API_HOST_PATH'] });
    const sent = await call(courier, 'http.send', { requestId: 'env1', request });
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    const exchange = sent.value as { body: { id: string }; warnings: string[]; request: { url: string }; raw: { requestHead: string } };
    expect(await bodyText(courier, exchange.body.id)).toBe('/from-env|{{$env.COURIER_VAULT_PASSPHRASE}}');
    expect(exchange.warnings.join(' ')).toContain('{{$env.COURIER_VAULT_PASSPHRASE}}');
    // a secret: masked in what the window is shown
    expect(JSON.stringify(exchange.request)).not.toContain('from-env');
    expect(exchange.raw.requestHead).not.toContain('from-env');
    const present = await call(courier, 'variables.processEnv', { names: ['API_HOST_PATH', 'COURIER_VAULT_PASSPHRASE', 'NOPE'] });
    expect(present.ok && present.value).toEqual({ present: { API_HOST_PATH: true, COURIER_VAULT_PASSPHRASE: false, NOPE: false } });

    // revoked (Settings' Remove): listed no more, and the next send is refused again before anything leaves
    const listed = await call(courier, 'variables.allowedEnv', {});
    expect(listed.ok && listed.value).toEqual({ allowed: ['API_HOST_PATH'] });
    const revoked = await call(courier, 'variables.revokeEnv', { names: ['API_HOST_PATH'] });
    expect(revoked.ok && revoked.value).toEqual({ allowed: [] });
    const again = await call(courier, 'http.send', { requestId: 'env2', request });
    expect(again.ok || again.error.code).toBe('ENV_NOT_ALLOWED');
  });

  it('never resolves or allows the vault passphrase variable in any case (Windows ignores case)', async () => {
    const courier = make({ processEnv: { courier_vault_passphrase: 'hunter22', Courier_Vault_Passphrase: 'hunter22' } });
    for (const name of ['courier_vault_passphrase', 'Courier_Vault_Passphrase']) {
      const refused = await call(courier, 'variables.allowEnv', { names: [name] });
      expect(refused.ok || refused.error.code).toBe('INVALID_INPUT');
      const sent = await call(courier, 'http.send', {
        requestId: `hidden-${name}`,
        request: { method: 'GET', url: `${echo.origin}/x`, headers: [{ name: 'X-Token', value: `{{$env.${name}}}` }] },
      });
      expect(sent.ok).toBe(true);
      if (!sent.ok) return;
      expect(await bodyText(courier, (sent.value as { body: { id: string } }).body.id)).toBe(`/x|{{$env.${name}}}`);
    }
  });

  it('names the cycle when variables refer to each other, and request variables win over globals', async () => {
    const courier = make();
    await call(courier, 'variables.saveScope', {
      scopeId: 'global',
      variables: [
        { name: 'a', value: '{{b}}' },
        { name: 'b', value: '{{a}}' },
        { name: 'path', value: 'global' },
      ],
    });
    const cycle = await call(courier, 'http.send', { requestId: 'c1', request: { method: 'GET', url: `${echo.origin}/{{a}}` } });
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) {
      expect(cycle.error.code).toBe('VARIABLE_CYCLE');
      expect(cycle.error.message).toMatch(/a → b → a/);
    }
    const sent = await call(courier, 'http.send', {
      requestId: 'c2',
      request: { method: 'GET', url: `${echo.origin}/{{path}}`, variables: [{ name: 'path', value: 'request' }] },
    });
    expect(sent.ok).toBe(true);
    if (sent.ok) expect(await bodyText(courier, (sent.value as { body: { id: string } }).body.id)).toBe('/request|');
  });
});

describe('settings written as {{variables}}', () => {
  it('resolves them when sending and reads them as numbers, or says which setting is wrong', async () => {
    const redirecting = await startHttpServer((req, res) => {
      if (req.url === '/hop') {
        res.writeHead(302, { location: '/done' });
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('done');
      }
    });
    try {
      const courier = make();
      await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'hops', value: '0' }] });
      const request = { method: 'GET', url: `${redirecting.origin}/hop`, settingTemplates: { maxRedirects: '{{hops}}' } };
      const refused = await call(courier, 'http.send', { requestId: 't1', request });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('TOO_MANY_REDIRECTS');
      await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'hops', value: '3' }] });
      expect((await call(courier, 'http.send', { requestId: 't2', request })).ok).toBe(true);
      await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'hops', value: 'many' }] });
      const invalid = await call(courier, 'http.send', { requestId: 't3', request });
      expect(invalid.ok).toBe(false);
      if (!invalid.ok) {
        expect(invalid.error.code).toBe('INVALID_INPUT');
        expect(invalid.error.message).toBe('Max redirects is {{hops}}, which is “many”: not a number.');
      }
    } finally {
      await redirecting.close();
    }
  });
});
