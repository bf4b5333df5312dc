import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { EnvironmentsPage } from '../pages/environments-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { startCourierWeb } from '../support/courier-web';

/**
 * Finding 41 of the new-user UI pass: after `npm run web` restarted (new token), the page still open on the old
 * address blamed the server ("Is `npm run web` still running?", backticks and all) and the top bar kept saying the
 * vault was fine. The page now says what happened, for the whole window: stopped, then restarted under a new address.
 */
test('a page left open while Courier stops and restarts says so across the window, and names the real cause', async ({ browser, fixtureServer }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-restart-'));
  let courier = await startCourierWeb({ dataDir });
  try {
    const port = Number(new URL(courier.url).port);
    const page = await browser.newPage();
    await page.goto(courier.url);
    const env = new EnvironmentsPage(page);
    const builder = new RequestBuilderPage(page);
    await expect(env.vaultIndicator('Set a vault passphrase')).toBeVisible();

    await courier.stop();
    const banner = page.getByRole('alert').filter({ hasText: 'Lost the connection to Courier' });
    await expect(banner).toContainText('it is not running');
    // the vault's last known state is not shown as if all were well
    await expect(page.getByText('Not connected', { exact: true })).toBeVisible();
    await expect(env.vaultIndicator('Set a vault passphrase')).toHaveCount(0);

    courier = await startCourierWeb({ dataDir, port });
    await expect(banner).toHaveText(/^Lost the connection to Courier — if it restarted, open the new address it printed\./);

    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.send();
    await expect(builder.response.getByRole('alert')).toContainText('open the new address it printed');
    await expect(page.getByText('npm run web`')).toHaveCount(0);
    await page.close();

    // the address it printed works
    const fresh = await browser.newPage();
    await fresh.goto(courier.url);
    await expect(new EnvironmentsPage(fresh).vaultIndicator('Set a vault passphrase')).toBeVisible();
    await expect(fresh.getByRole('alert').filter({ hasText: 'Lost the connection' })).toHaveCount(0);
    await fresh.close();
  } finally {
    await courier.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
