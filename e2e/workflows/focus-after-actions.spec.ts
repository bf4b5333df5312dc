import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { expectFocusWithin } from '../pages/keyboard';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { ResponseViewerPage } from '../pages/response-viewer-page';

/** Where keyboard focus lands after an action (findings 13 and 37 of the new-user UI pass). */

test('"New request" from a collection\'s menu opens its tab with the URL field focused, ready to type', async ({ page, fixtureServer }) => {
  const collections = new CollectionsPage(page);
  const builder = new RequestBuilderPage(page);
  await collections.newCollection('Billing');
  await collections.menu('Billing', 'New request');
  await expect(collections.tab('New request')).toBeVisible();
  await expect(builder.url).toBeFocused();
  await page.keyboard.type(`${fixtureServer.url}/echo`);
  await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo`);
});

test('Esc from the read-only response editor, the last control on the page, lands on its Copy button, not on the page body', async ({
  page,
  fixtureServer,
}) => {
  const builder = new RequestBuilderPage(page);
  const response = new ResponseViewerPage(page);
  await builder.url.fill(`${fixtureServer.url}/echo`);
  await builder.send();
  await expect(response.bodyEditor).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await response.bodyEditor.locator('.view-lines').click();
  await expectFocusWithin(response.bodyEditor);
  await page.keyboard.press('Escape');
  await expect(response.region.getByRole('button', { name: /^Copy/ })).toBeFocused();
});
