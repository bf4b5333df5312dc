import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { WebSocketPage } from '../pages/websocket-page';
import { startWsFixtureServer, type WsTestServer } from '../servers/streaming-servers';

let server: WsTestServer;
test.beforeAll(async () => {
  server = await startWsFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

/**
 * A WebSocket request is saved in a collection like an HTTP request, saved messages included, so they
 * survive what the browser's storage does not (a new web-mode launch has a new origin).
 */
test('saves a WebSocket request with its saved messages into a collection and opens it again from the file', async ({ page, courier, consoleErrors }) => {
  const ws = new WebSocketPage(page);
  const collections = new CollectionsPage(page);
  await ws.open();
  await ws.url().fill(`${server.origin}/echo`);
  await ws.setHeader(1, 'X-Team', 'blue');
  await ws.saveMessage('greet', 'Text', 'hello courier');
  await ws.saveMessage('join', 'Text', 'join room 7');
  await expect(ws.savedMessages()).toContainText('Saved messages (2)');

  await ws.saveAsNew('Echo chat', 'Realtime');
  await expect(collections.item('Echo chat')).toBeVisible();
  await expect(collections.item('Echo chat')).toContainText('WS');

  // The file in the data folder's workspace holds the request and both messages (and no kind-less HTTP shape).
  const file = path.join(courier.dataDir, 'workspace', 'realtime', 'echo-chat.request.json');
  expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
    // WebSocket files carry their format version (shared/workspace/format-upgrades)
    format: 2,
    kind: 'websocket',
    name: 'Echo chat',
    url: `${server.origin}/echo`,
    headers: [{ name: 'X-Team', value: 'blue' }],
    messages: [
      { name: 'greet', kind: 'text', body: 'hello courier' },
      { name: 'join', kind: 'text', body: 'join room 7' },
    ],
  });

  // A new web-mode launch has a new origin and so an empty browser storage: clear it and reload to prove the
  // messages come from the file.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(collections.item('Echo chat')).toBeVisible();
  await collections.item('Echo chat').click();
  await expect(ws.workspace).toBeVisible();
  await expect(ws.url()).toHaveValue(`${server.origin}/echo`);
  await expect(ws.workspace.getByRole('tab', { name: /Echo chat/ })).toHaveAttribute('aria-selected', 'true');
  await expect(ws.savedMessages()).toContainText('Saved messages (2)');
  await ws.session.getByRole('tab', { name: 'Handshake headers' }).click();
  await expect(ws.session.getByRole('textbox', { name: 'Header 1 name' })).toHaveValue('X-Team');
  await expect(ws.session.getByRole('textbox', { name: 'Header 1 value' })).toHaveValue('blue');

  await ws.session.getByRole('tab', { name: 'Message', exact: true }).click();
  await ws.session.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(ws.status()).toContainText('Open');
  await ws.savedMessages().selectOption('join');
  await ws.send();
  const rows = ws.messages().getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('join room 7');
  await expect(rows.nth(1)).toContainText('join room 7');

  // A message saved now belongs to the file too, written by Ctrl/⌘+S in the WebSocket view (not the HTTP tab's save).
  await ws.saveMessage('leave', 'Text', 'leave room 7');
  await expect(ws.savedMessages()).toContainText('Saved messages (3)');
  await ws.session.getByRole('textbox', { name: 'WebSocket URL' }).press('ControlOrMeta+S');
  await expect
    .poll(async () => (JSON.parse(await readFile(file, 'utf8')) as { messages: { name: string }[] }).messages.map((m) => m.name))
    .toEqual(['greet', 'join', 'leave']);
  await expect(page.getByRole('dialog', { name: 'Save request' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('"New WebSocket request" in the tree menu creates a WebSocket file, opens it, and the open request follows a rename', async ({ page, courier }) => {
  const ws = new WebSocketPage(page);
  const collections = new CollectionsPage(page);
  await collections.newCollection('New collection');
  await collections.menu('New collection', 'New WebSocket request');
  await expect(ws.workspace).toBeVisible();
  await expect(ws.workspace.getByRole('tab', { name: /New WebSocket request/ })).toHaveAttribute('aria-selected', 'true');
  await expect(collections.item('New WebSocket request')).toContainText('WS');

  await ws.url().fill(`${server.origin}/echo`);
  await ws.session.getByRole('button', { name: 'Save request', exact: true }).click();
  const file = path.join(courier.dataDir, 'workspace', 'new-collection', 'new-websocket-request.request.json');
  await expect
    .poll(async () => JSON.parse(await readFile(file, 'utf8')) as unknown)
    .toEqual({
      format: 2,
      kind: 'websocket',
      name: 'New WebSocket request',
      url: `${server.origin}/echo`,
    });

  // Renamed in the tree while open: the tab follows the file, so Save writes the renamed file (no stray copy).
  await collections.menu('New WebSocket request', 'Rename');
  await collections.tree.getByRole('textbox', { name: 'New name' }).fill('Ticker');
  await collections.tree.getByRole('textbox', { name: 'New name' }).press('Enter');
  await expect(collections.item('Ticker')).toBeVisible();
  await expect(ws.workspace.getByRole('tab', { name: /Ticker/ })).toBeVisible();
  await ws.url().fill(`${server.origin}/echo?feed=ticker`);
  await ws.session.getByRole('button', { name: 'Save request', exact: true }).click();
  const renamed = path.join(courier.dataDir, 'workspace', 'new-collection', 'ticker.request.json');
  await expect.poll(async () => (JSON.parse(await readFile(renamed, 'utf8')) as { url: string }).url).toBe(`${server.origin}/echo?feed=ticker`);
  expect(await readdir(path.join(courier.dataDir, 'workspace', 'new-collection'))).toEqual(['collection.json', 'ticker.request.json']);
  await expect(page.getByRole('dialog', { name: 'Save WebSocket request' })).toHaveCount(0);
});
