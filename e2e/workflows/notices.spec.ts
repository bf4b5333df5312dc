import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { HistoryPanelPage } from '../pages/history-panel-page';
import { LayoutPage } from '../pages/layout-page';
import { RequestBuilderPage } from '../pages/request-builder-page';

test('the "Deleted …. Undo" toast goes by itself after about ten seconds, and not while it has focus', async ({ page, fixtureServer }) => {
  test.setTimeout(90_000);
  const builder = new RequestBuilderPage(page);
  const collections = new CollectionsPage(page);
  await builder.url.fill(`${fixtureServer.url}/echo`);
  await collections.saveAsNew('Echo', 'Demo');
  await new LayoutPage(page).open(new LayoutPage(page).collectionsToggle);
  await collections.item('Echo').focus();
  await page.keyboard.press('Delete');
  const toast = page.getByRole('status').filter({ hasText: 'Deleted “Echo”' });
  await expect(toast).toBeVisible();
  // while the keyboard user is on Undo it stays
  await toast.getByRole('button', { name: 'Undo' }).focus();
  await page.waitForTimeout(11_000);
  await expect(toast).toBeVisible();
  // it stayed for minutes before, across other actions
  await builder.url.focus();
  await expect(toast).toBeHidden({ timeout: 12_000 });
});

test('at 1440×900 with both panels open the history selection bar shows every button whole', async ({ page, fixtureServer }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const builder = new RequestBuilderPage(page);
  for (const path of ['/echo?a=1', '/echo?b=2']) {
    await builder.url.fill(`${fixtureServer.url}${path}`);
    await builder.send();
    await expect(page.getByTestId('response-status')).toContainText('200');
  }
  const layout = new LayoutPage(page);
  await layout.open(layout.collectionsToggle);
  await layout.open(layout.historyToggle);
  const history = new HistoryPanelPage(page);
  await history.expectRowCount(2);
  const boxes = history.list.getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const panel = (await history.panel.boundingBox())!;
  for (const name of ['Compare', 'Export selected', 'Clear selection']) {
    const button = history.panel.getByRole('button', { name, exact: true });
    await expect(button).toBeVisible();
    const box = (await button.boundingBox())!;
    expect(box.x + box.width, name).toBeLessThanOrEqual(panel.x + panel.width);
    expect(await button.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), name).toBe(true);
  }
});
