import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoHandler, startHttpServer, trapUnhandledErrors, type EchoReply, type TestServer } from '../../test-support';
import { createTestEngine, nextId, settle, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

let server: TestServer;
let other: TestServer;
let t: TestEngine;

beforeAll(async () => {
  other = await startHttpServer(echoHandler);
  server = await startHttpServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const to = url.searchParams.get('to');
    const status = Number(url.searchParams.get('status') ?? '302');
    if (url.pathname === '/redirect' && to) {
      res.writeHead(status, { location: to.replace('OTHER', other.origin), 'x-hop': String(status) });
      res.end('moved');
      return;
    }
    if (url.pathname === '/loop-a') return void res.writeHead(302, { location: '/loop-b' }).end();
    if (url.pathname === '/loop-b') return void res.writeHead(302, { location: '/loop-a' }).end();
    const count = /^\/count\/(\d+)$/.exec(url.pathname);
    if (count) return void res.writeHead(302, { location: `/count/${Number(count[1]) + 1}` }).end();
    echoHandler(req, res, body);
  });
  t = await createTestEngine();
});
afterAll(async () => {
  await t.dispose();
  await server.close();
  await other.close();
});

const post = { kind: 'text' as const, text: 'payload', contentType: 'text/plain' };

async function follow(status: number, method: string, to = '/echo') {
  const exchange = await t.engine.send(
    nextId(),
    spec({ method, url: `${server.origin}/redirect?status=${status}&to=${encodeURIComponent(to)}`, body: method === 'GET' ? { kind: 'none' } : post }),
  );
  return { exchange, reply: JSON.parse(await t.bodyText(exchange)) as EchoReply };
}

