import WebSocket from 'ws';
import { request as httpRequest } from 'node:http';
import { test, expect } from './fixtures';

/** Sends a raw request so the test controls the Host header, as a DNS-rebinding page would. */
function rawGet(origin: string, path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function tryWebSocket(url: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', () => resolve(0));
  });
}

test.describe('web mode guards its loopback server', () => {
  test('binds loopback only and prints a tokenised URL', async ({ courier }) => {
    expect(courier.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(courier.token.length).toBeGreaterThanOrEqual(32);
  });

  test('refuses a request without the token, and one with a wrong token', async ({ courier, request }) => {
    const missing = await request.get(`${courier.origin}/`, { maxRedirects: 0 });
    expect(missing.status()).toBe(401);
    const wrong = await request.get(`${courier.origin}/?token=not-the-token`, { maxRedirects: 0 });
    expect(wrong.status()).toBe(401);
  });

  test('the token opens the app in the browser, and the URL no longer shows it', async ({ page }) => {
    await expect(page).toHaveTitle(/Courier/);
    expect(page.url()).not.toContain('token=');
  });

  test('refuses a Host header that is not its own (DNS rebinding)', async ({ courier }) => {
    const status = await rawGet(courier.origin, `/?token=${courier.token}`, { host: `evil.example:${new URL(courier.origin).port}` });
    expect(status).toBe(403);
  });

  test('refuses the bridge WebSocket from a foreign Origin, even with a valid token', async ({ courier }) => {
    const wsUrl = `${courier.origin.replace('http', 'ws')}/bridge?token=${courier.token}`;
    expect(await tryWebSocket(wsUrl, { origin: 'http://evil.example' })).not.toBe('open');
    expect(await tryWebSocket(wsUrl.replace(/\?token=.*/, ''), { origin: courier.origin })).not.toBe('open');
  });

  test('a page on another local port cannot reach the bridge, though the browser holds the cookie', async ({ page, courier, fixtureServer }) => {
    // The cookie is same-site for every 127.0.0.1 port, so only the Origin check stands between this page and the bridge.
    await page.goto(`${fixtureServer.url}/status/200`);
    const outcome = await page.evaluate(async (bridgeUrl) => {
      return await new Promise<string>((resolve) => {
        const socket = new WebSocket(bridgeUrl);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
        setTimeout(() => resolve('timeout'), 5_000);
      });
    }, `${courier.origin.replace('http', 'ws')}/bridge`);
    expect(outcome).toBe('refused');
  });
});
