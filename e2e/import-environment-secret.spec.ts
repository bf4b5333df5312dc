import { test as base, expect } from '@playwright/test';
import { scanForSecret } from '../electron/test-support/leak-scan';
import { ImportExportPage } from './pages/import-export-page';
import { startCourierWeb, type CourierWeb } from './support/courier-web';

const CANARY = 'k-123-canary-e2e-5d1a8c';
const postmanEnvironment = JSON.stringify({
  name: 'Prod',
  _postman_variable_scope: 'environment',
  values: [
    { key: 'baseUrl', value: 'https://api.example.test', enabled: true },
    { key: 'apiKey', value: CANARY, type: 'secret', enabled: true },
  ],
});

// a port of this spec's own (COURIER_E2E_PORT overrides it), so parallel sessions do not collide
const test = base.extend<{ courier: CourierWeb }>({
  courier: async ({}, use) => {
    const courier = await startCourierWeb({ port: Number(process.env.COURIER_E2E_PORT ?? 43117) });
    await use(courier);
    await courier.stop();
  },
});

test('a Postman secret is imported into the vault: the dialog offers the vault first, and no file holds the value', async ({ page, courier }) => {
  await page.goto(courier.url);
  const io = new ImportExportPage(page);
  await io.importText(postmanEnvironment);
  const preview = io.importDialog.getByLabel('Import preview');
  await expect(preview).toContainText('apiKey (secret: stored in the vault, not in files)');
  // the secret is carried over (into the vault): not counted, nor listed, as something left out
  await expect(preview).toContainText('Postman environment: 0 requests, 1 environment');
  await expect(preview).not.toContainText('not carried over');
  await expect(preview.getByRole('region', { name: 'Not carried over' })).toHaveCount(0);
  await expect(io.importDialog).toContainText('“Prod / apiKey” is a secret whose value goes into the vault, which has no passphrase yet.');

  // the vault dialog opens over the import dialog; what was previewed is still there after
  await io.importDialog.getByRole('button', { name: 'Set a vault passphrase…' }).click();
  const vault = page.getByRole('dialog', { name: 'Set a vault passphrase', exact: true });
  await vault.getByLabel('Passphrase', { exact: true }).fill('import e2e passphrase');
  await vault.getByLabel('Confirm passphrase', { exact: true }).fill('import e2e passphrase');
  await vault.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(vault).toBeHidden();
  await expect(io.importDialog.getByRole('button', { name: 'Set a vault passphrase…' })).toHaveCount(0);

  await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(io.importDialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Import result' })).toContainText('Environments created: “Prod”.');

  const { hits, filesScanned } = await scanForSecret([courier.dataDir], CANARY);
  expect(filesScanned).toBeGreaterThan(0);
  expect(hits).toEqual([]);
});
