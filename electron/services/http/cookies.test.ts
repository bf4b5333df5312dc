import type { HttpRequestSpecInput } from '../../../shared/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer, trapUnhandledErrors, type TestServer } from '../../test-support';
import { createCookieJar, type CookieJar } from '../cookies';
import { createTestEngine, nextId, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

// One real server answers every name: *.example.test and other.test resolve to it, so domain matching is real.
let server: TestServer;
const jar: CookieJar = createCookieJar();
let t: TestEngine;
/** the Cookie header of every request that reached the server, by path */
const seen: { path: string; host: string; cookie: string | undefined }[] = [];

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ path: url.pathname, host: req.headers.host ?? '', cookie: req.headers.cookie });
    // /set?c=<Set-Cookie line>&c=…[&to=<location>]: sets the cookies, and redirects when told where to
    const setCookies = url.searchParams.getAll('c');
    const to = url.searchParams.get('to');
    const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
    if (setCookies.length > 0) headers['set-cookie'] = setCookies;
    if (to) headers.location = to.replace('PORT', String(server.port));
    res.writeHead(to ? 302 : 200, headers).end(JSON.stringify({ cookie: req.headers.cookie ?? null }));
  });
  t = await createTestEngine({ resolveHost: async () => [{ address: '127.0.0.1', family: 4 }], cookies: jar });
});
beforeEach(async () => {
  await jar.clear();
  seen.length = 0;
});
afterAll(async () => {
  await t.dispose();
  await server.close();
});

const at = (host: string, path: string): string => `http://${host}:${server.port}${path}`;
const setting = (host: string, path: string, ...cookies: string[]): string =>
  at(host, `${path}?${cookies.map((cookie) => `c=${encodeURIComponent(cookie)}`).join('&')}`);

async function get(url: string, extra: Partial<HttpRequestSpecInput> = {}) {
  const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url, ...extra }));
  const cookie = exchange.request.headers.find(([name]) => name.toLowerCase() === 'cookie')?.[1] ?? null;
  await t.bodyStore.release(exchange.body.id);
  return { exchange, cookie };
}

describe('the cookie jar in the engine', () => {
  it('sends a cookie a response set on the next request to the same site, and shows it in the request headers', async () => {
    await get(setting('127.0.0.1', '/login', 'session=abc123; Path=/', 'theme=dark'));
    const { cookie } = await get(at('127.0.0.1', '/whoami'));
    expect(cookie).toBe('session=abc123; theme=dark');
    expect(seen.at(-1)).toMatchObject({ path: '/whoami', cookie: 'session=abc123; theme=dark' });
  });

  it('sends a cookie set on a 302 to the redirect target on the same origin (httpbin /cookies/set → /cookies)', async () => {
    const { exchange, cookie } = await get(`${setting('127.0.0.1', '/cookies/set', 'k=v; Path=/')}&to=${encodeURIComponent('/cookies')}`);
    expect(exchange.redirects).toHaveLength(1);
    expect(seen.map((request) => [request.path, request.cookie])).toEqual([
      ['/cookies/set', undefined],
      ['/cookies', 'k=v'],
    ]);
    expect(cookie).toBe('k=v');
  });

  it('keeps cookies to their domain and path: subdomains get a Domain cookie, other hosts and paths nothing', async () => {
    await get(setting('api.example.test', '/app/login', 'hostonly=1; Path=/', 'shared=2; Domain=example.test; Path=/', 'apponly=3; Path=/app'));
    expect((await get(at('api.example.test', '/app/x'))).cookie).toBe('apponly=3; hostonly=1; shared=2');
    expect((await get(at('api.example.test', '/other'))).cookie).toBe('hostonly=1; shared=2');
    expect((await get(at('www.example.test', '/app/x'))).cookie).toBe('shared=2');
    expect((await get(at('other.test', '/app/x'))).cookie).toBeNull();
    // a Domain the response's host is not in is refused, not stored for that domain
    await get(setting('api.example.test', '/', 'evil=1; Domain=other.test'));
    expect((await get(at('other.test', '/'))).cookie).toBeNull();
  });

  it('does not send a Secure cookie over plain http to a host that is not this machine', async () => {
    await get(setting('127.0.0.1', '/', 'secret=s; Secure', 'plain=p'));
    // loopback counts as a secure context (as in browsers), so it is sent there
    expect((await get(at('127.0.0.1', '/'))).cookie).toBe('secret=s; plain=p');
    await get(setting('api.example.test', '/', 'plain=p'));
    await jar.storeFrom(new URL('https://api.example.test/'), ['secret=s; Secure']);
    expect((await get(at('api.example.test', '/'))).cookie).toBe('plain=p');
  });

  it('forgets a cookie set again with Max-Age=0 or an expiry in the past', async () => {
    await get(setting('127.0.0.1', '/', 'a=1', 'b=2', 'c=3'));
    await get(setting('127.0.0.1', '/', 'a=; Max-Age=0', 'b=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT'));
    expect((await get(at('127.0.0.1', '/'))).cookie).toBe('c=3');
    expect((await jar.list()).map((cookie) => cookie.name)).toEqual(['c']);
  });

  it('lets a Cookie header the user wrote win per name, and adds the names the user did not set', async () => {
    await get(setting('127.0.0.1', '/', 'session=fromjar', 'theme=dark'));
    const { cookie } = await get(at('127.0.0.1', '/'), { headers: [{ name: 'Cookie', value: 'session=typed; extra=1' }] });
    expect(cookie).toBe('session=typed; extra=1; theme=dark');
    expect(seen.at(-1)?.cookie).toBe('session=typed; extra=1; theme=dark');
  });

  it('with "Send and store cookies" off, neither sends the jar\'s cookies nor stores the response\'s', async () => {
    const off = { settings: { useCookieJar: false } };
    await get(setting('127.0.0.1', '/', 'stored=1'));
    expect((await get(at('127.0.0.1', '/'), off)).cookie).toBeNull();
    await get(setting('127.0.0.1', '/', 'notstored=1'), off);
    expect((await jar.list()).map((cookie) => cookie.name)).toEqual(['stored']);
    // the user's own header still goes as written
    expect((await get(at('127.0.0.1', '/'), { ...off, headers: [{ name: 'Cookie', value: 'mine=1' }] })).cookie).toBe('mine=1');
  });

  it("drops the user's Cookie header on a redirect to another origin, but sends the jar's cookies for that origin", async () => {
    await get(setting('other.test', '/', 'there=1'));
    const start = `${setting('api.example.test', '/go', 'here=1')}&to=${encodeURIComponent('http://other.test:PORT/landing')}`;
    const { exchange, cookie } = await get(start, { headers: [{ name: 'Cookie', value: 'typed=secret' }] });
    expect(exchange.redirects[0]?.droppedHeaders).toEqual(['Cookie']);
    expect(cookie).toBe('there=1');
    expect(seen.map((request) => [request.path, request.cookie])).toEqual([
      ['/', undefined],
      ['/go', 'typed=secret'],
      ['/landing', 'there=1'],
    ]);
  });
});
