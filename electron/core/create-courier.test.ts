import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, httpRequestSpecSchema, METHOD_NAMES } from '../../shared/contract';
import { createCourier, type Courier, type CourierOptions } from './create-courier';

let workDir: string;
let target: Server;
let targetUrl: string;
const open: Courier[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'courier-core-'));
  target = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end(request.url === '/large' ? Buffer.alloc(6 * 1024 * 1024, 0x61) : '0123456789');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
});

afterEach(async () => {
  for (const courier of open.splice(0)) await courier.close();
});

afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await rm(workDir, { recursive: true, force: true });
});

function make(overrides: Partial<CourierOptions> = {}): Courier {
  const courier = createCourier({
    dataDir: workDir,
    mode: 'web',
    version: '1.2.3',
    platform: 'testos',
    openExternal: () => true,
    onInternalError: () => undefined,
    ...overrides,
  });
  open.push(courier);
  return courier;
}

describe('createCourier', () => {
  it('has a handler for every contract method', () => {
    expect(Object.keys(make().handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('describes itself in app.info', async () => {
    expect(await make({ mode: 'electron' }).handlers['app.info']({})).toEqual({
      name: 'Courier',
      version: '1.2.3',
      mode: 'electron',
      platform: 'testos',
      dataDir: workDir,
      capabilities: { folderDialog: false, openExternal: true, osKeychain: false },
    });
  });

  it('says what the host can do: a folder dialog only with a picker, the keychain only when it really encrypts', async () => {
    const keychain = (backend: string, available: boolean) => ({
      backend,
      isAvailable: () => available,
      encrypt: (plain: string) => Buffer.from(plain),
      decrypt: (cipher: Buffer) => cipher.toString(),
    });
    const capabilities = async (overrides: Partial<CourierOptions>) => (await make(overrides).handlers['app.info']({})).capabilities;
    expect(await capabilities({ mode: 'web' })).toEqual({ folderDialog: false, openExternal: false, osKeychain: false });
    expect(await capabilities({ mode: 'electron', pickFolder: async () => null, osEncryption: keychain('gnome_libsecret', true) })).toEqual({
      folderDialog: true,
      openExternal: true,
      osKeychain: true,
    });
    // Linux without a keyring: Electron's basic_text only obfuscates
    expect((await capabilities({ mode: 'electron', osEncryption: keychain('basic_text', true) })).osKeychain).toBe(false);
    expect((await capabilities({ mode: 'electron', osEncryption: keychain('keychain', false) })).osKeychain).toBe(false);
  });

  it('sends a request, emits progress, and serves the body in base64 ranges until released', async () => {
    const courier = make();
    const events: [string, unknown][] = [];
    const stop = courier.onEvent((event, payload) => events.push([event, payload]));
    const exchange = await courier.handlers['http.send']({
      requestId: 'core-1',
      request: httpRequestSpecSchema.parse({ method: 'GET', url: targetUrl }),
    });
    stop();
    expect(exchange.response.status).toBe(200);
    expect(events.some(([event, payload]) => event === 'http.progress' && (payload as { requestId: string }).requestId === 'core-1')).toBe(true);

    const part = await courier.handlers['body.read']({ bodyId: exchange.body.id, offset: 2, length: 3 });
    expect(part).toEqual({ offset: 2, bytes: new Uint8Array(Buffer.from('234')), total: 10 });
    // its own buffer: Electron's structured clone would carry the whole stored body behind a view
    expect(part.bytes.buffer.byteLength).toBe(3);
    expect(await courier.handlers['body.release']({ bodyId: exchange.body.id })).toEqual({ released: true });
    const gone = await dispatch(courier.handlers, 'body.read', { bodyId: exchange.body.id, offset: 0, length: 1 });
    expect(gone).toMatchObject({ ok: false, error: { code: 'BODY_NOT_FOUND' } });
  });

  it('passes the host refusal rule to the HTTP engine', async () => {
    const port = Number(new URL(targetUrl).port);
    const courier = make({ isRefusedAddress: (_address, candidate) => candidate === port });
    const result = await dispatch(courier.handlers, 'http.send', { requestId: 'core-2', request: { method: 'GET', url: targetUrl } });
    expect(result).toMatchObject({ ok: false, error: { code: 'SELF_REQUEST_REFUSED' } });
  });

  it('answers http.cancel for an unknown request with cancelled: false', async () => {
    expect(await make().handlers['http.cancel']({ requestId: 'nothing' })).toEqual({ cancelled: false });
  });

  it('opens only http(s) links, normalised, through the host-provided opener', async () => {
    const opened: string[] = [];
    const courier = make({ openExternal: (url) => (opened.push(url), true) });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://x/y', 'custom-app://do', 'https://', 'mailto:a@b.c']) {
      expect(await dispatch(courier.handlers, 'shell.openExternal', { url }), url).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_REFUSED' } });
    }
    expect(await courier.handlers['shell.openExternal']({ url: 'HTTPS://Example.COM/x y' })).toEqual({ opened: true });
    expect(opened).toEqual(['https://example.com/x%20y']);
    const web = make({ openExternal: () => false });
    expect(await web.handlers['shell.openExternal']({ url: 'https://example.com/' })).toEqual({ opened: false });
  });

  it('keeps delivering events to other listeners when one throws', async () => {
    const errors: unknown[] = [];
    const courier = make({ onInternalError: (error) => errors.push(error) });
    const seen: string[] = [];
    courier.onEvent(() => {
      throw new Error('listener bug');
    });
    courier.onEvent((event) => seen.push(event));
    await courier.handlers['http.send']({
      requestId: 'core-3',
      request: httpRequestSpecSchema.parse({ method: 'GET', url: targetUrl }),
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('spools large bodies in a folder of its own under the data folder, removed on close', async () => {
    const courier = make();
    const exchange = await courier.handlers['http.send']({
      requestId: 'core-large',
      request: httpRequestSpecSchema.parse({ method: 'GET', url: `${targetUrl}large` }),
    });
    expect(exchange.body).toMatchObject({ size: 6 * 1024 * 1024, spooled: true });
    const runs = await readdir(path.join(workDir, 'spool'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^run-\d+-[0-9a-f]{8}$/);
    await courier.close();
    expect(await readdir(path.join(workDir, 'spool'))).toEqual([]);
  });

  it('closes once, however often close() is called', async () => {
    const courier = make();
    await Promise.all([courier.close(), courier.close()]);
    await courier.close();
  });
});
