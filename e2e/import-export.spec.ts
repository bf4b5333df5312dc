import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { scanForSecret } from '../electron/test-support/leak-scan';
import { test, expect } from './fixtures';
import { CollectionsPage } from './pages/collections-page';
import { AuthTabPage } from './pages/auth-tab-page';
import { ImportExportPage } from './pages/import-export-page';
import { RequestBuilderPage } from './pages/request-builder-page';

const postman = JSON.stringify({
  info: { name: 'E2E collection', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    {
      name: 'Folder',
      item: [
        {
          name: 'Echo it',
          request: { method: 'PUT', url: 'http://127.0.0.1:1/echo', header: [{ key: 'X-From', value: 'postman' }] },
          response: [{ name: 'saved' }],
        },
      ],
    },
  ],
});

/** A team's collection: a folder of two requests, one at the top with a script, the host as a collection variable. */
const teamPostman = (host: string) =>
  JSON.stringify({
    info: { name: 'Team API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    variable: [{ key: 'host', value: host }],
    item: [
      {
        name: 'Users',
        item: [
          { name: 'List users', request: { method: 'GET', url: '{{host}}/echo?list=users' } },
          {
            name: 'Create user',
            request: { method: 'POST', url: '{{host}}/echo?create=user', body: { mode: 'raw', raw: '{"name":"Ann"}', options: { raw: { language: 'json' } } } },
          },
        ],
      },
      {
        name: 'Ping',
        event: [{ listen: 'test', script: { exec: ['pm.cookies.get("session"); pm.test("ok", () => {})'] } }],
        request: { method: 'GET', url: '{{host}}/echo?ping=1' },
      },
    ],
  });

const openapiYaml = (server: string) => `openapi: 3.1.0
info: { title: Pets, version: "1" }
servers: [ { url: "${server}", description: Local fixture }, { url: "https://pets.example/v1" } ]
paths:
  /echo:
    get: { summary: List pets, tags: [pets], responses: { "200": { description: ok } } }
    post:
      summary: Create a pet
      tags: [pets]
      requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string, example: Rex } } } } } }
      responses: { "201": { description: created } }
`;

test.describe('import and export', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('a curl command pasted into the URL bar becomes the request, and it sends', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    const command = `curl '${fixtureServer.url}/echo?from=devtools' \\\n  -H 'accept: application/json' \\\n  -H 'x-courier-test: pasted' \\\n  -H 'content-type: application/json' \\\n  --data-raw '{"pasted":true}' \\\n  --compressed`;
    await io.pasteIntoUrl(command);

    await expect(builder.method).toHaveValue('POST');
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?from=devtools`);
    await expect(page.getByRole('status').filter({ hasText: 'Replaced the request with the pasted curl command' })).toBeVisible();
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('x-courier-test');
    await expect(builder.response).toContainText('pasted');
    await page.screenshot({ path: '/tmp/issue6-curl-paste.png' });

    // Undo puts the request back as it was
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(builder.url).toHaveValue('');
    await expect(builder.method).toHaveValue('GET');
  });

  test('ordinary text pasted into the URL bar is just text', async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    await io.pasteIntoUrl('https://example.com/not-curl');
    // not taken: the browser's default paste (not simulated by a synthetic event) leaves the field as it was
    await expect(page.getByRole('status').filter({ hasText: 'Replaced the request' })).toHaveCount(0);
    await expect(builder.method).toHaveValue('GET');
  });

  test('imports a Postman collection: preview with warnings, then opens the request', async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    await io.importText(postman);
    const preview = io.importDialog.getByLabel('Import preview');
    await expect(preview).toContainText('Postman Collection v2.1: 1 request');
    await expect(io.importDialog.getByRole('list', { name: 'Changed or left out in Echo it' })).toContainText(
      '1 saved example response ("saved") not imported',
    );
    await page.screenshot({ path: '/tmp/issue6-import-dialog.png' });
    await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(io.importDialog).toBeHidden();
    await expect(builder.method).toHaveValue('PUT');
    await expect(builder.url).toHaveValue('http://127.0.0.1:1/echo');
  });

  test('text pasted into the Import box is previewed at once; typed text is told that Preview comes first', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const io = new ImportExportPage(page);
    const importIt = io.importDialog.getByRole('button', { name: 'Import', exact: true });
    await io.importButton.click();
    const box = io.importDialog.getByRole('textbox', { name: 'Text to import' });
    await box.fill('curl https://api.shop.test/items');
    await expect(io.importDialog.getByRole('status').filter({ hasText: 'Preview shows what the text holds' })).toHaveText(
      'Preview shows what the text holds; Import is offered after it.',
    );
    await expect(importIt).toBeDisabled();

    await box.fill('');
    await page.evaluate((text) => navigator.clipboard.writeText(text), postman);
    await box.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(io.importDialog.getByLabel('Import preview')).toContainText('Postman Collection v2.1: 1 request');
    await expect(importIt).toBeEnabled();
    await expect(io.importDialog.getByRole('status').filter({ hasText: 'Preview shows what the text holds' })).toHaveCount(0);
  });

  test('imports a Postman collection into the workspace: the tree shows it, a request opens from there and sends, its file is on disk', async ({
    page,
    courier,
    fixtureServer,
  }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    const collections = new CollectionsPage(page);
    await io.importText(teamPostman(fixtureServer.url));
    await expect(io.importDialog.getByLabel('Import preview')).toContainText('Postman Collection v2.1: 3 requests, 1 item not carried over in full');
    await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(io.importDialog).toBeHidden();

    // The collection is in the tree, its folder open, its first request open in a tab and selected.
    await expect(collections.item('Team API')).toBeVisible();
    await expect(collections.item('Users')).toHaveAttribute('aria-expanded', 'true');
    await expect(collections.item('List users')).toHaveAttribute('aria-selected', 'true');
    await expect(collections.tab('List users')).toBeVisible();
    await expect(builder.url).toHaveValue('{{host}}/echo?list=users');
    // What was not carried over is on screen, per item, after the dialog closed (for a while, or while it is open).
    const notice = page.getByRole('status', { name: 'Import result' });
    await expect(notice).toContainText('Imported “Team API” into the workspace: 3 requests, 1 item not carried over in full.');
    // scripts are imported; a call the sandbox refuses is named
    await expect(notice).toContainText(
      'Ping: The test script uses pm.cookies, which Courier scripts do not support yet: it was imported and will stop at that call.',
    );
    // one line until the user opens the list (finding 26: the notice took ~110 px above the builder)
    expect((await notice.boundingBox())!.height).toBeLessThanOrEqual(40);
    await notice.getByText('1 change or omission').click();
    await expect(notice.getByRole('list', { name: 'Not carried over' })).toBeVisible();
    await page.screenshot({ path: '/tmp/issue6-import-workspace.png' });

    // Opened from the tree, a request sends with the collection's variable: no environment was needed for it.
    await collections.item('Create user').click();
    await expect(collections.tab('Create user')).toBeVisible();
    await expect(builder.method).toHaveValue('POST');
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('"create": "user"');

    const root = path.join(courier.dataDir, 'workspace', 'team-api');
    expect(JSON.parse(await readFile(path.join(root, 'users', 'create-user.request.json'), 'utf8'))).toEqual({
      format: 2,
      name: 'Create user',
      method: 'POST',
      url: '{{host}}/echo?create=user',
      body: { kind: 'json', text: '{"name":"Ann"}' },
    });
    expect(JSON.parse(await readFile(path.join(root, 'collection.json'), 'utf8'))).toEqual({
      format: 2,
      name: 'Team API',
      order: ['users', 'ping.request.json'],
      variables: [{ name: 'host', value: fixtureServer.url }],
    });

    // Importing it again adds a second collection beside the first rather than touching it.
    await io.importText(teamPostman(fixtureServer.url));
    await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(collections.item('Team API 2')).toBeVisible();
    await expect(notice).toContainText('Imported “Team API 2” into the workspace: 3 requests, 1 item not carried over in full.');
  });

  test('curl commands pasted into the URL bar go into the collection being worked in, not a new one, and send from there', async ({
    page,
    courier,
    fixtureServer,
  }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    const collections = new CollectionsPage(page);
    await collections.newCollection('Shop');
    const host = new URL(fixtureServer.url).host;
    await io.pasteIntoUrl(`curl '${fixtureServer.url}/echo/items?from=curl'\ncurl -X POST '${fixtureServer.url}/echo/orders' -H 'x-courier-test: into'`);
    await page.getByRole('button', { name: 'Import all 2…' }).click();
    await expect(io.importDialog.getByLabel('Import preview')).toContainText('curl (bash): 2 requests');
    const target = io.importDialog.getByRole('combobox', { name: 'Put the requests in' });
    await expect(target.locator('option:checked')).toHaveText(`New collection “${host}”`);
    await target.selectOption({ label: 'Shop' });
    await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(io.importDialog).toBeHidden();

    await expect(page.getByRole('status', { name: 'Import result' })).toContainText('Imported into “Shop”: 2 requests.');
    // both requests sit under Shop, and Shop is still the only collection
    const first = collections.item(`GET ${host}/echo/items`);
    const second = collections.item(`POST ${host}/echo/orders`);
    await expect(first).toHaveAttribute('aria-level', '2');
    await expect(second).toHaveAttribute('aria-level', '2');
    await expect(collections.tree.getByRole('treeitem', { level: 1 })).toHaveCount(1);
    await expect(collections.item('Shop')).toHaveAttribute('aria-level', '1');
    expect(JSON.parse(await readFile(path.join(courier.dataDir, 'workspace', 'shop', 'collection.json'), 'utf8'))).toMatchObject({
      order: [expect.stringMatching(/^get-.*-echo-items\.request\.json$/), expect.stringMatching(/^post-.*-echo-orders\.request\.json$/)],
    });

    // the first imported request is open and selected, and it sends to the fixture server; so does the second
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo/items?from=curl`);
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('"from": "curl"');
    await second.click();
    await expect(builder.method).toHaveValue('POST');
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('"x-courier-test": "into"');
  });

  test('imports an OpenAPI YAML file chosen from disk: servers become environments, the first operation sends', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    await io.importButton.click();
    await io.importDialog
      .getByLabel('Choose a file to import')
      .setInputFiles({ name: 'pets.yaml', mimeType: 'application/yaml', buffer: Buffer.from(openapiYaml(fixtureServer.url)) });
    const preview = io.importDialog.getByLabel('Import preview');
    await expect(preview).toContainText('OpenAPI 3.1.0: 2 requests, 2 environments');
    await expect(preview).toContainText('baseUrl');
    await page.screenshot({ path: '/tmp/issue6-import-openapi.png' });
    await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(io.importDialog).toBeHidden();
    // the first operation opens, and the servers became environments so {{baseUrl}} resolves
    await expect(builder.method).toHaveValue('GET');
    await expect(builder.url).toHaveValue('{{baseUrl}}/echo');
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('"path": "/echo"');
  });

  test('a typed password needs the vault: the dialog says so before Import and offers it; then the import keeps it out of every file', async ({
    page,
    courier,
  }) => {
    const io = new ImportExportPage(page);
    const password = 's3cret-e2e-import-9f2c';
    const withPassword = JSON.stringify({
      info: { name: 'Locked team', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'Login',
          request: {
            method: 'POST',
            url: 'http://127.0.0.1:1/login',
            auth: {
              type: 'basic',
              basic: [
                { key: 'username', value: 'ann' },
                { key: 'password', value: password },
              ],
            },
          },
        },
        { name: 'Plain', request: { method: 'GET', url: 'http://127.0.0.1:1/plain' } },
      ],
    });
    await io.importText(withPassword);
    await expect(io.importDialog.getByLabel('Import preview')).toContainText('Postman Collection v2.1: 2 requests');
    await expect(io.importDialog).toContainText(
      '“Locked team / Login” holds a typed credential, which is kept in the vault, not in files; the vault has no passphrase yet. Set one before importing',
    );
    await io.importDialog.getByRole('button', { name: 'Set a vault passphrase…' }).click();
    const vault = page.getByRole('dialog', { name: 'Set a vault passphrase', exact: true });
    await vault.getByLabel('Passphrase', { exact: true }).fill('import e2e passphrase');
    await vault.getByLabel('Confirm passphrase', { exact: true }).fill('import e2e passphrase');
    await vault.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(vault).toBeHidden();
    await expect(io.importDialog.getByRole('button', { name: 'Set a vault passphrase…' })).toHaveCount(0);

    await io.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(io.importDialog).toBeHidden();
    await expect(page.getByRole('status', { name: 'Import result' })).toContainText('Imported “Locked team” into the workspace: 2 requests.');
    const { hits, filesScanned } = await scanForSecret([courier.dataDir], password);
    expect(filesScanned).toBeGreaterThan(0);
    expect(hits).toEqual([]);
  });

  test('a malformed file is refused with a clear message', async ({ page }) => {
    const io = new ImportExportPage(page);
    await io.importText('{"info": {"name": "x"');
    await expect(io.importDialog.getByRole('alert')).toContainText('not valid JSON');
    await expect(io.importDialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  });

  test('exports the request as curl and as a Python snippet', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/echo?q=1`);
    await builder.addHeader('X-Courier-Test', "it's here");
    await io.exportButton.click();
    await expect(io.exportedText()).toContainText(`curl -X POST '${fixtureServer.url}/echo?q=1' \\`);
    await expect(io.exportedText()).toContainText(`-H 'X-Courier-Test: it'\\''s here'`);
    await io.exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'cURL (Windows cmd)' });
    await expect(io.exportedText()).toContainText('^"X-Courier-Test: it\'s here^"');
    await io.exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Python (requests)' });
    await expect(io.exportedText()).toContainText('import requests');
    await expect(io.exportedText()).toContainText('"X-Courier-Test": "it\'s here"');
    await page.screenshot({ path: '/tmp/issue6-export-dialog.png' });
  });

  test('a saved request exports to Postman under its own name, not its method and path (new-user pass: "POST _post")', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/post`);
    await new CollectionsPage(page).saveAsNew('Post two', 'Demo API');
    await io.exportButton.click();
    await io.exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Postman Collection v2.1' });
    await expect(io.exportedText()).toContainText('"name": "Post two"');
    await expect(io.exportedText()).not.toContainText('_post');
  });

  test('Basic auth: the dialog lists exactly what the chosen target reads, with what to put in it', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await new AuthTabPage(page).basic('ann', '{{$env.COURIER_PW}}');
    await io.exportButton.click();
    const listed = io.exportDialog.getByRole('list', { name: /Read from the environment/ });
    await expect(io.exportedText()).toContainText('-u ann:"$COURIER_PW"');
    await expect(listed.getByRole('listitem')).toHaveText([/^COURIER_PW — the process environment variable COURIER_PW/]);
    await io.exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Python (requests)' });
    await expect(io.exportedText()).toContainText('os.environ["BASIC_CREDENTIALS"]');
    await expect(listed.getByRole('listitem')).toHaveText([/^BASIC_CREDENTIALS — base64 of user:password/]);
  });
});
