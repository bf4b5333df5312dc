import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { EnvironmentsPage } from '../pages/environments-page';
import { ImportExportPage } from '../pages/import-export-page';
import { RequestBuilderPage } from '../pages/request-builder-page';

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

/**
 * Canary: exports of a request that inherits its collection's auth write no secret, in any format. The export dialog
 * promises it ("secrets never are [written]: they become environment-variable lookups"), curl included: a credential
 * kept in the vault ({{$credential.…}}) and a secret variable become named slots ($TOKEN, {{TOKEN}}…), never their values.
 */
test('Export of a request inheriting a vault-kept collection credential or a secret variable writes neither, in every format', async ({
  page,
  courier,
  consoleErrors,
}) => {
  const VAULT_CANARY = 'vault-canary-Q7x2!d9';
  const SECRET_CANARY = 'secret-var-canary-K3m8';
  const collections = new CollectionsPage(page);
  const env = new EnvironmentsPage(page);
  const builder = new RequestBuilderPage(page);
  const io = new ImportExportPage(page);
  await env.setPassphrase('correct horse battery staple');
  await env.openEditor();
  await env.addEnvironment('Prod');
  await env.addVariable('apiSecret', SECRET_CANARY, { secret: true });
  await env.save();
  await env.closeEditor();
  await env.picker.selectOption({ label: 'Prod' });

  const exportsOf = async (collection: string) => {
    await io.exportButton.click();
    const format = io.exportDialog.getByRole('combobox', { name: 'Format' });
    await expect(format).toBeVisible();
    const labels = await format.locator('option').allTextContents();
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) {
      await format.selectOption({ label });
      const text = io.exportedText();
      await expect(text).not.toHaveText(/^(Writing…)?$/);
      const written = (await text.textContent()) ?? '';
      const what = `${collection}: ${label}`;
      expect(written, what).toContain('api.test');
      expect(written, what).not.toContain(VAULT_CANARY);
      expect(written, what).not.toContain(SECRET_CANARY);
      expect(written, what).not.toContain('$credential');
      // the inherited auth is there, as a slot the user fills: not silently left out
      expect(written, what).toMatch(/bearer/i);
    }
    await io.exportDialog.getByRole('button', { name: 'Close' }).click();
    await expect(io.exportDialog).toBeHidden();
  };
  const collectionWithToken = async (name: string, token: string) => {
    await collections.newCollection(name);
    await collections.menu(name, 'Settings…');
    const settings = page.getByRole('dialog', { name: 'Collection settings' });
    await settings.getByRole('combobox', { name: 'Type' }).selectOption('Bearer token');
    await settings.getByLabel('Token', { exact: true }).fill(token);
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings).toBeHidden();
    await collections.menu(name, 'New request');
    await expect(collections.tab('New request')).toBeVisible();
    await builder.url.fill('https://api.test/items');
    await builder.chooseAuth('Inherit from parent');
    await page.keyboard.press('ControlOrMeta+S');
    await exportsOf(name);
    await collections.closeTab('New request');
  };
  // a token typed into the collection's settings, kept in the vault; and a reference to a secret variable
  await collectionWithToken('Vaulted', VAULT_CANARY);
  const vaultedFile = await readFile(path.join(courier.dataDir, 'workspace', 'vaulted', 'collection.json'), 'utf8');
  expect(vaultedFile).toContain('$credential.');
  expect(vaultedFile).not.toContain(VAULT_CANARY);
  await collectionWithToken('Keyed', '{{apiSecret}}');
  expect(consoleErrors).toEqual([]);
});

/**
 * Export read a snapshot of the collection's settings that was emptied each time the workspace changed (a save) until
 * it was read again, so an Export pressed right after Ctrl+S wrote the request without its inherited auth. Whether the
 * Auth tab had been opened only changed how long the user took to get there (its panel loaded on first use).
 */
test('Export right after saving a request that inherits a vault-kept token names its bearer slot, whether or not the Auth tab was opened', async ({
  page,
  consoleErrors,
}) => {
  const collections = new CollectionsPage(page);
  const env = new EnvironmentsPage(page);
  const builder = new RequestBuilderPage(page);
  const io = new ImportExportPage(page);
  await env.setPassphrase('correct horse battery staple');
  await collections.newCollection('Vaulted');
  await collections.menu('Vaulted', 'Settings…');
  const settings = page.getByRole('dialog', { name: 'Collection settings' });
  await settings.getByRole('combobox', { name: 'Type' }).selectOption('Bearer token');
  await settings.getByLabel('Token', { exact: true }).fill('vault-canary-R4t8');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  for (const authTabOpened of [false, true, false, true]) {
    await test.step(`a request saved and exported at once, Auth tab ${authTabOpened ? 'opened' : 'never opened'}`, async () => {
      await collections.menu('Vaulted', 'New request');
      await expect(collections.tab('New request')).toBeVisible();
      if (authTabOpened) {
        await builder.openTab('Auth');
        await expect(page.getByRole('note', { name: 'What is sent' })).toContainText('Vaulted');
      }
      await builder.url.fill('https://api.test/items');
      await page.keyboard.press('ControlOrMeta+S');
      await io.exportButton.click();
      const text = io.exportedText();
      await expect(text).toContainText('https://api.test/items');
      // the token is a slot the user fills from their environment: -H 'Authorization: Bearer '"$TOKEN"
      await expect(text).toContainText(/Authorization: Bearer .*\$TOKEN/);
      await expect(text).not.toContainText('vault-canary-R4t8');
      await io.exportDialog.getByRole('button', { name: 'Close' }).click();
      await expect(io.exportDialog).toBeHidden();
      await collections.closeTab('New request');
    });
  }
  expect(consoleErrors).toEqual([]);
});
