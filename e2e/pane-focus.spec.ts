import { test, expect } from './fixtures';
import { RequestBuilderPage } from './pages/request-builder-page';
import { expectFocusWithin } from './pages/keyboard';
import { CollectionsPage } from './pages/collections-page';
import { HistoryPanelPage } from './pages/history-panel-page';

test.describe('F6 moves between the window regions', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('URL → request sections → response → side panel → URL, Shift+F6 back, and out of the body editor', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.send();
    await builder.expectStatus('200 OK');

    const requestTab = page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { selected: true });
    const responseTab = page.getByRole('tablist', { name: 'Response sections' }).getByRole('tab', { selected: true });
    const sidePanel = page.locator('#collections-panel');

    await builder.url.focus();
    await page.keyboard.press('F6');
    await expect(requestTab).toBeFocused();
    await page.keyboard.press('F6');
    await expect(responseTab).toBeFocused();
    await page.keyboard.press('F6');
    await expectFocusWithin(sidePanel);
    await page.keyboard.press('F6');
    await expect(builder.url).toBeFocused();

    await page.keyboard.press('Shift+F6');
    await expectFocusWithin(sidePanel);
    await page.keyboard.press('Shift+F6');
    await expect(responseTab).toBeFocused();
    await page.keyboard.press('Shift+F6');
    await expect(requestTab).toBeFocused();
    await page.keyboard.press('Shift+F6');
    await expect(builder.url).toBeFocused();

    // inside Monaco, F6 is not typed into the body: it leaves the editor for the response
    await builder.setJsonBody('{"a": 1}');
    const editor = page.getByRole('textbox', { name: 'Request body (JSON)' });
    await expect(editor).toBeFocused();
    await page.keyboard.press('F6');
    await expect(responseTab).toBeFocused();
  });

  test('from the tree row a request was opened from to the URL; the tree row and the history list are side-panel stops', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const collections = new CollectionsPage(page);
    const history = new HistoryPanelPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.send();
    await builder.expectStatus('200 OK');
    await collections.saveAsNew('Echo', 'Demo');
    const row = collections.item('Echo');
    await expect(row).toBeVisible();

    // Enter on a row opens the request and leaves the focus in the tree: F6 takes it to the URL
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(row).toBeFocused();
    await page.keyboard.press('F6');
    await expect(builder.url).toBeFocused();
    await page.keyboard.press('Shift+F6');
    await expect(row).toBeFocused();

    // with the history panel open too, it is the stop after the tree
    await history.open();
    await expect(history.rows.first()).toBeVisible();
    await builder.url.focus();
    await page.keyboard.press('Shift+F6');
    await expectFocusWithin(history.list);
    await page.keyboard.press('Shift+F6');
    await expect(row).toBeFocused();
  });
});
