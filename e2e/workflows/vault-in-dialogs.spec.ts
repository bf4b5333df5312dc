import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { EnvironmentsPage } from '../pages/environments-page';
import { WebSocketPage } from '../pages/websocket-page';

/**
 * A typed secret in a dialog that saves (Collection settings, Save WebSocket request) needs the vault. The new-user
 * UI pass (finding 12) found the fix only outside the modal dialog, so Cancel threw away everything typed: the vault
 * dialog now opens over it and the dialog keeps its state.
 */
const PASSPHRASE = 'correct horse battery staple';

test('Collection settings: a typed token offers the vault at once, and Save works after it with everything kept', async ({ page, courier }) => {
  const collections = new CollectionsPage(page);
  const env = new EnvironmentsPage(page);
  await collections.newCollection('Billing');
  await collections.menu('Billing', 'Settings…');
  const settings = page.getByRole('dialog', { name: 'Collection settings' });
  await settings.getByRole('textbox', { name: 'New variable name' }).fill('base');
  await settings.getByRole('textbox', { name: 'Variable 1 value' }).fill('http://127.0.0.1:9');
  await settings.getByRole('combobox', { name: 'Type' }).selectOption('Bearer token');
  await settings.getByLabel('Token', { exact: true }).fill('tok-123');
  // said while typing, not only at Save
  await expect(settings.getByRole('status')).toContainText('kept in the vault');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('alert')).toContainText('vault is locked or not set up');

  await settings.getByRole('button', { name: 'Set a vault passphrase…' }).click();
  const vault = env.vaultDialog('Set a vault passphrase');
  await vault.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await vault.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
  await vault.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(vault).toBeHidden();

  await expect(settings).toBeVisible();
  await expect(settings.getByRole('textbox', { name: 'Variable 1 value' })).toHaveValue('http://127.0.0.1:9');
  await expect(settings.getByLabel('Token', { exact: true })).toHaveValue('tok-123');
  await expect(settings.getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(settings).toBeHidden();
  const file = await readFile(path.join(courier.dataDir, 'workspace', 'billing', 'collection.json'), 'utf8');
  expect(JSON.parse(file).variables).toEqual([{ name: 'base', value: 'http://127.0.0.1:9' }]);
  expect(file).not.toContain('tok-123');
  expect(file).toContain('$credential.');

  // opened again, the token reads as kept in the vault, not as its {{$credential.…}} reference
  await collections.menu('Billing', 'Settings…');
  await expect(settings.getByLabel('Token', { exact: true })).toHaveValue('');
  await expect(settings.getByLabel('Token', { exact: true })).toHaveAttribute('placeholder', 'Stored in the vault');
  await expect(settings).toContainText('Stored in the vault. Type a new token to replace it.');
  await expect(settings).not.toContainText('$credential');
});

test('Save WebSocket request: a refusal for a locked vault offers Unlock in place, and the save then goes through', async ({ page }) => {
  const env = new EnvironmentsPage(page);
  const ws = new WebSocketPage(page);
  await env.setPassphrase(PASSPHRASE);
  await env.vaultIndicator('Vault unlocked').click();
  await env.vaultDialog('Vault').getByRole('button', { name: 'Lock vault' }).click();
  await expect(env.vaultIndicator('Vault locked — unlock')).toBeVisible();

  await ws.open();
  await ws.url().fill('ws://127.0.0.1:9/socket');
  await ws.session.getByRole('tab', { name: 'Auth' }).click();
  await ws.session.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Bearer token' });
  await ws.session.getByLabel('Token', { exact: true }).fill('ws-secret-1');
  await ws.session.getByRole('button', { name: 'Save request as…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save WebSocket request' });
  await dialog.getByRole('textbox', { name: 'Request name' }).fill('Socket');
  await dialog.getByRole('combobox', { name: 'Save to' }).selectOption({ label: 'New collection…' });
  await dialog.getByRole('textbox', { name: 'Collection name' }).fill('Sockets');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('vault');
  await dialog.getByRole('button', { name: 'Unlock vault…' }).click();
  await env.unlock(PASSPHRASE);
  await expect(env.vaultDialog('Unlock vault')).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Collection name' })).toHaveValue('Sockets');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.session.getByText('Socket', { exact: true })).toBeVisible();
});
