import { RequestBuilderPage } from './pages/request-builder-page';
import { ResponseViewerPage } from './pages/response-viewer-page';
import { test, expect } from './fixtures';

test('a setting written as a {{variable}} is resolved when sending, and a wrong one is named', async ({ page, fixtureServer }) => {
  const builder = new RequestBuilderPage(page);
  const viewer = new ResponseViewerPage(page);
  await builder.addVariable('hops', '0');
  await builder.url.fill(`${fixtureServer.url}/redirect?n=1`);
  await builder.openTab('Settings');
  const maxRedirects = page.getByLabel('Max redirects');
  await maxRedirects.fill('{{hops}}');
  await expect(page.getByText('resolved when sending')).toBeVisible();
  await builder.send();
  await expect(viewer.failure).toContainText('TOO_MANY_REDIRECTS');

  // The same request with the variable raised follows the redirect.
  await builder.openTab('Vars');
  await builder.request.getByRole('textbox', { name: 'Variable 1 value', exact: true }).fill('2');
  await builder.send();
  await builder.expectStatus('200 OK');

  // A value that is not a number is refused before anything is sent, naming the setting.
  await builder.request.getByRole('textbox', { name: 'Variable 1 value', exact: true }).fill('many');
  await builder.send();
  await expect(viewer.failure).toContainText('Max redirects is {{hops}}, which is “many”: not a number.');
});
