import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { EnvironmentsPage } from './pages/environments-page';
import { startCourierWeb, type CourierWeb } from './support/courier-web';

const PASSPHRASE = 'correct horse battery staple';

/**
 * Flips the authentication tag of one stored secret, as a damaged file or another machine's value would look
 * (layout: electron/services/vault/README.md). Only that value should stop decrypting.
 */
async function damageSecret(dataDir: string, variableName: string): Promise<void> {
  const file = path.join(dataDir, 'settings.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as {
    vault: { secrets: Record<string, string> };
    variables: { environments: { variables: { id: string; name: string }[] }[] };
  };
  const variable = settings.variables.environments.flatMap((env) => env.variables).find((v) => v.name === variableName);
  const key = Object.keys(settings.vault.secrets).find((k) => variable && k.endsWith(`:${variable.id}`));
  if (!key) throw new Error(`No stored secret for ${variableName}`);
  const [version, iv, tag, ciphertext] = settings.vault.secrets[key]!.split(':');
  const flipped = Buffer.from(tag!, 'base64').map((byte) => byte ^ 0xff);
  settings.vault.secrets[key] = [version, iv, Buffer.from(flipped).toString('base64'), ciphertext].join(':');
  await writeFile(file, JSON.stringify(settings, null, 2));
}

