import { connect } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../core';
import { APP_JS, INDEX_HTML, SECRET, get, startWebHostFixture, type WebHostFixture } from './test-support/web-host-fixture';

let fixture: WebHostFixture;
beforeAll(async () => {
  fixture = await startWebHostFixture();
});
afterAll(() => fixture.dispose());

const withCookie = () => ({ Cookie: fixture.cookie });

describe('web host: the token', () => {
  it('prints a loopback URL carrying a 43-character base64url token', () => {
    expect(fixture.host.url).toBe(`http://127.0.0.1:${fixture.host.port}/?token=${fixture.host.token}`);
    expect(fixture.host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers 401 without a token, for the page and for assets', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/bridge']) {
      const response = await get(fixture.host.port, path);
      expect(response.status, path).toBe(401);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.body).not.toContain(INDEX_HTML);
    }
  });

  it('answers 401 to a wrong token in the query or the cookie', async () => {
    const wrongQuery = await get(fixture.host.port, `/?token=${'A'.repeat(43)}`);
    expect(wrongQuery.status).toBe(401);
    expect(wrongQuery.headers['set-cookie']).toBeUndefined();
    const wrongCookie = await get(fixture.host.port, '/', { Cookie: `courier_token_${fixture.host.port}=${'A'.repeat(43)}` });
    expect(wrongCookie.status).toBe(401);
    // the right token under another port's cookie name does not count either
    const otherName = await get(fixture.host.port, '/', { Cookie: `courier_token_1=${fixture.host.token}` });
    expect(otherName.status).toBe(401);
  });

  it('exchanges the query token for an HttpOnly SameSite=Strict cookie and redirects to the same path without it', async () => {
    const response = await get(fixture.host.port, `/index.html?token=${fixture.host.token}&tab=history`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/index.html?tab=history');
    const cookie = response.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toBe(`courier_token_${fixture.host.port}=${fixture.host.token}; HttpOnly; SameSite=Strict; Path=/`);
  });

  it('never redirects off-site after sign-in, whatever the path', async () => {
    for (const attempt of ['/x/..//evil.example/p', '/\\evil.example/p', '/%2F%2Fevil.example']) {
      const response = await get(fixture.host.port, `${attempt}?token=${fixture.host.token}`);
      expect(response.status, attempt).toBe(303);
      expect(response.headers.location, attempt).toMatch(/^\/(?![/\\])/);
    }
  });

  it('serves the page and its assets to the cookie, with MIME types and cache rules', async () => {
    const page = await get(fixture.host.port, '/', withCookie());
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    const asset = await get(fixture.host.port, '/assets/app.js', withCookie());
    expect(asset.status).toBe(200);
    expect(asset.body).toBe(APP_JS);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const missing = await get(fixture.host.port, '/assets/nope.js', withCookie());
    expect(missing.status).toBe(404);
    // the browser's own favicon request gets an empty answer rather than a console-visible 404
    expect((await get(fixture.host.port, '/favicon.ico', withCookie())).status).toBe(204);
    expect((await get(fixture.host.port, '/favicon.ico')).status).toBe(401);
  });
});

describe('web host: request checks', () => {
  it('refuses a foreign Host header (DNS rebinding), even with a valid cookie or token', async () => {
    for (const host of ['evil.example', `evil.example:${fixture.host.port}`, `127.0.0.1:${fixture.host.port + 1}`, `127.0.0.1.evil.example:${fixture.host.port}`]) {
      const response = await get(fixture.host.port, '/', { ...withCookie(), Host: host });
      expect(response.status, host).toBe(403);
      const signIn = await get(fixture.host.port, `/?token=${fixture.host.token}`, { Host: host });
      expect(signIn.status, host).toBe(403);
      expect(signIn.headers['set-cookie']).toBeUndefined();
    }
  });

  it('accepts localhost:<port> as the Host too', async () => {
    const response = await get(fixture.host.port, '/', { ...withCookie(), Host: `localhost:${fixture.host.port}` });
    expect(response.status).toBe(200);
  });

  it('refuses non-GET requests, with 403 from a foreign Origin', async () => {
    const foreign = await get(fixture.host.port, '/', { ...withCookie(), Origin: 'http://evil.example' }, 'POST');
    expect(foreign.status).toBe(403);
    const own = await get(fixture.host.port, '/', { ...withCookie(), Origin: `http://127.0.0.1:${fixture.host.port}` }, 'POST');
    expect(own.status).toBe(405);
  });

  it('never serves a file outside the static root', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/%252e%252e/secret.txt',
      '/index.html%00.js',
      `//${'..'}/secret.txt`,
    ];
    for (const attempt of attempts) {
      const response = await get(fixture.host.port, attempt, withCookie());
      expect([400, 404], attempt).toContain(response.status);
      expect(response.body, attempt).not.toContain(SECRET);
    }
  });

  it('sends the security headers with every response, errors included', async () => {
    for (const response of [await get(fixture.host.port, '/', withCookie()), await get(fixture.host.port, '/'), await get(fixture.host.port, '/', { Host: 'evil.example' })]) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
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
