import { test, expect } from '../fixtures';
import { EnvironmentsPage } from '../pages/environments-page';
import { RequestBuilderPage } from '../pages/request-builder-page';

/**
 * Send pressed on a request that cannot go: nothing is sent, the last response stays, and the window says why in
 * words that point at the real fix.
 */
test.describe('a send that cannot go says why', () => {
  test('an invalid header keeps the previous response and names the header', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/json`);
    await builder.send();
    await builder.expectStatus('200 OK');

    await builder.addHeader('Bad Header:', 'vé');
    await builder.openTab('Body');
    await builder.send();
    const note = page.getByRole('alert').filter({ hasText: 'Not sent: ' });
    await expect(note).toContainText('"Bad Header:"');
    // the previous answer is still there, not the blank slate, and the viewer itself says it is the previous one, and when it came
    await builder.expectStatus('200 OK');
    await expect(builder.response.getByRole('alert')).toContainText(/The response below is from the previous send \(\d\d:\d\d:\d\d\), not from this one\./);
    await expect(note).toHaveCount(1);
    await expect(builder.response.getByText('Send a request to see its response here.')).toHaveCount(0);
    // fixed, the note about the refused attempt goes
    await builder.openTab('Headers');
    await page.getByRole('button', { name: /Remove header 1/ }).click();
    await expect(note).toHaveCount(0);
  });

  test('an undefined {{baseUrl}} is named, the request is not sent, and choosing an environment clears it', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const env = new EnvironmentsPage(page);
    await test.step('an environment "Local" defines baseUrl, none is active', async () => {
      await env.openEditor();
      await env.addEnvironment('Local');
      await env.addVariable('baseUrl', fixtureServer.url);
      await env.save();
      await env.closeEditor();
      await env.picker.selectOption({ label: 'No environment' });
    });

    await builder.url.fill('{{baseUrl}}/json');
    await builder.send();
    const line = page.getByRole('alert').filter({ hasText: '{{baseUrl}} is not defined' }).first();
    await expect(line).toContainText('the request is not sent');
    await expect(line).toContainText('Local');
    await expect(page.getByText(/Did you forget http/)).toHaveCount(0);
    await expect(page.getByText(/\{\{baseUrl\}\}.*will be sent as written/)).toHaveCount(0);

    await env.picker.selectOption({ label: 'Local' });
    await expect(page.getByRole('alert').filter({ hasText: '{{baseUrl}} is not defined' })).toHaveCount(0);
    await builder.send();
    await builder.expectStatus('200 OK');
  });

  test('a URL with a malformed scheme is refused as such, not looked up as a host', async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill('ht!tp://::::/%%%zz {{ nope');
    await builder.send();
    await expect(page.getByRole('alert').filter({ hasText: '"ht!tp://" is not a valid scheme' }).first()).toBeVisible();
    await expect(page.getByText(/host name could not be found|DNS_FAILED/)).toHaveCount(0);
  });
});
