import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { CollectionsPage } from './pages/collections-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { startCourierWeb } from './support/courier-web';
import { settingsValue } from './support/session-file';

test.describe('collections', () => {
  test('send, save to a collection, see the file on disk, edit it outside Courier, see the change', async ({ page, courier, fixtureServer, consoleErrors }) => {
    const builder = new RequestBuilderPage(page);
    const collections = new CollectionsPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo?color=blue`);
    await builder.send();
    await expect(page.getByTestId('response-status')).toHaveText('200 OK');
    await expect(collections.tab('GET /echo?color=blue (unsaved)')).toBeVisible();

    await collections.saveAsNew('Echo blue', 'Team API');
    await expect(collections.item('Team API')).toBeVisible();
    await expect(collections.item('Echo blue')).toHaveAttribute('aria-selected', 'true');
    await expect(collections.tab('Echo blue')).toBeVisible();

    const file = path.join(courier.dataDir, 'workspace', 'team-api', 'echo-blue.request.json');
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ format: 2, name: 'Echo blue', method: 'GET', url: `${fixtureServer.url}/echo?color=blue` });
    await page.screenshot({ path: path.join(tmpdir(), 'courier-collections-saved.png') });

    // As a git pull would: the file changes under Courier, which notices and shows the new content.
    await writeFile(file, text.replace('color=blue', 'color=green').replace('"Echo blue"', '"Echo green"'));
    await expect(collections.item('Echo green')).toBeVisible();
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?color=green`);
    await expect(collections.tab('Echo green')).toBeVisible();

    // A file that does not parse is listed with its error, and Courier leaves it alone.
    await writeFile(path.join(courier.dataDir, 'workspace', 'team-api', 'broken.request.json'), '{ <<<<<<< HEAD');
    await expect(collections.item('broken (cannot be read)')).toBeVisible();
    await page.screenshot({ path: path.join(tmpdir(), 'courier-collections-external.png') });
    expect(consoleErrors).toEqual([]);
  });

  test('open tabs and unsaved drafts come back after a restart; closing an unsaved tab asks', async ({ browser, fixtureServer }) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-tabs-'));
    try {
      let courier = await startCourierWeb({ dataDir });
      let page = await browser.newPage();
      await page.goto(courier.url);
      let builder = new RequestBuilderPage(page);
      let collections = new CollectionsPage(page);
      await builder.url.fill(`${fixtureServer.url}/echo?first=1`);
      await page.getByRole('button', { name: 'New request tab' }).click();
      await builder.url.fill(`${fixtureServer.url}/echo?second=2`);
      await expect(collections.tabs.getByRole('tab')).toHaveCount(2);
      // The session is written shortly after the last change: wait until it holds both tabs, the second as typed.
      await expect
        .poll(async () =>
          ((await settingsValue(dataDir, 'workspace.session')) as { tabs?: { request: { url: string } }[] } | undefined)?.tabs?.map((t) => t.request.url),
        )
        .toEqual([`${fixtureServer.url}/echo?first=1`, `${fixtureServer.url}/echo?second=2`]);
      await page.close();
      await courier.stop();

      courier = await startCourierWeb({ dataDir });
      page = await browser.newPage();
      await page.goto(courier.url);
      builder = new RequestBuilderPage(page);
      collections = new CollectionsPage(page);
      await expect(collections.tabs.getByRole('tab')).toHaveCount(2);
      await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?second=2`);
      await collections.tabs.getByRole('tab').first().click();
      await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?first=1`);

      const first = collections.tabs.getByRole('tab', { selected: true });
      await expect(first).toHaveAccessibleName(/\(unsaved\)$/);
      await first.press('Delete');
      await expect(collections.unsavedDialog).toBeVisible();
      await page.screenshot({ path: path.join(tmpdir(), 'courier-collections-unsaved.png') });
      await collections.unsavedDialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(collections.tabs.getByRole('tab')).toHaveCount(2);
      await first.press('Delete');
      await collections.unsavedDialog.getByRole('button', { name: 'Don’t save' }).click();
      await expect(collections.tabs.getByRole('tab')).toHaveCount(1);
      await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?second=2`);
      await page.close();
      await courier.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('New collection asks for its name first: Escape or an empty name creates nothing on disk', async ({ page, courier, consoleErrors }) => {
    const collections = new CollectionsPage(page);
    const workspaceFolders = async () =>
      (await readdir(path.join(courier.dataDir, 'workspace'), { withFileTypes: true }).catch(() => []))
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name);
    const newCollection = page.getByRole('button', { name: 'New collection' });
    const dialog = page.getByRole('dialog', { name: 'New collection' });
    const name = dialog.getByRole('textbox', { name: 'Collection name' });

    await newCollection.click();
    await expect(name).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(newCollection).toBeFocused();

    await newCollection.click();
    await name.fill('   ');
    await name.press('Enter');
    await expect(dialog).toBeVisible(); // nothing to create yet: the dialog stays and says why
    await expect(dialog).toContainText('Give the collection a name.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(collections.tree.getByRole('treeitem')).toHaveCount(0);
    expect(await workspaceFolders()).toEqual([]);

    await newCollection.click();
    await name.fill('Billing');
    await name.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(collections.item('Billing')).toBeFocused();
    expect(await workspaceFolders()).toEqual(['billing']);

    // a name already taken is refused in the dialog, with what was typed still there to change
    await newCollection.click();
    await name.fill('BILLING');
    await name.press('Enter');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('alert')).toContainText('A collection named "Billing" already exists');
    await expect(name).toHaveValue('BILLING');
    await name.fill('Billing EU');
    await name.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(collections.item('Billing EU')).toBeFocused();
    expect((await workspaceFolders()).sort()).toEqual(['billing', 'billing-eu']);
    expect(consoleErrors).toEqual([]);
  });

  test('create, rename, settings, duplicate, reorder by keyboard, delete and undo', async ({ page, courier, consoleErrors }) => {
    const collections = new CollectionsPage(page);
    await collections.newCollection('Billing');

    await collections.menu('Billing', 'Settings…');
    const settings = page.getByRole('dialog', { name: 'Collection settings' });
    await settings.getByRole('textbox', { name: 'New header name' }).fill('X-Team');
    await settings.getByRole('textbox', { name: 'Header 1 value' }).fill('core');
    await settings.getByRole('combobox', { name: 'Type' }).selectOption('Bearer token');
    await settings.getByLabel('Token', { exact: true }).fill('typed-secret-123');
    await settings.getByRole('button', { name: 'Save' }).click();
    // a typed credential goes to the vault, not the file: with no vault set up, saving says so and writes nothing
    await expect(settings.getByRole('alert')).toContainText('kept in the vault, not in the file');
    await settings.getByLabel('Token', { exact: true }).fill('{{billingToken}}');
    // the collection's script, in the script editor (Monaco, loaded on first use)
    const script = settings.getByRole('textbox', { name: /^Pre-request script/ });
    await expect(script).toBeAttached({ timeout: 30_000 });
    await script.focus();
    await page.keyboard.insertText('pm.variables.set("team", "core");');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings).toBeHidden();
    const collectionFile = await readFile(path.join(courier.dataDir, 'workspace', 'billing', 'collection.json'), 'utf8');
    expect(JSON.parse(collectionFile).headers).toEqual([{ name: 'X-Team', value: 'core' }]);
    expect(JSON.parse(collectionFile).scripts).toMatchObject({ preRequest: 'pm.variables.set("team", "core");' });
    expect(collectionFile).not.toContain('typed-secret-123');

    await collections.menu('Billing', 'New request');
    await expect(collections.tab('New request')).toBeVisible();
    await collections.menu('New request', 'Duplicate');
    await expect(collections.item('New request copy')).toBeVisible();
    const order = () => collections.tree.getByRole('treeitem').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
    expect(await order()).toEqual(['Billing', 'New request', 'New request copy']);
    await collections.item('New request copy').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(order).toEqual(['Billing', 'New request copy', 'New request']);

    await collections.item('New request copy').focus();
    await page.keyboard.press('Delete');
    await expect.poll(order).toEqual(['Billing', 'New request']);
    await collections.item('Billing').hover();
    await collections.menuButton('Billing').click();
    await page.screenshot({ path: path.join(tmpdir(), 'courier-collections-menu.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(order).toEqual(['Billing', 'New request copy', 'New request']);

    // Drag and drop: a request dropped on another takes its place.
    await collections.item('New request').dragTo(collections.item('New request copy'));
    await expect.poll(order).toEqual(['Billing', 'New request', 'New request copy']);
    expect(consoleErrors).toEqual([]);
  });

  test('Collection settings: Esc with nothing changed closes at once; with a variable typed it asks, and Keep editing keeps it', async ({
    page,
    consoleErrors,
  }) => {
    const collections = new CollectionsPage(page);
    await collections.newCollection('Quiet');
    await collections.menu('Quiet', 'Settings…');
    const settings = page.getByRole('dialog', { name: 'Collection settings' });
    // the script editors (Monaco) load while the dialog is open: loading them is not a change
    await expect(settings.getByRole('textbox', { name: /^Pre-request script/ })).toBeAttached({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();

    await collections.menu('Quiet', 'Settings…');
    await settings.getByRole('textbox', { name: 'New variable name' }).fill('extra');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('alertdialog', { name: 'Discard your changes?' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await expect(ask).toBeHidden();
    await expect(settings.getByRole('textbox', { name: 'Variable 1 name' })).toHaveValue('extra');
    await settings.getByRole('button', { name: 'Cancel' }).click();
    // by keyboard: the question opens on Keep editing, Tab moves on to Discard changes, and Enter gives that answer
    await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(ask.getByRole('button', { name: 'Discard changes' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(settings).toBeHidden();
    expect(consoleErrors).toEqual([]);
  });

  test('exports a collection and a folder from the tree menu as Postman Collection v2.1 files', async ({ page, courier, consoleErrors }) => {
    const collections = new CollectionsPage(page);
    // Files as a git checkout would bring them: Courier notices them and lists them.
    const root = path.join(courier.dataDir, 'workspace', 'shop');
    await mkdir(path.join(root, 'orders'), { recursive: true });
    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
    await writeFile(path.join(root, 'orders', 'folder.json'), json({ name: 'Orders', order: ['list-orders.request.json'] }));
    await writeFile(path.join(root, 'orders', 'list-orders.request.json'), json({ name: 'List orders', method: 'GET', url: '{{baseUrl}}/orders' }));
    await writeFile(path.join(root, 'ping.request.json'), json({ name: 'Ping', method: 'GET', url: '{{baseUrl}}/ping' }));
    await writeFile(path.join(root, 'broken.request.json'), '{ <<<<<<< HEAD');
    await writeFile(
      path.join(root, 'collection.json'),
      json({
        name: 'Shop',
        order: ['orders', 'ping.request.json'],
        variables: [{ name: 'baseUrl', value: 'https://shop.test' }],
        auth: { kind: 'bearer', token: '{{token}}' },
      }),
    );
    await expect(collections.item('Shop')).toBeVisible();
    await expect(collections.item('broken (cannot be read)')).toBeVisible();

    const exportFrom = async (item: string) => {
      const downloading = page.waitForEvent('download');
      await collections.menu(item, 'Export as Postman collection');
      const download = await downloading;
      const file = await download.path();
      return { name: download.suggestedFilename(), json: JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> };
    };

    const shop = await exportFrom('Shop');
    expect(shop.name).toBe('Shop.postman_collection.json');
    expect(shop.json).toMatchObject({
      info: { name: 'Shop', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'Orders', item: [{ name: 'List orders', request: { method: 'GET', url: { raw: '{{baseUrl}}/orders' } } }] }, { name: 'Ping' }],
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
      variable: [{ key: 'baseUrl', value: 'https://shop.test' }],
    });
    expect((shop.json.item as unknown[]).length).toBe(2);
    // The unreadable file is left out, and the panel says so.
    await expect(page.getByRole('region', { name: 'Collections' }).getByRole('status').filter({ hasText: 'Exported' })).toContainText(
      'Shop / broken: not exported',
    );

    const orders = await exportFrom('Orders');
    expect(orders.name).toBe('Orders.postman_collection.json');
    expect(orders.json).toMatchObject({
      info: { name: 'Orders' },
      item: [{ name: 'List orders' }],
      variable: [{ key: 'baseUrl', value: 'https://shop.test' }],
    });
    expect(consoleErrors).toEqual([]);
  });
});
