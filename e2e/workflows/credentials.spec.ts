import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scanForSecret } from '../../electron/test-support/leak-scan';
import { test, expect } from '../fixtures';
import { AuthTabPage } from '../pages/auth-tab-page';
import { CollectionsPage } from '../pages/collections-page';
import { EnvironmentsPage } from '../pages/environments-page';
import { HistoryPanelPage } from '../pages/history-panel-page';
import { ImportExportPage } from '../pages/import-export-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { startCredentialServer, type CredentialServer } from '../servers/credential-server';

/**
 * Credentials as people use them: a password typed into the Auth tab is saved, the tab closed and the
 * request reopened from the tree, and it still works; an imported token survives edit, history, Restore and Re-send;
 * a request whose credential is gone is refused before sending, naming the field; Inherit and No auth say what they
 * send and send exactly that. The server checks the credentials itself (Courier masks them in what it shows).
 */
const CANARY = 'Cr3d!canary pass+/=Wq';
const TOKEN = 'tok-Literal-9f3c2e';
const PASSPHRASE = 'correct horse battery staple';
const basicOf = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let server: CredentialServer;
test.beforeEach(async () => {
  server = await startCredentialServer({ username: 'alice', password: CANARY, token: TOKEN });
});
test.afterEach(async () => {
  await server.close();
});

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

test('(a) a Basic password typed into the Auth tab survives save, close and reopen, and is in no file', async ({ page, courier, consoleErrors }) => {
  const builder = new RequestBuilderPage(page);
  const auth = new AuthTabPage(page);
  const collections = new CollectionsPage(page);
  await new EnvironmentsPage(page).setPassphrase(PASSPHRASE);

  await builder.url.fill(`${server.url}/basic`);
  await auth.basic('alice', CANARY);
  await collections.saveAsNew('Private', 'Creds');
  await collections.closeTab('Private');
  await expect(collections.tab('Private')).toHaveCount(0);

  await collections.item('Private').click();
  await expect(collections.tab('Private')).toBeVisible();
  await auth.expectStored('Password');
  await builder.send();
  await builder.expectStatus('200 OK');
  expect(server.authorizations().at(-1)).toBe(basicOf('alice', CANARY));
  // the vault reference is not an unresolved variable (the new-user pass saw "Unresolved: {{$credential.…}}")
  await expect(page.getByText(/Unresolved:/)).toHaveCount(0);
  // the value is there on demand
  await auth.reveal('Password').click();
  // in the field itself, as plain text, and the toggle now hides it again
  await expect(auth.storedInVault('Password')).toHaveValue(CANARY);
  await expect(auth.storedInVault('Password')).toHaveAttribute('type', 'text');
  await auth.hide('Password').click();
  await expect(auth.storedInVault('Password')).toHaveValue('');
  await expect(auth.reveal('Password')).toBeVisible();

  // saved again (Ctrl+S) with the stored credential: still a reference; history has the send
  await page.keyboard.press('ControlOrMeta+S');
  const history = new HistoryPanelPage(page);
  await history.open();
  await history.expectRowCount(1);
  const { hits, filesScanned } = await scanForSecret([courier.dataDir], CANARY);
  expect(filesScanned).toBeGreaterThan(2);
  expect(hits).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('(b) an imported literal bearer token works after edit, from history Restore and from Re-send', async ({ page, courier }) => {
  const builder = new RequestBuilderPage(page);
  const auth = new AuthTabPage(page);
  const io = new ImportExportPage(page);
  const collections = new CollectionsPage(page);
  await new EnvironmentsPage(page).setPassphrase(PASSPHRASE);

  await io.importText(
    JSON.stringify({
      info: { name: 'Token API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'Me',
          request: { method: 'GET', url: `${server.url}/bearer`, auth: { type: 'bearer', bearer: [{ key: 'token', value: TOKEN, type: 'string' }] } },
        },
      ],
    }),
  );
  await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(io.importDialog).toBeHidden();
  await expect(collections.tab('Me')).toBeVisible();
  await auth.expectStored('Token');

  // edit, then send
  await builder.url.fill(`${server.url}/bearer?edited=1`);
  await builder.send();
  await builder.expectStatus('200 OK');

  const history = new HistoryPanelPage(page);
  await history.open();
  await history.expectRowCount(1);
  await history.openEntry(/edited=1/);
  await history.entryAction('Restore to builder').click();
  await expect(builder.url).toHaveValue(`${server.url}/bearer?edited=1`);
  await builder.send();
  await builder.expectStatus('200 OK');
  await history.expectRowCount(2);

  await history.openEntry(/edited=1/);
  await history.entryAction('Re-send').click();
  await history.expectRowCount(3);
  await builder.expectStatus('200 OK');
  expect(server.authorizations()).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  const { hits } = await scanForSecret([courier.dataDir], TOKEN);
  expect(hits).toEqual([]);
});

test('(c) a request whose credential is not available is refused before sending, naming the field', async ({ page, courier }) => {
  const builder = new RequestBuilderPage(page);
  const auth = new AuthTabPage(page);
  const collections = new CollectionsPage(page);
  // A file as an earlier Courier wrote it: the typed password replaced by a placeholder.
  const root = path.join(courier.dataDir, 'workspace', 'legacy');
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 'collection.json'), json({ name: 'Legacy', order: ['old.request.json'] }));
  await writeFile(
    path.join(root, 'old.request.json'),
    json({ name: 'Old', method: 'GET', url: `${server.url}/basic`, auth: { kind: 'basic', username: 'alice', password: '••••••' } }),
  );
  await collections.item('Old').click();
  await expect(collections.tab('Old')).toBeVisible();
  await builder.send();
  // shown on the Auth tab's side of the builder, with the field named and the way out
  await expect(builder.request.getByRole('tab', { name: 'Auth (credential not available)' })).toBeVisible();
  const refusal = builder.request.getByRole('alert').filter({ hasText: 'Basic auth password is not available' });
  await expect(refusal).toContainText('Type it again in the Auth tab');
  await refusal.getByRole('button', { name: 'Open the Auth tab' }).click();
  await expect(auth.error()).toContainText('Basic auth password is not available');
  expect(server.authorizations()).toEqual([]);

  // Typing the password again fixes it.
  await auth.builder.authField('Password').fill(CANARY);
  await builder.send();
  await builder.expectStatus('200 OK');
});

