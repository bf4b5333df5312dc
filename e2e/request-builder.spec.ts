import { test, expect } from './fixtures';
import { RequestBuilderPage } from './pages/request-builder-page';

test.describe('request builder', () => {
  // Every builder flow loads Monaco (the body editor, the response viewer) under the page's CSP: nothing may be
  // logged, from load to the last step (Monaco's "depends on UNKNOWN service", CSP "Refused to …", page errors).
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('composes a POST with a JSON body and a custom header, and shows the echoed response', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.addHeader('X-Courier-Test', 'hello-from-e2e');
    await builder.setJsonBody('{"greeting": "hi", "n": 42}');
    await expect(page.getByText(/^Invalid JSON/)).toHaveCount(0);
    await builder.send();

    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('x-courier-test');
    await expect(builder.response).toContainText('hello-from-e2e');
    await expect(builder.response).toContainText('POST');
    await expect(builder.response).toContainText('greeting');
  });

  test('keeps the params table and the URL in step, both ways', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const base = `${fixtureServer.url}/echo`;

    // URL → table
    await builder.url.fill(`${base}?a=1&b=two%20words&flag#top`);
    await builder.openTab('Params');
    await expect(builder.paramName(1)).toHaveValue('a');
    await expect(builder.paramValue(1)).toHaveValue('1');
    await expect(builder.paramName(2)).toHaveValue('b');
    await expect(builder.paramValue(2)).toHaveValue('two words');
    await expect(builder.paramName(3)).toHaveValue('flag');
    await expect(builder.tab('Params')).toContainText('3');

    // table → URL: edit a value, switch a row off, add a row
    await builder.paramValue(1).fill('one & only');
    await expect(builder.url).toHaveValue(`${base}?a=one%20%26%20only&b=two%20words&flag#top`);
    await builder.paramEnabled(3).uncheck();
    await expect(builder.url).toHaveValue(`${base}?a=one%20%26%20only&b=two%20words#top`);
    await expect(builder.paramName(3)).toHaveValue('flag');
    // typed key by key into the blank line: the caret must stay put as the line becomes a row
    await page.getByRole('textbox', { name: 'New parameter name' }).pressSequentially('cat');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await expect(builder.paramName(4)).toHaveValue('cat');
    await expect(builder.url).toHaveValue(`${base}?a=one%20%26%20only&b=two%20words&cat=3#top`);

    // editing the URL again keeps the switched-off row in the table (enabled rows take the URL's pairs in order)
    await builder.url.fill(`${base}?b=2&c=3#top`);
    await expect(builder.paramName(1)).toHaveValue('b');
    await expect(builder.paramValue(1)).toHaveValue('2');
    await expect(builder.paramName(2)).toHaveValue('c');
    await expect(builder.paramName(3)).toHaveValue('flag');
    await expect(builder.paramEnabled(3)).not.toBeChecked();

    // what is sent is what the URL says
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('"b"');
    await expect(builder.response).not.toContainText('flag');
  });

  test('cancels a slow request and offers Send again', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/slow?ms=30000`);
    await builder.send();
    await expect(builder.cancelButton).toBeVisible();
    await expect(builder.sendButton).toHaveCount(0);
    await builder.cancelButton.click();

    await expect(builder.response.getByText(/cancelled/i)).toBeVisible();
    await expect(builder.sendButton).toBeEnabled();
    await expect(builder.cancelButton).toHaveCount(0);
    // and it really is usable again
    await builder.url.fill(`${fixtureServer.url}/status/201`);
    await builder.send();
    await builder.expectStatus(/^201\b/);
  });

  test('Ctrl+Enter sends, from the URL field and from the body editor', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/status/204`);
    await builder.url.press('Control+Enter');
    await builder.expectStatus(/^204\b/);

    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.setJsonBody('{"from": "editor"}');
    await page.keyboard.press('Control+Enter');
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('editor');
  });

  test('an invalid URL gets a plain message next to the URL bar and nothing is sent', async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill('http://exa mple.com/path');
    await builder.send();

    const message = builder.urlMessage();
    await expect(message).toHaveText('The host name "exa mple.com" contains a space, which host names cannot contain.');
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(builder.url).toHaveAttribute('aria-invalid', 'true');
    await expect(builder.url).toHaveAttribute('aria-describedby', 'rb-url-message');
    await expect(builder.url).toBeFocused();
    await expect(builder.response).toContainText('Send a request to see its response here.');

    await builder.url.fill('ftp://files.example.com');
    await expect(message).toHaveText('Courier sends http:// and https:// URLs; "ftp://" is not supported.');

    await builder.url.fill('http://localhost:8080/ok');
    await expect(message).toHaveCount(0);
  });

  test('a space typed in the path or query is sent encoded as %20; the field keeps what was typed', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const typed = `${fixtureServer.url}/echo/my report?msg=hello world&done=%41`;
    await builder.url.fill(typed);
    await page.keyboard.press('Control+Enter');
    await builder.expectStatus('200 OK');
    await expect(builder.urlMessage()).toHaveCount(0);
    // the server got the encoded target, and decodes it back to what was typed
    await expect(builder.response).toContainText('"target": "/echo/my%20report?msg=hello%20world&done=%41"');
    await expect(builder.response).toContainText('"msg": "hello world"');
    await expect(builder.url).toHaveValue(typed);
    await page.getByRole('tablist', { name: 'Response sections' }).getByRole('tab', { name: 'Sent request', exact: true }).click();
    await expect(builder.response.getByTestId('sent-request-line')).toHaveText(`GET ${fixtureServer.url}/echo/my%20report?msg=hello%20world&done=%41 HTTP/1.1`);
  });

  test("the engine's INVALID_URL verdict is shown under the URL bar too", async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    // Looks fine to the quick check, but a host ending in a number must be a valid IPv4 address.
    await builder.url.fill('http://1.2.3.4.5/');
    await builder.send();
    await expect(builder.urlMessage()).toContainText('is not a valid URL');
    await expect(builder.url).toHaveAttribute('aria-invalid', 'true');
    await expect(builder.sendButton).toBeEnabled();
    // editing the URL clears the verdict about the old one
    await builder.url.fill('http://1.2.3.4/');
    await expect(builder.urlMessage()).toHaveCount(0);
  });

  test('sends a custom method typed by the user', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.method.selectOption({ label: 'Custom…' });
    await builder.customMethod.fill('PROPFIND');
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('PROPFIND');
  });

  test('flags invalid JSON but still sends it', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.setJsonBody('{"a": 1,}');
    await expect(page.getByText(/^Invalid JSON: .*line 1, column 9/)).toBeVisible();
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('a');
  });

  test('a {{variable}} written as a bare JSON value is not flagged, a real JSON error still is, and Format JSON keeps it', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const squiggles = builder.request.locator('.monaco-editor .squiggly-error');
    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.addVariable('count', '41');

    await builder.setJsonBody('{"n": {{count}},\n"r": {{$randomInt}}, "id": "{{$uuid}}",\n"m": }');
    await expect(squiggles.first()).toBeAttached();
    await expect(page.getByText(/^Invalid JSON: /)).toBeVisible();

    await builder.setJsonBody('{"n": {{count}},\n"r": {{$randomInt}}, "id": "{{$uuid}}"}');
    await expect(squiggles).toHaveCount(0);
    await expect(page.getByText(/^Invalid JSON/)).toHaveCount(0);

    await builder.request.getByRole('button', { name: 'Format JSON' }).click();
    const lines = builder.request.locator('.monaco-editor .view-lines');
    await expect(lines).toContainText('"n": {{count}},');
    await expect(lines).toContainText('"r": {{$randomInt}},');
    await expect(squiggles).toHaveCount(0);

    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('41');
  });

  test('request sections are tabs that work from the keyboard', async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    await expect(builder.request.getByRole('tablist', { name: 'Request sections' })).toBeVisible();
    await builder.tab('Params').focus();
    await page.keyboard.press('ArrowRight');
    await expect(builder.tab('Headers')).toHaveAttribute('aria-selected', 'true');
    await expect(builder.tab('Headers')).toBeFocused();
    await expect(builder.request.getByRole('table', { name: 'Headers' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(builder.tab('Settings')).toHaveAttribute('aria-selected', 'true');
    await expect(builder.request.getByRole('checkbox', { name: 'Follow redirects' })).toBeChecked();
    await expect(builder.request.getByRole('textbox', { name: /Connect timeout/ })).toHaveValue('10000');
    await page.keyboard.press('Home');
    await expect(builder.tab('Params')).toHaveAttribute('aria-selected', 'true');
  });
});