test.describe('environments and the vault', () => {
  test('a passphrase, environments with plain and secret variables, all kept across a reload', async ({ page, consoleErrors }) => {
    const env = new EnvironmentsPage(page);
    await env.expectActive('No environment');

    // The first passphrase: what protects the secrets is said, and a short one is refused.
    await env.vaultIndicator('Set a vault passphrase').click();
    const setDialog = env.vaultDialog('Set a vault passphrase');
    await expect(setDialog).toHaveAttribute('aria-modal', 'true');
    await expect(setDialog).toContainText('AES-256-GCM');
    await expect(setDialog).toContainText(/scrypt \(N = \d+, r = \d+, p = \d+\)/);
    await expect(setDialog).toContainText('cannot be recovered');
    await setDialog.getByLabel('Passphrase', { exact: true }).fill('short');
    await setDialog.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(setDialog.getByRole('alert')).toHaveText('Use at least 8 characters.');
    await setDialog.getByRole('button', { name: 'Not now' }).click();
    await env.setPassphrase(PASSPHRASE);

    // dev: a plain and a secret variable; a bad name is caught before saving.
    await env.openEditor();
    await expect(env.editor).toHaveAttribute('aria-modal', 'true');
    await expect(env.editor).toContainText('Request › Environment › Folder › Collection › Workspace › Globals — the first that defines a name wins');
    await env.addEnvironment('dev');
    await env.addVariable('baseUrl', 'https://dev.example.test');
    await env.addVariable('token', 'dev-s3cret', { secret: true });
    await expect(env.saveStatus).toHaveText('Unsaved changes');
    await env.editor.getByRole('textbox', { name: 'New variable name' }).fill('bad name');
    await expect(env.editor.getByRole('alert')).toContainText('Names cannot contain spaces');
    await expect(env.saveButton).toBeDisabled();
    await env.nameInput(3).fill('token');
    await expect(env.editor.getByRole('alert')).toContainText('“token” is already defined');
    await env.editor.getByRole('button', { name: 'Remove variable 3' }).click();
    await env.save();
    await expect(env.scope('dev')).toHaveAccessibleName('dev, 2 variables');

    // The secret is masked; the eye reveals it on demand and hides it again.
    await expect(env.valueInput(2)).toHaveAttribute('type', 'password');
    await expect(env.valueInput(2)).toHaveValue('');
    await expect(env.valueInput(2)).toHaveAttribute('placeholder', '••••••••');
    await env.revealButton(2).click();
    await expect(env.valueInput(2)).toHaveValue('dev-s3cret');
    await expect(env.valueInput(2)).toHaveAttribute('type', 'text');
    await env.hideButton(2).click();
    await expect(env.valueInput(2)).toHaveValue('');

    // staging
    await env.addEnvironment('staging');
    await env.addVariable('baseUrl', 'https://staging.example.test');
    await env.save();

    // Duplicate dev (secrets included), rename the copy, then delete it after confirming.
    await env.selectScope('dev');
    await env.environmentAction('Duplicate').click();
    await expect(env.scope('dev copy')).toHaveAttribute('aria-current', 'true');
    await expect(env.scope('dev copy')).toHaveAccessibleName(/2 variables/);
    await env.revealButton(2).click();
    await expect(env.valueInput(2)).toHaveValue('dev-s3cret');
    await env.environmentAction('Rename').click();
    await env.editor.getByRole('textbox', { name: 'Environment name' }).fill('qa');
    await env.editor.getByRole('textbox', { name: 'Environment name' }).press('Enter');
    await expect(env.scope('qa')).toBeVisible();
    await expect(env.scope('dev copy')).toHaveCount(0);
    await env.environmentAction('Delete').click();
    const confirm = env.editor.getByRole('group', { name: 'Delete the environment “qa”?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(env.scope('qa')).toBeVisible();
    await env.environmentAction('Delete').click();
    await confirm.getByRole('button', { name: 'Delete environment' }).click();
    await expect(env.scope('qa')).toHaveCount(0);
    await expect(env.heading('Globals')).toBeVisible();
    await env.closeEditor();
    await expect(env.editorButton).toBeFocused();

    // The top bar switches the active environment; the editor marks it.
    await expect(env.picker.locator('option')).toHaveText(['No environment', 'dev', 'staging']);
    await env.picker.selectOption({ label: 'staging' });
    await env.expectActive('staging');
    await env.openEditor();
    await expect(env.scope('staging')).toHaveAccessibleName('staging, active, 1 variable');
    await env.closeEditor();

    // A reload keeps it all.
    await page.reload();
    await env.expectActive('staging');
    await expect(env.vaultIndicator('Vault unlocked')).toBeVisible();
    await env.openEditor();
    await expect(env.scopes.getByRole('list').getByRole('button')).toHaveText([/^Globals/, /^Workspace/, /^dev/, /^staging/]);
    await env.selectScope('dev');
    await expect(env.nameInput(1)).toHaveValue('baseUrl');
    await expect(env.valueInput(1)).toHaveValue('https://dev.example.test');
    await expect(env.nameInput(2)).toHaveValue('token');
    await expect(env.secretToggle(2)).toBeChecked();
    await expect(env.valueInput(2)).toHaveValue('');
    await env.revealButton(2).click();
    await expect(env.valueInput(2)).toHaveValue('dev-s3cret');

    expect(consoleErrors).toEqual([]);
  });

  test('unsaved changes are not dropped without asking; the editor is a modal dialog', async ({ page }) => {
    const env = new EnvironmentsPage(page);
    await env.openEditor();
    await expect(env.heading('Globals')).toBeVisible();
    await env.addVariable('host', 'example.test');
    await expect(env.scope('Globals')).toHaveAccessibleName(/unsaved changes/);

    await env.scope('Workspace').click();
    const ask = env.editor.getByRole('group', { name: 'Discard unsaved changes to “Globals”?' });
    await expect(ask).toBeVisible();
    await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await expect(env.nameInput(1)).toHaveValue('host');

    // Escape asks too, then Revert puts things back.
    await page.keyboard.press('Escape');
    await expect(ask).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(ask).toBeHidden();
    await expect(env.editor).toBeVisible();
    await env.revertButton.click();
    await expect(env.nameInput(1)).toHaveCount(0);

    await env.addVariable('host', 'example.test');
    await env.scope('Workspace').click();
    await ask.getByRole('button', { name: 'Discard changes' }).click();
    await expect(env.heading('Workspace')).toBeVisible();
    await env.selectScope('Globals');
    await expect(env.nameInput(1)).toHaveCount(0);

    // No passphrase yet: saving a secret says what is needed and offers the way out.
    await env.addVariable('apiKey', 'k-1', { secret: true });
    await expect(env.editor.getByRole('button', { name: 'Set a vault passphrase' })).toBeVisible();

    // Closing with unsaved changes asks as well; discarding closes, and focus goes back where it was.
    await env.editor.getByRole('button', { name: 'Close', exact: true }).click();
    await ask.getByRole('button', { name: 'Discard changes' }).click();
    await expect(env.editor).toBeHidden();
    await expect(env.editorButton).toBeFocused();
  });

  test('after a restart the vault is locked; a wrong passphrase is refused; a damaged value is flagged alone; COURIER_VAULT_PASSPHRASE unlocks at start', async ({
    browser,
  }) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-vault-'));
    const servers: CourierWeb[] = [];
    const start = async (env?: NodeJS.ProcessEnv) => {
      const server = await startCourierWeb({ dataDir, env });
      servers.push(server);
      return server;
    };
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const env = new EnvironmentsPage(page);

      const first = await start();
      await page.goto(first.url);
      await env.setPassphrase(PASSPHRASE);
      await env.openEditor();
      await env.addEnvironment('prod');
      await env.addVariable('token', 'prod-s3cret', { secret: true });
      await env.addVariable('damaged', 'will-not-decrypt', { secret: true });
      await env.save();
      await env.closeEditor();
      await first.stop();
      await damageSecret(dataDir, 'damaged');

      // Restarted: the secrets are there but locked, and say so.
      const second = await start();
      await page.goto(second.url);
      await expect(env.vaultIndicator('Vault locked — unlock')).toBeVisible();
      await env.openEditor();
      await env.selectScope('prod');
      await expect(env.editor.getByText('Locked', { exact: true })).toHaveCount(2);
      await expect(env.revealButton(1)).toBeDisabled();
      await env.closeEditor();

      // A wrong passphrase: the server's message, in the dialog, and what was typed is kept.
      await env.unlock('not the passphrase');
      const unlockDialog = env.vaultDialog('Unlock vault');
      await expect(unlockDialog.getByRole('alert')).toContainText(/passphrase/i);
      await expect(unlockDialog.getByLabel('Passphrase', { exact: true })).toHaveValue('not the passphrase');
      await expect(unlockDialog.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await env.unlock(PASSPHRASE);
      await expect(unlockDialog).toBeHidden();
      await expect(env.vaultIndicator('Vault unlocked')).toBeVisible();
      await env.openEditor();
      await env.selectScope('prod');
      await expect(env.editor.getByText('Locked', { exact: true })).toHaveCount(0);
      await env.revealButton(1).click();
      await expect(env.valueInput(1)).toHaveValue('prod-s3cret');

      // Only the damaged value is flagged, with why; typing a new value replaces it.
      const flag = env.editor.getByText('Can’t be decrypted', { exact: true });
      await expect(flag).toHaveCount(1);
      await expect(flag).toHaveAttribute('title', /Only this value is affected and the file was not changed/);
      await expect(env.valueInput(2)).toHaveAccessibleDescription(/Can’t be decrypted/);
      await expect(env.revealButton(2)).toBeDisabled();
      await env.valueInput(2).fill('replaced-value');
      await env.save();
      await expect(flag).toHaveCount(0);
      await env.revealButton(2).click();
      await expect(env.valueInput(2)).toHaveValue('replaced-value');
      await env.closeEditor();

      // Lock again from the vault dialog.
      await env.vaultIndicator('Vault unlocked').click();
      await env.vaultDialog('Vault').getByRole('button', { name: 'Lock vault' }).click();
      await expect(env.vaultIndicator('Vault locked — unlock')).toBeVisible();
      await second.stop();

      // The passphrase from the environment: unlocked from the start.
      const third = await start({ COURIER_VAULT_PASSPHRASE: PASSPHRASE });
      await page.goto(third.url);
      await expect(env.vaultIndicator('Vault unlocked')).toBeVisible();
      await env.openEditor();
      await env.selectScope('prod');
      await env.revealButton(1).click();
      await expect(env.valueInput(1)).toHaveValue('prod-s3cret');
    } finally {
      await context.close();
      for (const server of servers) await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

test('the scope list counts the variables being edited, before Save', async ({ page }) => {
  const env = new EnvironmentsPage(page);
  await env.openEditor();
  await env.addEnvironment('dev');
  await expect(env.scope('dev')).toHaveAccessibleName('dev, 0 variables');
  await env.addVariable('host', 'http://127.0.0.1:9');
  await env.addVariable('user', 'ada');
  await env.addVariable('token', 't-1');
  // it read "dev, 0 variables, unsaved changes" (and showed 0) until Save
  await expect(env.scope('dev')).toHaveAccessibleName('dev, 3 variables, unsaved changes');
  await expect(env.scope('dev')).toContainText('3');
  await env.saveButton.click();
  await expect(env.scope('dev')).toHaveAccessibleName('dev, 3 variables');
});
