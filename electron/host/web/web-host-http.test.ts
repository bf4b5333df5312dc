import { connect } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../core';
import { APP_JS, INDEX_HTML, SECRET, get, startWebHostFixture, type RawResponse, type WebHostFixture } from './test-support/web-host-fixture';

let fixture: WebHostFixture;
beforeAll(async () => {
  fixture = await startWebHostFixture();
});
afterAll(() => fixture.dispose());

/**
 * Every response in this file passes through here, so each one is also checked for the one thing web mode must never
 * send again: a Set-Cookie (cookies are shared by every port on 127.0.0.1; see auth.ts).
 */
async function fetchRaw(...args: Parameters<typeof get>): Promise<RawResponse> {
  const response = await get(...args);
  expect(response.headers['set-cookie'], args[1]).toBeUndefined();
  return response;
}

const port = () => fixture.host.port;
const under = (rest: string) => `${fixture.base}${rest}`;

describe('web host: the secret path', () => {
  it('prints a loopback URL whose path is /s/<43-character base64url token>/', () => {
    expect(fixture.host.url).toBe(`http://127.0.0.1:${port()}/s/${fixture.host.token}/`);
    expect(fixture.host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fixture.base).toBe(`/s/${fixture.host.token}/`);
  });

  it('answers 401 without the prefix, for the page, assets, the bridge and the old ?token= link', async () => {
    const token = fixture.host.token;
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/bridge',
      '/favicon.ico',
      `/?token=${token}`,
      `/index.html?token=${token}`,
      '/s/',
      '/s',
      `/${token}/`,
    ]) {
      const response = await fetchRaw(port(), path);
      expect(response.status, path).toBe(401);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.headers.location, path).toBeUndefined();
      expect(response.body).not.toContain(INDEX_HTML);
      expect(response.body, path).not.toContain(token);
    }
    // the bare root says where to go instead
    expect((await fetchRaw(port(), '/')).body).toContain('open the URL printed by npm run web');
  });

  it('answers 401 to a wrong token segment, whatever its length or case', async () => {
    const token = fixture.host.token;
    const flipped = token[0] === 'A' ? `B${token.slice(1)}` : `A${token.slice(1)}`;
    const wrong = [
      `/s/${'A'.repeat(43)}/`,
      `/s/${flipped}/`,
      `/s/${token.slice(0, -1)}/`,
      `/s/${token}x/`,
      `/s/${token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()}/`,
      `/s/${encodeURIComponent(token).replace(/[A-Za-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`)}/`,
      `/S/${token}/`,
      `/s//${token}/`,
      `/x/${token}/`,
      `/s/${token}%2f`,
      `/s/${flipped}/assets/app.js`,
      `/s/${flipped}/bridge`,
    ];
    for (const path of wrong) {
      const response = await fetchRaw(port(), path);
      expect(response.status, path).toBe(401);
      expect(response.body, path).not.toContain(INDEX_HTML);
    }
  });

  it('serves the page and its assets under the prefix, with MIME types and cache rules', async () => {
    for (const path of [under(''), under('index.html'), `${under('')}?tab=history`]) {
      const page = await fetchRaw(port(), path);
      expect(page.status, path).toBe(200);
      expect(page.body).toBe(INDEX_HTML);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
    }
    const asset = await fetchRaw(port(), under('assets/app.js'));
    expect(asset.status).toBe(200);
    expect(asset.body).toBe(APP_JS);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await fetchRaw(port(), under('assets/nope.js'))).status).toBe(404);
    // a favicon under the prefix gets an empty answer rather than a console-visible 404
    expect((await fetchRaw(port(), under('favicon.ico'))).status).toBe(204);
    // the bridge path answers plain GETs with 426, not with a file
    expect((await fetchRaw(port(), under('bridge'))).status).toBe(426);
  });

  it('redirects /s/<token> (no trailing slash) to /s/<token>/, keeping the query, and only for the right token', async () => {
    const bare = await fetchRaw(port(), `/s/${fixture.host.token}?tab=history`);
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe(`${fixture.base}?tab=history`);
    const wrong = await fetchRaw(port(), `/s/${'A'.repeat(43)}`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.location).toBeUndefined();
  });
});

describe('web host: request checks', () => {
  it('refuses a foreign Host header (DNS rebinding), even under the right prefix', async () => {
    for (const host of ['evil.example', `evil.example:${port()}`, `127.0.0.1:${port() + 1}`, `127.0.0.1.evil.example:${port()}`]) {
      const response = await fetchRaw(port(), under(''), { Host: host });
      expect(response.status, host).toBe(403);
      expect(response.body, host).not.toContain(INDEX_HTML);
    }
  });

  it('accepts localhost:<port> as the Host too', async () => {
    const response = await fetchRaw(port(), under(''), { Host: `localhost:${port()}` });
    expect(response.status).toBe(200);
  });

  it('refuses non-GET requests: 401 without the prefix, 403 from a foreign Origin, 405 otherwise', async () => {
    const own = `http://127.0.0.1:${port()}`;
    expect((await fetchRaw(port(), '/', { Origin: own }, 'POST')).status).toBe(401);
    expect((await fetchRaw(port(), under(''), { Origin: 'http://evil.example' }, 'POST')).status).toBe(403);
    expect((await fetchRaw(port(), under(''), { Origin: own }, 'POST')).status).toBe(405);
  });

  it('never serves a file outside the static root, with or without the prefix', async () => {
    const attempts = [
      '../secret.txt',
      'assets/../../secret.txt',
      '%2e%2e/secret.txt',
      '%2e%2e/%2e%2e/%2e%2e/secret.txt',
      'assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '..%5csecret.txt',
      'assets/..%2F..%2Fsecret.txt',
      '%252e%252e/secret.txt',
      'index.html%00.js',
      '/../secret.txt',
      `/${'..'}/secret.txt`,
    ];
    for (const attempt of attempts) {
      for (const path of [under(attempt), `/${attempt}`]) {
        const response = await fetchRaw(port(), path);
        expect([400, 401, 404], path).toContain(response.status);
        expect(response.body, path).not.toContain(SECRET);
      }
    }
  });

  it('sends the security headers with every response, errors included', async () => {
    const responses = [await fetchRaw(port(), under('')), await fetchRaw(port(), '/'), await fetchRaw(port(), under(''), { Host: 'evil.example' })];
    for (const response of responses) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      // the token is in the page's path: no-referrer keeps it out of every request the page makes or navigates to
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('uses a CSP without eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('web host: listening', () => {
  const connectable = (address: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host: address, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });

  it('binds 127.0.0.1 only: other interfaces of this machine do not answer', async () => {
    expect(await connectable('127.0.0.1', fixture.host.port)).toBe(true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((info) => info && !info.internal)
      .map((info) => info!.address);
    for (const address of [...others, '::1']) {
      expect(await connectable(address, fixture.host.port), address).toBe(false);
    }
  });
});