test('(d) Inherit names the collection and sends its auth; No auth sends none', async ({ page, courier }) => {
  const builder = new RequestBuilderPage(page);
  const auth = new AuthTabPage(page);
  const collections = new CollectionsPage(page);
  const root = path.join(courier.dataDir, 'workspace', 'team');
  await mkdir(root, { recursive: true });
  await writeFile(
    path.join(root, 'collection.json'),
    json({
      name: 'Team API',
      order: ['inherits.request.json', 'no-auth.request.json', 'old.request.json'],
      variables: [{ name: 'pw', value: CANARY }],
      auth: { kind: 'basic', username: 'alice', password: '{{pw}}' },
    }),
  );
  await writeFile(path.join(root, 'inherits.request.json'), json({ format: 2, name: 'Inherits', method: 'GET', url: `${server.url}/basic` }));
  await writeFile(
    path.join(root, 'no-auth.request.json'),
    json({ format: 2, name: 'Plain', method: 'GET', url: `${server.url}/open`, auth: { kind: 'none' } }),
  );
  // format 1 (no "format"): "none" in a collection meant "take the collection's auth", and still does
  await writeFile(path.join(root, 'old.request.json'), json({ name: 'Old style', method: 'GET', url: `${server.url}/basic`, auth: { kind: 'none' } }));

  await collections.item('Inherits').click();
  await expect(collections.tab('Inherits')).toBeVisible();
  await builder.openTab('Auth');
  await expect(auth.type()).toHaveValue('inherit');
  await expect(auth.note()).toHaveText('Uses the auth of “Team API” (Basic).');
  await builder.send();
  await builder.expectStatus('200 OK');
  expect(server.authorizations().at(-1)).toBe(basicOf('alice', CANARY));

  await collections.item('Plain').click();
  await expect(collections.tab('Plain')).toBeVisible();
  await builder.openTab('Auth');
  await expect(auth.type()).toHaveValue('none');
  await expect(auth.note()).toContainText('sent without authentication, even when its folder or collection has auth');
  await builder.send();
  await builder.expectStatus('200 OK');
  await expect(builder.response).toContainText('"authorization": "none"');
  expect(server.authorizations().at(-1)).toBeNull();

  await collections.item('Old style').click();
  await expect(collections.tab('Old style')).toBeVisible();
  await builder.openTab('Auth');
  await expect(auth.type()).toHaveValue('inherit');
  await expect(auth.note()).not.toContainText('without authentication');
  await builder.send();
  await builder.expectStatus('200 OK');
  expect(server.authorizations().at(-1)).toBe(basicOf('alice', CANARY));
});

test('a save refused for a typed credential (no vault yet) leaves no new collection behind', async ({ page }) => {
  const builder = new RequestBuilderPage(page);
  const auth = new AuthTabPage(page);
  const collections = new CollectionsPage(page);
  await builder.url.fill(`${server.url}/basic`);
  await auth.basic('alice', CANARY);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(collections.saveDialog).toBeVisible();
  await collections.saveDialog.getByRole('textbox', { name: 'Request name' }).fill('Refused');
  await collections.saveDialog.getByRole('combobox', { name: 'Save to' }).selectOption({ label: 'New collection…' });
  await collections.saveDialog.getByRole('textbox', { name: 'Collection name' }).fill('Stray');
  await collections.saveDialog.getByRole('button', { name: 'Save' }).click();
  await expect(collections.saveDialog.getByRole('alert')).toContainText('vault');
  // the collection made for the save is gone again (the new-user pass found an empty one left over)
  await expect(collections.item('Stray')).toHaveCount(0);
});
