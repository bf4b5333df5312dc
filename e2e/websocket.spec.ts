import { test, expect } from './fixtures';
import { WebSocketPage } from './pages/websocket-page';
import { startWsFixtureServer, type WsTestServer } from './servers/streaming-servers';

let server: WsTestServer;
test.beforeAll(async () => {
  server = await startWsFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

test('opens a WebSocket, sends JSON and shows the echo pretty-printed', async ({ page, consoleErrors }) => {
  const ws = new WebSocketPage(page);
  await ws.open();
  await ws.connect(`${server.origin}/echo`);
  await expect(ws.status()).toContainText('Open');
  await expect(ws.status()).toContainText('101 Switching Protocols');
  await ws.typeMessage('{"hello":"courier","n":[1,2]}');
  await ws.send();
  const rows = ws.messages().getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('sent');
  await expect(rows.nth(1)).toContainText('{"hello":"courier","n":[1,2]}');
  await rows.nth(1).click();
  await expect(ws.session.getByRole('textbox', { name: 'Message content' })).toBeAttached();
  await expect(ws.session.getByLabel('Selected message')).toContainText('"hello": "courier"');
  await ws.session.getByRole('button', { name: 'Disconnect' }).click();
  await expect(ws.status()).toContainText('You closed it: 1000');
  // the close frame is a row of the log, with its code
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText('close');
  await expect(rows.nth(2)).toContainText('1000 normal closure');
  await expect(ws.logCount()).toContainText('3 messages');
  expect(consoleErrors).toEqual([]);
});

test('flags invalid JSON and will not send it', async ({ page }) => {
  const ws = new WebSocketPage(page);
  await ws.open();
  await ws.connect(`${server.origin}/echo`);
  await expect(ws.status()).toContainText('Open');
  // a message is sent as written ({{x}} is not resolved, unlike in a request body): a bare {{x}} is invalid here
  await ws.typeMessage('{"n": {{count}}}');
  await expect(ws.session.getByRole('alert')).toContainText('Invalid JSON');
  await expect(ws.session.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await ws.typeMessage('{"broken": ');
  await expect(ws.session.getByRole('alert')).toContainText('Invalid JSON');
  await expect(ws.session.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  // plain text typed in the JSON editor (the default type) can go as text, in one click
  await ws.session.getByRole('button', { name: 'Send as text' }).click();
  const rows = ws.messages().getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('{"broken": ');
  await expect(ws.session.getByRole('radio', { name: 'Text' })).toBeChecked();
});

test('keeps several sessions open in their own tabs', async ({ page }) => {
  const ws = new WebSocketPage(page);
  await ws.open();
  await ws.connect(`${server.origin}/echo`);
  await expect(ws.status()).toContainText('Open');
  await ws.workspace.getByRole('button', { name: '+ New connection' }).click();
  await ws.connect(`${server.origin}/binary`);
  await expect(ws.status()).toContainText('Open');
  await expect(ws.messages().getByRole('option')).toHaveCount(1);
  await expect(ws.messages().getByRole('option').first()).toContainText('00 01 02 fe ff');
  await expect(ws.logCount()).toContainText(/^1 message ·/);
  const tabs = ws.workspace.getByRole('tablist', { name: 'WebSocket connections' }).getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await tabs.first().click();
  await expect(ws.status()).toContainText('Open');
  await ws.typeMessage('"first"');
  // Ctrl/⌘+Enter sends the message (and not the hidden HTTP request).
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(ws.messages().getByRole('option')).toHaveCount(2);
});

test('shows a refused handshake with the HTTP response', async ({ page }) => {
  const ws = new WebSocketPage(page);
  await ws.open();
  await ws.connect(`${server.origin}/reject`);
  await expect(ws.status().getByRole('alert')).toContainText('refused the WebSocket handshake with 401 Unauthorized');
  await expect(ws.status()).toContainText('Handshake response: 401 Unauthorized');
  await expect(ws.status().getByRole('table', { name: 'Handshake response headers' })).toContainText('WWW-Authenticate');
  await expect(ws.status().getByLabel('Handshake response body')).toContainText('invalid_token');
  await expect(ws.session.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
});

test('saves a message as a template for the URL and loads it back', async ({ page }) => {
  const ws = new WebSocketPage(page);
  await ws.open();
  await ws.url().fill(`${server.origin}/echo`);
  await ws.typeMessage('{"op":"subscribe"}');
  await ws.session.getByRole('button', { name: 'Save message…' }).click();
  await ws.session.getByRole('textbox', { name: 'Name for the saved message' }).fill('subscribe');
  await ws.session.getByRole('button', { name: 'Save', exact: true }).click();
  await ws.typeMessage('{}');
  await ws.session.getByRole('combobox', { name: 'Saved messages' }).selectOption('subscribe');
  await ws.connect(`${server.origin}/echo`);
  await expect(ws.status()).toContainText('Open');
  await ws.send();
  await expect(ws.messages().getByRole('option').last()).toContainText('{"op":"subscribe"}');
  await ws.session.getByRole('button', { name: 'Delete “subscribe”' }).click();
  await expect(ws.session.getByRole('combobox', { name: 'Saved messages' })).toBeDisabled();
});

test('refuses a header value that cannot be sent, naming the header, and does not stay connecting', async ({ page }) => {
  const ws = new WebSocketPage(page);
  await ws.open();
  await ws.url().fill(`${server.origin}/echo`);
  await ws.session.getByRole('tab', { name: 'Handshake headers' }).click();
  await ws.session.getByRole('textbox', { name: 'Header 1 name' }).fill('X-Price');
  // € is not Latin-1: no header can carry it
  await ws.session.getByRole('textbox', { name: 'Header 1 value' }).fill('5 €');
  await ws.session.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(ws.status().getByRole('alert')).toContainText('The value of header "X-Price"');
  await expect(ws.status()).toContainText('Closed');
  await expect(ws.session.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
});