describe('redirects', () => {
  it('records each hop and ends on the final response', async () => {
    const { exchange, reply } = await follow(301, 'GET');
    expect(reply.url).toBe('/echo');
    expect(exchange.redirects).toHaveLength(1);
    expect(exchange.redirects[0]).toMatchObject({ method: 'GET', status: 301, statusText: 'Moved Permanently', location: '/echo', droppedHeaders: [] });
    expect(exchange.redirects[0]?.url).toContain('/redirect?status=301');
    expect(exchange.redirects[0]?.headers).toContainEqual(['x-hop', '301']);
    expect(exchange.request.url).toBe(`${server.origin}/echo`);
    expect(exchange.timings.total).toBeGreaterThanOrEqual(exchange.timings.wait);
    const phases = t.progress.filter((event) => event.requestId === exchange.requestId).map((event) => event.phase);
    expect(phases).toContain('redirecting');
    expect(phases.at(-1)).toBe('downloading');
  });

  it('303 turns any method into GET without a body', async () => {
    const { reply, exchange } = await follow(303, 'PUT');
    expect(reply.method).toBe('GET');
    expect(reply.bodyBase64).toBe('');
    expect(exchange.request.method).toBe('GET');
    expect(exchange.request.bodyBytes).toBe(0);
    expect(reply.rawHeaders.map((name) => name.toLowerCase())).not.toContain('content-type');
  });

  it('301 and 302 turn POST into GET like browsers', async () => {
    for (const status of [301, 302]) {
      const { reply } = await follow(status, 'POST');
      expect(reply.method).toBe('GET');
      expect(reply.bodyBase64).toBe('');
    }
  });

  it('302 keeps a non-POST method', async () => {
    const { reply } = await follow(302, 'DELETE');
    expect(reply.method).toBe('DELETE');
  });

  it('307 and 308 keep method and body', async () => {
    for (const status of [307, 308]) {
      const { reply, exchange } = await follow(status, 'POST');
      expect(reply.method).toBe('POST');
      expect(Buffer.from(reply.bodyBase64, 'base64').toString()).toBe('payload');
      expect(exchange.request.bodyBytes).toBe(7);
    }
  });

  it('drops Authorization and Cookie on a cross-origin hop and lists them', async () => {
    const exchange = await t.engine.send(
      nextId(),
      spec({
        method: 'GET',
        url: `${server.origin}/redirect?status=302&to=${encodeURIComponent('OTHER/landing')}`,
        headers: [
          { name: 'Authorization', value: 'Bearer secret', enabled: true },
          { name: 'Cookie', value: 'sid=1', enabled: true },
          { name: 'X-Keep', value: 'yes', enabled: true },
        ],
      }),
    );
    const reply = JSON.parse(await t.bodyText(exchange)) as EchoReply;
    const names = reply.rawHeaders.map((name) => name.toLowerCase());
    expect(names).not.toContain('authorization');
    expect(names).not.toContain('cookie');
    expect(names).toContain('x-keep');
    expect(exchange.redirects[0]?.droppedHeaders).toEqual(['Authorization', 'Cookie']);
    expect(exchange.warnings.join(' ')).toMatch(/Authorization, Cookie not sent/);
    expect(exchange.remotePort).toBe(other.port);
  });

  it('drops the headers and query parameters the preparer marked sensitive on a cross-origin hop, and says so', async () => {
    const sensitive = { headers: ['x-api-key', 'X-From-Secret'], queryParams: ['api_key'] };
    const request = spec({
      method: 'GET',
      url: `${server.origin}/redirect?status=302&to=${encodeURIComponent('OTHER/landing?api_key=k3y&page=2')}`,
      headers: [
        { name: 'X-Api-Key', value: 'k3y', enabled: true },
        { name: 'x-from-secret', value: 'v4lue', enabled: true },
        { name: 'X-Keep', value: 'yes', enabled: true },
      ],
    });
    const exchange = await t.engine.send(nextId(), request, { sensitive });
    const reply = JSON.parse(await t.bodyText(exchange)) as EchoReply;
    const names = reply.rawHeaders.map((name) => name.toLowerCase());
    expect(names).not.toContain('x-api-key');
    expect(names).not.toContain('x-from-secret');
    expect(names).toContain('x-keep');
    expect(reply.url).toBe('/landing?page=2');
    expect(exchange.redirects[0]?.droppedHeaders).toEqual(['X-Api-Key', 'x-from-secret']);
    expect(exchange.warnings.join(' ')).toMatch(/X-Api-Key, x-from-secret not sent to http:\/\/127\.0\.0\.1:\d+/);
    expect(exchange.warnings.join(' ')).toMatch(/Query parameter api_key taken out/);

    // the per-request opt-in keeps them (and says that too); same-origin hops keep them without asking
    const kept = await t.engine.send(nextId(), { ...request, settings: { ...request.settings, keepCredentialsOnRedirect: true } }, { sensitive });
    const keptReply = JSON.parse(await t.bodyText(kept)) as EchoReply;
    expect(keptReply.rawHeaders).toContain('k3y');
    expect(keptReply.url).toBe('/landing?api_key=k3y&page=2');
    expect(kept.warnings.join(' ')).toMatch(/X-Api-Key, x-from-secret sent on to .*keeps credentials/);
  });

  it('keeps Authorization on a same-origin hop', async () => {
    const exchange = await t.engine.send(
      nextId(),
      spec({ method: 'GET', url: `${server.origin}/redirect?to=/echo`, headers: [{ name: 'Authorization', value: 'Bearer s', enabled: true }] }),
    );
    const reply = JSON.parse(await t.bodyText(exchange)) as EchoReply;
    expect(reply.rawHeaders).toContain('Bearer s');
    expect(exchange.redirects[0]?.droppedHeaders).toEqual([]);
  });

  it('detects loops', async () => {
    const { error } = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/loop-a` })));
    expect(error?.code).toBe('REDIRECT_LOOP');
    expect(error?.message).toMatch(/loop.*\/loop-a/);
  });

  it('stops after maxRedirects', async () => {
    const { error } = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/count/0`, settings: { maxRedirects: 3 } })));
    expect(error?.code).toBe('TOO_MANY_REDIRECTS');
    expect(error?.message).toMatch(/after 3 redirects/);
    const ok = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/redirect?to=/echo`, settings: { maxRedirects: 1 } })));
    expect(ok.value?.response.status).toBe(200);
  });

  it('returns the 3xx itself when following is off', async () => {
    const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/redirect?to=/echo`, settings: { followRedirects: false } }));
    expect(exchange.response.status).toBe(302);
    expect(exchange.redirects).toEqual([]);
    expect(await t.bodyText(exchange)).toBe('moved');
  });

  it('refuses a redirect to another protocol', async () => {
    const { error } = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/redirect?to=${encodeURIComponent('ftp://x/')}` })));
    expect(error?.code).toBe('UNSUPPORTED_PROTOCOL');
  });
});
