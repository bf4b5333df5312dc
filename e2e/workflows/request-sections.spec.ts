import { test, expect } from '../fixtures';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { RequestTabsPage } from '../pages/request-tabs-page';

test('each request tab reopens on the section it was left on', async ({ page }) => {
  const builder = new RequestBuilderPage(page);
  const tabs = new RequestTabsPage(page);
  await builder.url.fill('http://127.0.0.1:9/one');
  await builder.openTab('Auth');
  await tabs.newTab();
  await builder.url.fill('http://127.0.0.1:9/two');
  await builder.openTab('Body');

  await tabs.select(0);
  await expect(builder.tab('Auth')).toHaveAttribute('aria-selected', 'true');
  await tabs.select(1);
  await expect(builder.tab('Body')).toHaveAttribute('aria-selected', 'true');
  // by keyboard too
  await page.keyboard.press('Control+Alt+PageUp');
  await expect(builder.tab('Auth')).toHaveAttribute('aria-selected', 'true');
});
