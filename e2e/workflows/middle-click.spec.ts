import { expect, test } from '../fixtures';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { RequestTabsPage } from '../pages/request-tabs-page';

/**
 * A middle click on a tab closes it and does nothing else. On Linux the middle button also pastes the primary
 * selection where the focus is; closing moved focus into the next tab's URL field during the click, so a selected word
 * was pasted into another request's URL (new-user pass, 2026-12-05).
 */
test.describe('middle click on a tab', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('closes that tab and leaves the tab that becomes active exactly as it was', async ({ page, fixtureServer }) => {
    const tabs = new RequestTabsPage(page);
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/post`);
    await page.keyboard.press('Alt+t');
    await expect(tabs.list.getByRole('tab')).toHaveCount(2);
    await builder.url.fill(`${fixtureServer.url}/echo/auth`);
    // select a word in the second tab's URL: on Linux this is the primary selection a middle click pastes
    await builder.url.dblclick({ position: { x: 20, y: 8 } });
    await tabs.tab(1).click({ button: 'middle' });
    // the tab holds unsaved work: the close asks first, as the × does
    await page.getByRole('alertdialog', { name: 'Save changes?' }).getByRole('button', { name: 'Don’t save' }).click();
    await expect(tabs.list.getByRole('tab')).toHaveCount(1);
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/post`);
    await page.waitForTimeout(200);
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/post`);
  });
});
