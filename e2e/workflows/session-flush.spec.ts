import { expect, test } from '../fixtures';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { RequestTabsPage } from '../pages/request-tabs-page';

/** The session is written a moment after the last keystroke, and at once when the page goes away before that. */
test.describe('session flush', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('text typed just before a reload is there after it', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const tabs = new RequestTabsPage(page);
    await builder.url.focus();
    await page.keyboard.type(`${fixtureServer.url}/echo/first`);
    await tabs.newTab();
    await builder.url.focus();
    await page.keyboard.type(`${fixtureServer.url}/echo/typed-then-reloaded`);
    // no pause: the reload starts well within the session's save delay
    await page.reload();
    await expect(tabs.list.getByRole('tab')).toHaveCount(2);
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo/typed-then-reloaded`);
    await tabs.select(0);
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo/first`);
  });
});
