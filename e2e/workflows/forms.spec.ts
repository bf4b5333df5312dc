import { test, expect } from '../fixtures';
import { AuthTabPage } from '../pages/auth-tab-page';
import { CollectionsPage } from '../pages/collections-page';
import { EnvironmentsPage } from '../pages/environments-page';
import { RequestBuilderPage } from '../pages/request-builder-page';

/**
 * Forms and dialogs as a new user meets them (from the new-user UI passes): what the response pane shows after a
 * send that never left, where keyboard focus goes in the Environments dialog, the Save dialog's name, and a save
 * refused for want of a vault that can be finished in place.
 */
const PASSPHRASE = 'correct horse battery staple';

test('a send refused for an invalid URL does not leave the previous failure in the response pane', async ({ page }) => {
  const builder = new RequestBuilderPage(page);
  // port 1 on loopback: nothing listens, the connection is refused
  await builder.url.fill('http://127.0.0.1:1/nothing-here');
  await builder.send();
  const failure = builder.response.getByRole('alert');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText(/refused/i);

  await builder.url.fill('http://exa mple.com/');
  await builder.send();
  await expect(page.locator('#rb-url-message')).toBeVisible();
  // the pane shows nothing about the earlier attempt (it belongs to a request the user no longer has)
  await expect(builder.response.getByText(/refused/i)).toHaveCount(0);
});

test('Environments dialog: focus stays on a control after "Make active" and after Ctrl+S', async ({ page }) => {
  const env = new EnvironmentsPage(page);
  await env.openEditor();
  await env.addEnvironment('dev');
  await env.environmentAction('Make active').focus();
  await page.keyboard.press('Enter');
  await expect(env.heading('dev')).toContainText('active');
  // focus stays in the same place: the environment's own actions
  await expect(env.editor.getByRole('group', { name: 'Environment dev' }).getByRole('button').first()).toBeFocused();

  await env.editor.getByRole('textbox', { name: 'New variable name', exact: true }).focus();
  await page.keyboard.type('host');
  await page.keyboard.press('Tab');
  await page.keyboard.type('example.test');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(env.saveStatus).toHaveCount(0);
  await expect(env.valueInput(1)).toBeFocused();
  // and typing goes on where it was
  await page.keyboard.type('.org');
  await expect(env.valueInput(1)).toHaveValue('example.test.org');
});

test('Save dialog: the suggested name is selected, so typing replaces it', async ({ page, fixtureServer }) => {
  const builder = new RequestBuilderPage(page);
  const collections = new CollectionsPage(page);
  await builder.url.fill(`${fixtureServer.url}/users/list`);
  await page.keyboard.press('ControlOrMeta+S');
  const name = collections.saveDialog.getByRole('textbox', { name: 'Request name' });
  await expect(name).toBeFocused();
  await expect(name).not.toHaveValue('');
  await page.keyboard.type('All users');
  await expect(name).toHaveValue('All users');
});

test('a save refused for want of a vault is finished in place: set the passphrase from the dialog, then Save', async ({ page, fixtureServer }) => {
  const builder = new RequestBuilderPage(page);
  const auth = new AuthTabPage(page);
  const collections = new CollectionsPage(page);
  const env = new EnvironmentsPage(page);
  await builder.url.fill(`${fixtureServer.url}/basic`);
  await auth.basic('alice', 'pa55-word');
  await page.keyboard.press('ControlOrMeta+S');
  const dialog = collections.saveDialog;
  await dialog.getByRole('textbox', { name: 'Request name' }).fill('Private');
  await dialog.getByRole('combobox', { name: 'Save to' }).selectOption({ label: 'New collection…' });
  await dialog.getByRole('textbox', { name: 'Collection name' }).fill('Mine');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('vault');

  await dialog.getByRole('button', { name: 'Set a vault passphrase' }).click();
  const vault = env.vaultDialog('Set a vault passphrase');
  await vault.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await vault.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
  await vault.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(vault).toBeHidden();

  // back in the Save dialog, with what was typed, and the way on is Save
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Request name' })).toHaveValue('Private');
  await expect(dialog.getByRole('textbox', { name: 'Collection name' })).toHaveValue('Mine');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(collections.item('Private')).toBeVisible();
  await expect(collections.tab('Private')).toBeVisible();
  // saved with the password in the vault: closed and reopened from the tree, it says so
  await collections.closeTab('Private');
  await collections.item('Private').click();
  await auth.expectStored('Password');
});

test('a save refused because the vault is locked offers Unlock in place', async ({ page, fixtureServer }) => {
  const builder = new RequestBuilderPage(page);
  const auth = new AuthTabPage(page);
  const collections = new CollectionsPage(page);
  const env = new EnvironmentsPage(page);
  await env.setPassphrase(PASSPHRASE);
  await env.vaultIndicator('Vault unlocked').click();
  await env.vaultDialog('Vault').getByRole('button', { name: 'Lock vault' }).click();
  await expect(env.vaultIndicator('Vault locked — unlock')).toBeVisible();

  await builder.url.fill(`${fixtureServer.url}/basic`);
  await auth.basic('alice', 'pa55-word');
  await page.keyboard.press('ControlOrMeta+S');
  const dialog = collections.saveDialog;
  await dialog.getByRole('textbox', { name: 'Request name' }).fill('Locked one');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('vault');
  await dialog.getByRole('button', { name: 'Unlock vault' }).click();
  await env.unlock(PASSPHRASE);
  await expect(env.vaultDialog('Unlock vault')).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Request name' })).toHaveValue('Locked one');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(collections.tab('Locked one')).toBeVisible();
});

test('keyboard only: a new collection, named in its dialog, puts focus on its row in the tree', async ({ page }) => {
  const collections = new CollectionsPage(page);
  await page.getByRole('button', { name: 'New collection' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New collection' }).getByRole('textbox', { name: 'Collection name' })).toBeFocused();
  await page.keyboard.type('Keyboard');
  await page.keyboard.press('Enter');
  // found by the keyboard pass: the name field went away and focus fell to the page body
  await expect(collections.item('Keyboard')).toBeFocused();
});
