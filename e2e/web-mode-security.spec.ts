import WebSocket from 'ws';
import { request as httpRequest } from 'node:http';
import type { Response } from '@playwright/test';
import { test, expect } from './fixtures';
import { RequestBuilderPage } from './pages/request-builder-page';
import { ResponseViewerPage } from './pages/response-viewer-page';

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
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      socket.terminate();
    });
    socket.on('error', () => resolve(0));
  });
}

test.describe('web mode guards its loopback server', () => {
  test('binds loopback only and prints a URL whose path is the token', async ({ courier }) => {
    expect(courier.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(courier.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(courier.url).toBe(`${courier.origin}/s/${courier.token}/`);
  });

  test('refuses a request without the token, with a wrong token, and the old ?token= link', async ({ courier, request }) => {
    const root = await request.get(`${courier.origin}/`, { maxRedirects: 0 });
    expect(root.status()).toBe(401);
    expect(await root.text()).toContain('open the URL printed by npm run web');
    for (const path of [`/s/${'A'.repeat(43)}/`, `/s/${courier.token.slice(1)}/`, `/?token=${courier.token}`, `/assets/`, '/bridge']) {
      const response = await request.get(`${courier.origin}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect(response.headers()['location'], path).toBeUndefined();
      expect(response.headers()['set-cookie'], path).toBeUndefined();
    }
    const page = await request.get(courier.url, { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    expect(page.headers()['set-cookie']).toBeUndefined();
    expect(page.headers()['referrer-policy']).toBe('no-referrer');
  });

  test('the secret path opens the app; its assets, Monaco workers and fonts and the bridge load without a refusal, also after a reload', async ({
    page,
    context,
    courier,
    fixtureServer,
  }) => {
    // The first load (by the fixture) settles first, so the reload below aborts nothing of it: the app is up (its
    // bridge socket opens with the first query, which can come after 'networkidle' on a busy machine).
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('textbox', { name: 'URL' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Active environment' })).toBeEnabled();
    await page.waitForLoadState('networkidle');
    const refused: string[] = [];
    const track = (response: Response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
    };
    context.on('response', track);
    // A lazy chunk still loading when reload() starts is aborted by the browser itself (net::ERR_ABORTED), which is no
    // refusal; a refusal by the server shows as a 4xx/5xx response above, and any other failure is still recorded.
    context.on('requestfailed', (failed) => {
      const reason = failed.failure()?.errorText ?? '';
      if (!reason.includes('ERR_ABORTED')) refused.push(`failed ${failed.url()} ${reason}`);
    });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    await page.reload();
    await expect(page).toHaveTitle(/Courier/);
    expect(page.url()).toBe(courier.url);
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    // A JSON response goes through the bridge and opens the Monaco viewer (its workers and codicon font).
    await builder.url.fill(`${fixtureServer.url}/echo?after=reload`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    await expect.poll(() => viewer.editorLines()).toContain('  "method": "GET",');
    await page.waitForLoadState('networkidle');

    expect(sockets).toEqual([`${courier.origin.replace('http', 'ws')}/s/${courier.token}/bridge`]);
    expect(refused).toEqual([]);
    // Nothing is remembered in the browser: the path is the only credential.
    expect(await context.cookies()).toEqual([]);
  });

  test('refuses a Host header that is not its own (DNS rebinding)', async ({ courier }) => {
    const status = await rawGet(courier.origin, `/s/${courier.token}/`, { host: `evil.example:${new URL(courier.origin).port}` });
    expect(status).toBe(403);
  });

  test('refuses the bridge WebSocket from a foreign Origin, even at the right secret path', async ({ courier }) => {
    const wsOrigin = courier.origin.replace('http', 'ws');
    const bridgeUrl = `${wsOrigin}/s/${courier.token}/bridge`;
    // The control: this exact URL opens from Courier's own origin, so every refusal below is the Origin check's doing.
    expect(await tryWebSocket(bridgeUrl, { origin: courier.origin })).toBe('open');
    expect(await tryWebSocket(bridgeUrl, { origin: 'http://evil.example' })).toBe(403);
    expect(await tryWebSocket(bridgeUrl, { origin: `http://127.0.0.1:${Number(new URL(courier.origin).port) + 1}` })).toBe(403);
    expect(await tryWebSocket(bridgeUrl, { origin: courier.origin.replace('127.0.0.1', 'localhost') })).toBe(403);
    expect(await tryWebSocket(bridgeUrl, {})).toBe(403);
    // and the right Origin is not enough without the secret path
    expect(await tryWebSocket(`${wsOrigin}/bridge`, { origin: courier.origin })).toBe(401);
    expect(await tryWebSocket(`${wsOrigin}/s/${'A'.repeat(43)}/bridge`, { origin: courier.origin })).toBe(401);
  });

  test('a page on another local port cannot reach the bridge, even knowing the token', async ({ page, courier, fixtureServer }) => {
    // Every 127.0.0.1 port is the same site to the browser; the Origin check is what keeps this page out.
    await page.goto(`${fixtureServer.url}/status/200`);
    const outcome = await page.evaluate(
      async (bridgeUrl) => {
        return await new Promise<string>((resolve) => {
          const socket = new WebSocket(bridgeUrl);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
          setTimeout(() => resolve('timeout'), 5_000);
        });
      },
      `${courier.origin.replace('http', 'ws')}/s/${courier.token}/bridge`,
    );
    expect(outcome).toBe('refused');
  });

  test('another local server the browser visits never receives the token: no Cookie, no Referer', async ({ page, context, courier, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    await expect(builder.url).toBeVisible();

    // 1. The user types another local address into the same browser.
    await page.goto(`${fixtureServer.url}/record-headers?via=address-bar`);
    await expect(page.getByRole('img', { name: 'pixel' })).toBeVisible();

    // 2. The Courier page itself navigates there (as a link in the page would): the browser would send a Referer.
    await page.goto(courier.url);
    await expect(builder.url).toBeVisible();
    await page.evaluate((target) => window.location.assign(target), `${fixtureServer.url}/record-headers?via=courier-page`);
    await page.waitForURL(/via=courier-page/);
    await expect(page.getByRole('img', { name: 'pixel' })).toBeVisible();

    // 3. Courier sends a request to it (the API under test), through the engine.
    await page.goto(courier.url);
    await builder.url.fill(`${fixtureServer.url}/record-headers?via=courier-send`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    // Everything the three visits asked for has arrived (waiting for 'networkidle' instead can stall on a busy
    // machine while the window keeps fetching chunks it loads at idle).
    await expect.poll(() => fixtureServer.recordedRequests().filter((entry) => entry.path === '/record-headers?via=courier-send').length).toBe(1);

    const recorded = fixtureServer.recordedRequests();
    const paths = recorded.map((entry) => entry.path);
    for (const via of ['address-bar', 'courier-page', 'courier-send']) expect(paths).toContain(`/record-headers?via=${via}`);
    expect(paths).toContain('/record-headers/pixel.png');
    expect(paths).toContain('/record-headers/fetch');
    for (const { path, headers } of recorded) {
      expect(JSON.stringify(headers), path).not.toContain(courier.token);
      expect(headers.cookie, path).toBeUndefined();
      expect(headers.referer ?? '', path).not.toContain('/s/');
    }
    // Referrer-Policy: no-referrer on Courier's page: not even its origin is sent when it navigates away.
    const fromCourier = recorded.find((entry) => entry.path === '/record-headers?via=courier-page');
    expect(fromCourier?.headers.referer).toBeUndefined();
    expect(await context.cookies()).toEqual([]);
  });
});
