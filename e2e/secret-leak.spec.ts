import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { leakNeedles, scanForSecret } from '../electron/test-support/leak-scan';
import { EnvironmentsPage } from './pages/environments-page';
import { GraphqlPage } from './pages/graphql-page';
import { startGraphqlServer } from './servers/graphql-server';
import { HistoryPanelPage } from './pages/history-panel-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { WebSocketPage } from './pages/websocket-page';
import { startWsFixtureServer } from './servers/streaming-servers';
import { startFixtureServer } from './servers/fixture-server';
import { startCourierWeb } from './support/courier-web';
import { test, expect } from './fixtures';

/**
 * The leak test, as a person would cause one: a secret typed into the environment editor is used in a
 * header, a query parameter, a JSON body and Basic auth; the request is sent to a server that echoes it all back;
 * history is exported as HAR; Courier is stopped. Then every file under its data folder and the export folder is
 * searched for the secret in every form (plain, URL-encoded, JSON-escaped, base64 at each alignment, inside gzip).
 */
const CANARY = 'Kq9!canary s3cr3t+/=zZ';

test('a secret used everywhere in a request leaves no trace on disk', async ({ page, fixtureServer }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-leak-data-'));
  const exportDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-leak-export-'));
  const courier = await startCourierWeb({ dataDir });
  try {
    await page.goto(courier.url);
    const environments = new EnvironmentsPage(page);
    await environments.setPassphrase('correct horse battery staple');
    await environments.openEditor();
    await environments.selectScope('Globals');
    await environments.addVariable('apiKey', CANARY, { secret: true });
    await environments.save();
    await environments.closeEditor();

    const builder = new RequestBuilderPage(page);
    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/echo?key={{apiKey}}`);
    await builder.addHeader('X-Api-Key', '{{apiKey}}');
    await builder.setJsonBody('{"key":"{{apiKey}}"}');
    await builder.chooseAuth('Basic');
    await builder.authField('Username').fill('alice');
    await builder.authField('Password').fill('{{apiKey}}');
    await builder.send();
    await builder.expectStatus('200 OK');

    // The echo holds the secret: the body is shown as it came, marked, and Save asks (naming why) before writing it.
    await expect(builder.response.getByText('Contains a secret')).toBeVisible();
    await builder.response.getByRole('button', { name: 'Save', exact: true }).click();
    const question = page.getByRole('alertdialog', { name: 'Save a body that contains a secret?' });
    await expect(question).toContainText('repeats a secret value this request sent');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toBeHidden();

    // What went back to the window is masked: the raw request head shows dots where the secret was.
    await builder.response.getByRole('tab', { name: 'Raw' }).click();
    const raw = await builder.response.getByRole('tabpanel').innerText();
    expect(raw).toContain('••••••');
    for (const needle of leakNeedles(CANARY)) expect(raw).not.toContain(needle.bytes.toString());

    const history = new HistoryPanelPage(page);
    await history.open();
    await expect(history.rows).toHaveCount(1);
    const { download } = await history.exportWith(history.button('Export all'));
    await download.saveAs(path.join(exportDir, 'history.har'));
  } finally {
    await courier.stop();
  }
  try {
    const { hits, filesScanned } = await scanForSecret([dataDir, exportDir], CANARY);
    expect(filesScanned).toBeGreaterThan(3);
    expect(hits).toEqual([]);
    expect(courier.output()).not.toContain(CANARY);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(exportDir, { recursive: true, force: true });
  }
});

test('a secret in a WebSocket handshake is masked in what the window shows and in the exported log', async ({ page }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-leak-ws-data-'));
  const exportDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-leak-ws-export-'));
  const wsServer = await startWsFixtureServer();
  const courier = await startCourierWeb({ dataDir });
  try {
    await page.goto(courier.url);
    const environments = new EnvironmentsPage(page);
    await environments.setPassphrase('correct horse battery staple');
    await environments.openEditor();
    await environments.selectScope('Globals');
    await environments.addVariable('apiKey', CANARY, { secret: true });
    await environments.save();
    await environments.closeEditor();

    const ws = new WebSocketPage(page);
    await ws.open();
    // the server's first message echoes the handshake's headers and query: a live payload, shown as it came
    await ws.session.getByRole('tab', { name: 'Handshake headers' }).click();
    await ws.session.getByRole('textbox', { name: 'Header 1 name' }).fill('X-Token');
    await ws.session.getByRole('textbox', { name: 'Header 1 value' }).fill('{{apiKey}}');
    await ws.connect(`${wsServer.origin}/headers?token={{apiKey}}`);
    await expect(ws.status()).toContainText('Open');
    await expect(ws.messages().getByRole('option')).toHaveCount(1);
    // the server did get the secret in the header (its echo, a live payload, shows it)
    await expect(ws.messages().getByRole('option').first()).toContainText('"x-token":"Kq9!canary');
    for (const needle of leakNeedles(CANARY)) expect(await ws.status().innerText()).not.toContain(needle.bytes.toString());
    await ws.session.getByRole('button', { name: 'Disconnect' }).click();
    await expect(ws.status()).toContainText('You closed it');

    // Export JSON after Disconnect: written with the secret masked
    const { download, text } = await ws.exportLog();
    expect(text).toContain('••••••');
    await download.saveAs(path.join(exportDir, 'websocket-messages.json'));

    // a refused handshake that quotes the secret in a header and in its body
    await ws.connect(`${wsServer.origin}/reject-echo?token={{apiKey}}`);
    await expect(ws.status()).toContainText('Handshake response: 403');
    await expect(ws.status().getByLabel('Handshake response body')).toContainText('••••••');
    const refused = await ws.status().innerText();
    for (const needle of leakNeedles(CANARY)) expect(refused).not.toContain(needle.bytes.toString());

    // saved to a collection with the literal typed into the handshake's auth: the vault keeps it, the file a reference
    await ws.session.getByRole('tab', { name: 'Auth' }).click();
    await ws.session.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Bearer token' });
    await ws.session.getByLabel('Token', { exact: true }).fill(CANARY);
    await ws.saveAsNew('Leaky socket', 'Sockets');
    await expect
      .poll(async () => readFile(path.join(dataDir, 'workspace', 'sockets', 'leaky-socket.request.json'), 'utf8').catch(() => ''))
      .toMatch(/"token": "\{\{\$credential\.[^}]+\}\}"/);
    await expect(ws.session.getByRole('status').filter({ hasText: 'was not written to the file' })).toHaveCount(0);
  } finally {
    await courier.stop();
    await wsServer.close();
  }
  try {
    const { hits } = await scanForSecret([dataDir, exportDir], CANARY);
    expect(hits).toEqual([]);
    expect(courier.output()).not.toContain(CANARY);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(exportDir, { recursive: true, force: true });
  }
});

test('a secret in a GraphQL subscription URL is masked in the "Connecting to" line', async ({ page }) => {
  const graphqlServer = await startGraphqlServer();
  try {
    const environments = new EnvironmentsPage(page);
    await environments.setPassphrase('correct horse battery staple');
    await environments.openEditor();
    await environments.selectScope('Globals');
    await environments.addVariable('apiKey', CANARY, { secret: true });
    await environments.save();
    await environments.closeEditor();

    const gql = new GraphqlPage(page);
    await gql.open(`${graphqlServer.url}?token={{apiKey}}`);
    await gql.setText(gql.query, 'subscription { countdown(from: 1, intervalMs: 10) }');
    await gql.builder.send();
    const log = gql.subscription.getByRole('log', { name: 'Subscription results' });
    await expect(log).toContainText('complete');
    await expect(log).toContainText(/Connecting to ws:\/\/.*token=••••••/);
    const text = await gql.subscription.innerText();
    for (const needle of leakNeedles(CANARY)) expect(text).not.toContain(needle.bytes.toString());
  } finally {
    await graphqlServer.close();
  }
});

test('a process variable is asked for, then sent masked, and leaves no trace on disk', async ({ page, fixtureServer }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-env-data-'));
  const exportDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-env-export-'));
  const courier = await startCourierWeb({ dataDir, env: { COURIER_E2E_LEAK_TOKEN: CANARY } });
  try {
    await page.goto(courier.url);
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.addHeader('X-Env', '{{$env.COURIER_E2E_LEAK_TOKEN}}');
    await builder.send();

    // refused until allowed: the prompt names the variable and the host that wants it
    const prompt = page.getByRole('alertdialog', { name: 'Allow environment variable' });
    await expect(prompt).toContainText('COURIER_E2E_LEAK_TOKEN');
    await expect(prompt).toContainText(new URL(fixtureServer.url).host);
    await prompt.getByRole('button', { name: 'Allow and send' }).click();
    await builder.expectStatus('200 OK');
    await expect(prompt).toHaveCount(0);

    await builder.response.getByRole('tab', { name: 'Raw' }).click();
    const raw = await builder.response.getByRole('tabpanel').innerText();
    expect(raw).toContain('••••••');
    for (const needle of leakNeedles(CANARY)) expect(raw).not.toContain(needle.bytes.toString());

    const history = new HistoryPanelPage(page);
    await history.open();
    await expect(history.rows).toHaveCount(1);
    const { download } = await history.exportWith(history.button('Export all'));
    await download.saveAs(path.join(exportDir, 'history.har'));
  } finally {
    await courier.stop();
  }
  try {
    const { hits } = await scanForSecret([dataDir, exportDir], CANARY);
    expect(hits).toEqual([]);
    expect(courier.output()).not.toContain(CANARY);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(exportDir, { recursive: true, force: true });
  }
});

test('a redirect to another origin does not carry the API key unless the request keeps credentials', async ({ page, fixtureServer }) => {
  const other = await startFixtureServer();
  try {
    const key = 'e2e-api-key-4f1c';
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/redirect?to=${encodeURIComponent(`${other.url}/record-headers/landing`)}`);
    await builder.chooseAuth('API key');
    await builder.authField('Key name').fill('X-Api-Key');
    await builder.authField('Key value').fill(key);
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response.getByRole('list', { name: 'Warnings' })).toContainText(`X-Api-Key not sent to ${new URL(other.url).origin}`);
    expect(other.recordedRequests().map((request) => request.headers['x-api-key'])).toEqual([undefined]);

    await builder.openTab('Settings');
    const keep = builder.request.getByRole('checkbox', { name: 'Keep credentials on redirects to another origin' });
    await expect(keep).not.toBeChecked();
    await keep.check();
    await builder.send();
    await expect(builder.response.getByRole('list', { name: 'Warnings' })).toContainText('keeps credentials on redirects');
    expect(other.recordedRequests().map((request) => request.headers['x-api-key'])).toEqual([undefined, key]);
  } finally {
    await other.close();
  }
});
