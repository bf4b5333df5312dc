import { EnvironmentsPage } from './pages/environments-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { test, expect } from './servers/auth-test';

const PASSPHRASE = 'correct horse battery staple';

test.describe('variables in the request builder', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('request variables are resolved in the URL, a header and the body before the server sees them', async ({ page, authServer }) => {
    const builder = new RequestBuilderPage(page);
    const host = new URL(authServer.url).host;
    await builder.addVariable('host', host);
    await builder.addVariable('who', 'ann-e2e-7');
    await builder.addVariable('greeting', 'hello-from-vars');
    // one variable built from another
    await builder.addVariable('base', 'http://{{host}}');
    await expect(builder.request.getByText('Request (this tab)')).toBeVisible();
    await expect(builder.request.getByRole('list', { name: 'Precedence' })).toHaveText(/Request.*›.*Environment.*›.*Workspace.*›.*Globals/);

    await builder.method.selectOption('POST');
    await builder.url.fill('{{base}}/api/record/vars?who={{who}}');
    await builder.addHeader('X-Greeting', '{{greeting}}');
    await builder.setJsonBody('{"user":"{{who}}","n":1}');
    await expect(builder.referenceWarning()).toHaveCount(0);
    await builder.send();
    await builder.expectStatus('200 OK');
    const [recorded] = authServer.recorded();
    expect(recorded?.path).toBe('/api/record/vars?who=ann-e2e-7');
    expect(recorded?.headers['x-greeting']).toBe('hello-from-vars');
    expect(recorded?.body).toBe('{"user":"ann-e2e-7","n":1}');
  });

  test('an unknown variable is flagged before sending, and the request still goes out as written', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo?x={{nope}}&y={{alsoMissing}}`);
    await expect(builder.referenceWarning()).toHaveText('Unresolved: {{nope}}, {{alsoMissing}} — they will be sent as written');

    await builder.hoverReference(builder.url, 'nope');
    await expect(builder.tooltip()).toHaveText(
      /^nope is not defined \(Request › Environment › Folder › Collection › Workspace › Globals\); it will be sent as written$/,
    );

    // a header counts too, a switched-off one does not
    await builder.addHeader('X-Off', '{{offHeader}}');
    await expect(builder.referenceWarning()).toContainText('{{offHeader}}');
    await builder.request.getByRole('checkbox', { name: 'Enable header 1' }).uncheck();
    await expect(builder.referenceWarning()).not.toContainText('{{offHeader}}');

    await expect(builder.sendButton).toBeEnabled();
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response.getByRole('list', { name: 'Warnings' })).toContainText('{{nope}}');
    await expect(builder.response).toContainText('{{nope}}');

    // defining it clears the warning
    await builder.addVariable('nope', 'defined');
    await builder.addVariable('alsoMissing', 'defined too');
    await expect(builder.referenceWarning()).toHaveCount(0);
  });

  test('hovering or moving the caret into a reference says its value and where it came from', async ({ page, authServer }) => {
    const builder = new RequestBuilderPage(page);
    const env = new EnvironmentsPage(page);
    const host = new URL(authServer.url).host;

    await env.setPassphrase(PASSPHRASE);
    await env.openEditor();
    await env.selectScope('Globals');
    await env.addVariable('host', 'globals.invalid');
    await env.save();
    await env.addEnvironment('dev');
    await env.addVariable('host', host);
    await env.addVariable('token', 'dev-s3cret', { secret: true });
    await env.save();
    await env.closeEditor();
    await env.picker.selectOption({ label: 'dev' });
    await env.expectActive('dev');

    await builder.url.fill('http://{{host}}/api/record/env');
    await builder.addHeader('X-Token', '{{token}}');
    await expect(builder.referenceWarning()).toHaveCount(0);

    await builder.hoverReference(builder.url, 'host');
    await expect(builder.tooltip()).toHaveText(`host = ${host} · from Environment “dev” (shadows Globals)`);
    await page.mouse.move(0, 0);
    await expect(builder.tooltip()).toHaveCount(0);

    // the secret's value is never shown, only that it is one and where it lives
    const tokenField = builder.request.getByRole('textbox', { name: 'Header 1 value' });
    await builder.hoverReference(tokenField, 'token');
    await expect(builder.tooltip()).toHaveText('token = •••••• (secret) · from Environment “dev”');
    await expect(page.getByText('dev-s3cret')).toHaveCount(0);
    await page.mouse.move(0, 0);

    // keyboard: the caret inside the reference shows the same, and the field is described by it; Escape hides it
    await builder.caretIntoReference(builder.url, 'host');
    await expect(builder.tooltip()).toHaveText(/^host = .* · from Environment “dev”/);
    const tooltipId = await builder.tooltip().getAttribute('id');
    await expect(builder.url).toHaveAttribute('aria-describedby', new RegExp(tooltipId ?? 'missing'));
    await page.keyboard.press('Escape');
    await expect(builder.tooltip()).toHaveCount(0);

    // a request variable wins over the environment, and says what it hides
    await builder.addVariable('host', host);
    await expect(builder.request.getByRole('list', { name: 'Precedence' })).toContainText('Environment “dev”');
    await builder.hoverReference(builder.url, 'host');
    await expect(builder.tooltip()).toHaveText(`host = ${host} · from Request (shadows Environment “dev”, Globals)`);

    await builder.send();
    await builder.expectStatus('200 OK');
    const [recorded] = authServer.recorded();
    expect(recorded?.headers['x-token']).toBe('dev-s3cret');

    // locked: the secret cannot be used, and the builder says how to fix it before sending
    await env.vaultIndicator('Vault unlocked').click();
    await env.vaultDialog('Vault').getByRole('button', { name: 'Lock vault' }).click();
    await expect(env.vaultIndicator('Vault locked — unlock')).toBeVisible();
    await expect(builder.referenceWarning('Locked')).toHaveText(
      /^Locked: \{\{token\}\} is a secret in the locked vault\. Unlock the vault to send its value\./,
    );
    // …and carries the way out: Unlock opens the vault dialog
    await builder.referenceWarning('Locked').getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(env.vaultDialog('Unlock vault')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(env.vaultDialog('Unlock vault')).toBeHidden();
    await builder.openTab('Headers');
    await builder.hoverReference(tokenField, 'token');
    await expect(builder.tooltip()).toContainText('the vault is locked');
  });
});
