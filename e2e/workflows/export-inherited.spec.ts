import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { ImportExportPage } from '../pages/import-export-page';

/**
 * A new user's finding: a request set to "Inherit from parent" exported as curl lacked the collection's auth and
 * headers, so the code failed where Send worked. Export writes what Send sends.
 */
test('Export of a saved request carries the auth and headers it inherits from its collection and folder', async ({ page, courier, consoleErrors }) => {
  const collections = new CollectionsPage(page);
  const io = new ImportExportPage(page);
  const root = path.join(courier.dataDir, 'workspace', 'shop');
  await mkdir(path.join(root, 'orders'), { recursive: true });
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(
    path.join(root, 'collection.json'),
    json({
      name: 'Shop',
      order: ['orders'],
      variables: [
        { name: 'baseUrl', value: 'https://shop.test' },
        { name: 'token', value: 'plain-token-1' },
      ],
      headers: [{ name: 'X-Coll', value: 'from-collection' }],
      auth: { kind: 'bearer', token: '{{token}}' },
    }),
  );
  await writeFile(
    path.join(root, 'orders', 'folder.json'),
    json({ name: 'Orders', order: ['list.request.json'], headers: [{ name: 'X-Folder', value: 'orders' }] }),
  );
  await writeFile(
    path.join(root, 'orders', 'list.request.json'),
    json({ name: 'List orders', method: 'GET', url: '{{baseUrl}}/orders', auth: { kind: 'inherit' }, headers: [{ name: 'X-Own', value: 'mine' }] }),
  );
  await expect(collections.item('Shop')).toBeVisible();
  await collections.item('List orders').click();
  await expect(collections.tab('List orders')).toBeVisible();

  await io.exportButton.click();
  const text = io.exportedText();
  await expect(text).toContainText('https://shop.test/orders');
  await expect(text).toContainText('X-Coll: from-collection');
  await expect(text).toContainText('X-Folder: orders');
  await expect(text).toContainText('X-Own: mine');
  await expect(text).toContainText('Authorization: Bearer plain-token-1');
  expect(consoleErrors).toEqual([]);
});
