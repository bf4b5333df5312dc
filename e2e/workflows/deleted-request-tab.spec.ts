import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { RequestBuilderPage } from '../pages/request-builder-page';

test('deleting an open request from the tree leaves its tab as an unsaved draft; Undo links it back', async ({ page, fixtureServer }) => {
  const collections = new CollectionsPage(page);
  const builder = new RequestBuilderPage(page);
  await builder.url.fill(`${fixtureServer.url}/json`);
  await collections.saveAsNew('Headers KB', 'KB');
  await expect(collections.tab(/^GET\s*Headers KB$|^Headers KB$/)).toBeVisible();
  await expect(collections.tab(/\(unsaved\)/)).toHaveCount(0);

  await collections.item('Headers KB').focus();
  await page.keyboard.press('Delete');
  await expect(collections.item('Headers KB')).toHaveCount(0);
  // the tab stays, with what was in it, and no longer looks saved
  await expect(collections.tab('Headers KB (unsaved)')).toBeVisible();
  await expect(builder.url).toHaveValue(`${fixtureServer.url}/json`);

  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(collections.item('Headers KB')).toBeVisible();
  await expect(collections.tab(/^GET\s*Headers KB$|^Headers KB$/)).toBeVisible();
  await expect(collections.tab(/\(unsaved\)/)).toHaveCount(0);

  // deleted again and saved: Save asks where, as for a request never saved
  await collections.item('Headers KB').focus();
  await page.keyboard.press('Delete');
  await expect(collections.tab('Headers KB (unsaved)')).toBeVisible();
  await builder.url.focus();
  await page.keyboard.press('ControlOrMeta+S');
  await expect(collections.saveDialog).toBeVisible();
});
