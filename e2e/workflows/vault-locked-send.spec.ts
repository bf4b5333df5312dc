import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { EnvironmentsPage } from '../pages/environments-page';
import { RequestBuilderPage } from '../pages/request-builder-page';

/**
 * A send refused because the vault is locked (finding 40 of the new-user UI pass): the error under the request and
 * the one in the response pane both carry "Unlock vault…", and once the vault is open the same button sends again.
 */
const PASSPHRASE = 'correct horse battery staple';

test('a send refused for a locked vault is unlocked and re-sent from the error, in the request pane and in the response pane', async ({
  page,
  fixtureServer,
}) => {
  const builder = new RequestBuilderPage(page);
  const collections = new CollectionsPage(page);
  const env = new EnvironmentsPage(page);
  await env.setPassphrase(PASSPHRASE);
  await builder.url.fill(`${fixtureServer.url}/echo`);
  await builder.chooseAuth('Bearer token');
  await builder.authField('Token').fill('tok-in-vault');
  await collections.saveAsNew('Echo', 'Mine');
  // reopened from its file, the request holds only a reference to the token in the vault
  await collections.closeTab('Echo');
  await collections.item('Echo').click();
  const lock = async () => {
    await env.vaultIndicator('Vault unlocked').click();
    await env.vaultDialog('Vault').getByRole('button', { name: 'Lock vault' }).click();
    await expect(env.vaultIndicator('Vault locked — unlock')).toBeVisible();
  };

  await lock();
  await builder.openTab('Params');
  await builder.send();
  const requestError = builder.request.getByRole('alert').filter({ hasText: 'locked' });
  await expect(requestError).toBeVisible();
  await requestError.getByRole('button', { name: 'Unlock vault…' }).click();
  await env.unlock(PASSPHRASE);
  await expect(env.vaultDialog('Unlock vault')).toBeHidden();
  // focus is back on the same button, which now sends: one key press
  const again = builder.request.getByRole('button', { name: 'Send again' });
  await expect(again).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(builder.response.getByText('Bearer tok-in-vault').first()).toBeVisible();

  await lock();
  await builder.send();
  const responseError = builder.response.getByRole('alert');
  await expect(responseError).toContainText('locked');
  await responseError.getByRole('button', { name: 'Unlock vault…' }).click();
  await env.unlock(PASSPHRASE);
  await expect(env.vaultDialog('Unlock vault')).toBeHidden();
  await builder.response.getByRole('button', { name: 'Send again' }).click();
  await expect(builder.response.getByText('Bearer tok-in-vault').first()).toBeVisible();
});
