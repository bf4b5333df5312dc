import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { bridgeClient, bridgeHeaders, bridgePath, get, openBridge, startWebHostFixture, type WebHostFixture } from './test-support/web-host-fixture';

let fixture: WebHostFixture;
let target: Server;
let targetPort: number;
const sockets: WebSocket[] = [];
/** every byte value, several times: a body no text encoding would carry unharmed */
const BINARY_BODY = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 8)) & 255));

beforeAll(async () => {
  fixture = await startWebHostFixture();
  target = createServer((request, response) => {
    if (request.url === '/to-courier') {
      // Another local server bouncing the engine to Courier's own port: the refusal must hold on every hop.
      response.writeHead(302, { Location: `http://127.0.0.1:${fixture.host.port}/` });
      response.end();
      return;
    }
    if (request.url === '/bytes') {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      response.end(BINARY_BODY);
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ hello: 'courier', path: request.url }));
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetPort = (target.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await new Promise((resolve) => target.close(resolve));
  await fixture.dispose();
});

async function connected() {
  const outcome = await openBridge(fixture.host.port, bridgePath(fixture), bridgeHeaders(fixture));
  if (!('opened' in outcome)) throw new Error(`upgrade refused with ${outcome.refused}`);
  sockets.push(outcome.opened);
  return bridgeClient(outcome.opened);
}

describe('web host: the bridge upgrade', () => {
  it('opens at /s/<token>/bridge with the exact Origin, from 127.0.0.1 or localhost, and sets no cookie', async () => {
    const port = fixture.host.port;
    const sameOrigin: Record<string, string>[] = [{ Origin: `http://127.0.0.1:${port}` }, { Origin: `http://localhost:${port}`, Host: `localhost:${port}` }];
    for (const headers of sameOrigin) {
      const outcome = await openBridge(port, bridgePath(fixture), headers);
      expect('opened' in outcome, headers.Origin).toBe(true);
      if ('opened' in outcome) {
        expect(outcome.headers['set-cookie']).toBeUndefined();
        outcome.opened.terminate();
      }
    }
  });

  it('refuses, at the right path with the right token, a foreign, missing or mismatched Origin and a foreign Host', async () => {
    const port = fixture.host.port;
    const path = bridgePath(fixture);
    for (const origin of [
      'http://evil.example',
      `http://localhost:${port}`,
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      'null',
      `http://127.0.0.1:${port}/`,
    ]) {
      expect(await openBridge(port, path, { Origin: origin }), origin).toEqual({ refused: 403 });
    }
    expect(await openBridge(port, path, {})).toEqual({ refused: 403 });
    expect(await openBridge(port, path, { Origin: 'http://evil.example', Host: 'evil.example' })).toEqual({ refused: 403 });
    expect(await openBridge(port, path, { Origin: `http://evil.example:${port}`, Host: `evil.example:${port}` })).toEqual({ refused: 403 });
  });

  it('refuses, with the exact Origin, a missing prefix, a wrong token or another path under the prefix', async () => {
    const port = fixture.host.port;
    const headers = bridgeHeaders(fixture);
    const token = fixture.host.token;
    for (const path of ['/bridge', `/bridge?token=${token}`, `/s/${'A'.repeat(43)}/bridge`, `/s/${token}x/bridge`, `/s/bridge`, `/${token}/bridge`]) {
      expect(await openBridge(port, path, headers), path).toEqual({ refused: 401 });
    }
    for (const path of [`/s/${token}/`, `/s/${token}/elsewhere`, `/s/${token}/bridge/x`]) {
      expect(await openBridge(port, path, headers), path).toEqual({ refused: 404 });
    }
  });

  it('answers a plain GET of the bridge path without upgrading and without a cookie', async () => {
    const response = await get(fixture.host.port, bridgePath(fixture));
    expect(response.status).toBe(426);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('web host: calls over the bridge', () => {
  it('answers app.info for web mode', async () => {
    const client = await connected();
    const result = await client.call('app.info', {});
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Courier',
        version: '9.9.9-test',
        mode: 'web',
        platform: process.platform,
        dataDir: fixture.dataDir,
        capabilities: { folderDialog: false, openExternal: false, osKeychain: false },
      },
    });
  });

  it('sends an HTTP request, streams progress events and reads the body by reference', async () => {
    const client = await connected();
    const sent = await client.call('http.send', {
      requestId: 'round-trip-1',
      request: { method: 'GET', url: `http://127.0.0.1:${targetPort}/hello?x=1` },
    });
    expect(sent.ok).toBe(true);
    const exchange = sent.value as { response: { status: number }; body: { id: string; size: number } };
    expect(exchange.response.status).toBe(200);
    const read = await client.call('body.read', { bodyId: exchange.body.id, offset: 0, length: exchange.body.size });
    expect(read.ok).toBe(true);
    const { bytes, total } = read.value as { bytes: Uint8Array; total: number };
    expect(JSON.parse(Buffer.from(bytes).toString('utf8'))).toEqual({ hello: 'courier', path: '/hello?x=1' });
    expect(total).toBe(exchange.body.size);
    expect(client.events.some((e) => e.event === 'http.progress' && (e.payload as { requestId: string }).requestId === 'round-trip-1')).toBe(true);
    expect(await client.call('body.release', { bodyId: exchange.body.id })).toEqual({ ok: true, value: { released: true } });
  });

  it('answers body.read with one binary frame: the bytes as they are plus a small header, no base64', async () => {
    const client = await connected();
    const sent = await client.call('http.send', { requestId: 'binary-1', request: { method: 'GET', url: `http://127.0.0.1:${targetPort}/bytes` } });
    const body = (sent.value as { body: { id: string; size: number } }).body;
    expect(body.size).toBe(BINARY_BODY.length);
    const before = client.frames.length;
    const read = await client.call('body.read', { bodyId: body.id, offset: 1000, length: BINARY_BODY.length });
    const frame = client.frames.slice(before).find((f) => f.bytes > 1000);
    expect(frame?.binary).toBe(true);
    // base64 in JSON would be 4/3 of the bytes; the frame is the bytes and a header of about a hundred bytes
    expect(frame!.bytes - (BINARY_BODY.length - 1000)).toBeLessThan(200);
    const value = read.value as { offset: number; bytes: Uint8Array; total: number };
    expect({ offset: value.offset, total: value.total }).toEqual({ offset: 1000, total: BINARY_BODY.length });
    expect(Buffer.from(value.bytes).equals(BINARY_BODY.subarray(1000))).toBe(true);
    // an empty range and a failure still answer, the failure as JSON text
    expect(await client.call('body.read', { bodyId: body.id, offset: BINARY_BODY.length, length: 10 })).toEqual({
      ok: true,
      value: { offset: BINARY_BODY.length, bytes: new Uint8Array(0), total: BINARY_BODY.length },
    });
    await client.call('body.release', { bodyId: body.id });
    const failedAt = client.frames.length;
    expect(await client.call('body.read', { bodyId: body.id, offset: 0, length: 1 })).toMatchObject({ ok: false, error: { code: 'BODY_NOT_FOUND' } });
    expect(client.frames[failedAt]?.binary).toBe(false);
  });

  it('refuses a request to its own port on loopback with SELF_REQUEST_REFUSED', async () => {
    const client = await connected();
    const port = fixture.host.port;
    const spellings = [
      `http://127.0.0.1:${port}${bridgePath(fixture)}`,
      `http://localhost:${port}/`,
      `http://2130706433:${port}/`,
      `http://127.1:${port}/`,
      `http://0.0.0.0:${port}/`,
      `http://127.0.0.1:${targetPort}/to-courier`,
    ];
    for (const url of spellings) {
      const result = await client.call('http.send', { requestId: 'self-1', request: { method: 'GET', url } });
      expect(result.ok, url).toBe(false);
      expect(result.error?.code, url).toBe('SELF_REQUEST_REFUSED');
    }
  });

  it('refuses a GraphQL subscription to its own port, by IP literal and by name', async () => {
    const client = await connected();
    const port = fixture.host.port;
    const request = (url: string) => ({ method: 'POST', url, body: { kind: 'graphql', query: 'subscription { ticks }' } });
    const literal = await client.call('graphql.subscribe', {
      subscriptionId: 'self-gql-1',
      request: request(`http://127.0.0.1:${port}${bridgePath(fixture)}`),
    });
    expect(literal).toMatchObject({ ok: false, error: { code: 'SELF_REQUEST_REFUSED' } });
    const named = await client.call('graphql.subscribe', { subscriptionId: 'self-gql-2', request: request(`http://localhost:${port}${bridgePath(fixture)}`) });
    expect(named.ok).toBe(true);
    const ended = () =>
      client.events
        .filter((e) => e.event === 'graphql.subscription' && (e.payload as { subscriptionId: string }).subscriptionId === 'self-gql-2')
        .flatMap((e) => (e.payload as { items: { kind: string; message?: string }[] }).items)
        .find((item) => item.kind === 'error' || item.kind === 'closed');
    await expect.poll(ended, { timeout: 5000 }).toBeDefined();
    expect(ended()?.message).toBe('Courier does not connect to its own web server.');
  });

  it('answers invalid input with a typed INVALID_INPUT and unknown methods with UNKNOWN_METHOD', async () => {
    const client = await connected();
    const invalid = await client.call('http.send', { requestId: 'has spaces', request: { method: 'GET', url: 'http://x' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const notObject = await client.call('body.read', 'nope');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await client.call('fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses shell.openExternal in web mode for unsafe URLs and opens nothing for web ones', async () => {
    const client = await connected();
    expect(await client.call('shell.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_REFUSED' } });
    expect(await client.call('shell.openExternal', { url: 'https://example.com/' })).toEqual({ ok: true, value: { opened: false } });
  });

  it('survives malformed messages: typed reply when an id is present, silence otherwise', async () => {
    const client = await connected();
    expect(await client.raw('{not json', 900)).toBe('no reply');
    expect(await client.raw(JSON.stringify({ type: 'call' }), 901)).toBe('no reply');
    expect(await client.raw(JSON.stringify({ type: 'bogus', id: 77 }), 77)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await client.raw(JSON.stringify({ type: 'call', id: 78, method: 42 }), 78)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await client.raw('null', 902)).toBe('no reply');
    // still serving afterwards
    expect(await client.call('app.info', {})).toMatchObject({ ok: true });
  });
});
