import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvironmentsPage } from './pages/environments-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { startCourierWeb } from './support/courier-web';
import { test, expect } from './fixtures';

test('an allowed process variable is listed in the Environments dialog and can be taken back', async ({ page, fixtureServer }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-env-revoke-'));
  const courier = await startCourierWeb({ dataDir, env: { COURIER_E2E_REVOKE_ME: 'from-the-shell' } });
  try {
    await page.goto(courier.url);
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.addHeader('X-Env', '{{$env.COURIER_E2E_REVOKE_ME}}');
    await builder.send();
    const prompt = page.getByRole('alertdialog', { name: 'Allow environment variable' });
    await prompt.getByRole('button', { name: 'Allow and send' }).click();
    await builder.expectStatus('200 OK');

    const environments = new EnvironmentsPage(page);
    await environments.openEditor();
    await expect(environments.allowedEnv.getByRole('listitem')).toHaveText([/COURIER_E2E_REVOKE_ME/]);
    await environments.removeAllowedEnv('COURIER_E2E_REVOKE_ME');
    await expect(environments.allowedEnv).toContainText('None.');
    await environments.closeEditor();

    // taken back: the next send asks again rather than reading the variable
    await builder.send();
    await expect(prompt).toContainText('COURIER_E2E_REVOKE_ME');
  } finally {
    await courier.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
