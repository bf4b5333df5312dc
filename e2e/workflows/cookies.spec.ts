import { test, expect } from '../fixtures';
import { CookiesPage } from '../pages/cookies-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { ResponseViewerPage } from '../pages/response-viewer-page';
import { startCookieServer, type CookieServer } from '../servers/cookie-server';

/**
 * A login cookie as people coming from Postman expect it: a response sets it, the next request sends it back (shown
 * and kept masked, as a secret), the Cookies dialog shows it (value masked until Reveal) and clears it, and a request
 * with "Send and store cookies" off neither sends nor keeps one.
 */
const SESSION = 'e2e-session-7Hq2';

let server: CookieServer;
test.beforeEach(async () => {
  server = await startCookieServer(SESSION);
});
test.afterEach(async () => {
  await server.close();
});

test('a cookie a response sets goes on the next request, shows in the Cookies dialog, and is gone once cleared', async ({ page }) => {
  const builder = new RequestBuilderPage(page);
  const viewer = new ResponseViewerPage(page);
  const cookies = new CookiesPage(page);
  const body = async () => (await viewer.editorLines()).join('\n');

  await test.step('log in, then ask who we are: the cookie comes back', async () => {
    await builder.url.fill(`${server.url}/login`);
    await builder.send();
    await expect.poll(body).toContain('loggedIn');
    await builder.url.fill(`${server.url}/whoami`);
    await builder.send();
    await expect.poll(body).toContain(`session=${SESSION}`);
  });

  await test.step('the sent request shows the Cookie header that went out, its value masked as a secret', async () => {
    await expect(viewer.region.getByText('Contains a secret')).toBeVisible();
    await viewer.openTab('Sent request');
    await expect(viewer.region.getByText('session=••••••').first()).toBeVisible();
    await expect(viewer.region.getByText(SESSION)).toHaveCount(0);
    await viewer.openTab('Response body');
  });

  await test.step('the Cookies dialog lists it under its domain, value masked until Reveal', async () => {
    await cookies.open();
    const row = cookies.row('127.0.0.1', 'session');
    await expect(row).toBeVisible();
    await expect(row).not.toContainText(SESSION);
    await expect(row).toContainText('Session');
    await row.getByRole('button', { name: 'Reveal value of session' }).click();
    await expect(row).toContainText(SESSION);
    await cookies.dialog.getByRole('button', { name: 'Clear cookies of 127.0.0.1' }).click();
    await expect(cookies.dialog.getByText(/^No cookies\./)).toBeVisible();
    await cookies.close();
  });

  await test.step('sent again, the request carries no cookie', async () => {
    await builder.send();
    await expect.poll(body).toContain('"cookie": "none"');
  });

  await test.step('with "Send and store cookies" off, a login keeps nothing', async () => {
    await builder.openTab('Settings');
    await builder.request.getByRole('checkbox', { name: 'Send and store cookies' }).uncheck();
    await builder.url.fill(`${server.url}/login`);
    await builder.send();
    await expect.poll(body).toContain('loggedIn');
    await cookies.open();
    await expect(cookies.dialog.getByText(/^No cookies\./)).toBeVisible();
    await cookies.close();
  });
});
