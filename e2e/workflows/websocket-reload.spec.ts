import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { WebSocketPage } from '../pages/websocket-page';
import { startWsFixtureServer, type WsTestServer } from '../servers/streaming-servers';
import { startCourierWeb } from '../support/courier-web';
import { settingsText, settingsValue } from '../support/session-file';

// A secret typed into a WebSocket tab's Auth: it must never reach the session file (issue #45).
const CANARY = 'ws-canary-Tk9f2Lq0Zx';

let server: WsTestServer;
test.beforeAll(async () => {
  server = await startWsFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

interface StoredWsSession {
  tabs: { request: { url: string }; connected: boolean; draft: { text: string } }[];
  activeId: string | null;
}

async function storedWs(dataDir: string): Promise<StoredWsSession | undefined> {
  return (await settingsValue(dataDir, 'workspace.wsSession')) as StoredWsSession | undefined;
}

/** Issues #45 (WebSocket tabs across a reload) and #30 (the switch says a socket is open). */
test.describe('WebSocket tabs across a reload', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('an open connection and an unsaved tab with a draft come back; the connection re-attaches and its log goes on', async ({ page, courier }) => {
    const ws = new WebSocketPage(page);
    const kinds = page.getByRole('radiogroup', { name: 'Request kind' });
    await ws.open();
    await ws.connect(`${server.origin}/echo`);
    await expect(ws.status()).toContainText('Open');
    await ws.typeMessage('{"before":"reload"}');
    await ws.send();
    await expect(ws.messages().getByRole('option')).toHaveCount(2);
    const connectionsBefore = server.connections();

    // a second tab, never connected: a URL, a typed message and a typed secret
    await ws.workspace.getByRole('button', { name: '+ New connection' }).click();
    await ws.url().fill(`${server.origin}/echo?second`);
    await ws.typeMessage('{"draft":"kept"}');
    await ws.session.getByRole('tab', { name: 'Auth' }).click();
    await ws.session.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Bearer token' });
    await ws.session.getByLabel('Token', { exact: true }).fill(CANARY);

    // #30: the HTTP side shows that a socket is still open
    await kinds.getByText('HTTP', { exact: true }).click();
    await expect(kinds.getByRole('radio', { name: 'WebSocket, 1 open connection' })).toBeAttached();
    await expect(kinds).toContainText('WebSocket · 1 open');

    await expect
      .poll(async () => (await storedWs(courier.dataDir))?.tabs.map((tab) => [tab.request.url, tab.connected, tab.draft.text]))
      .toEqual([
        [`${server.origin}/echo`, true, '{"before":"reload"}'],
        [`${server.origin}/echo?second`, false, '{"draft":"kept"}'],
      ]);
    expect(await settingsText(courier.dataDir)).not.toContain(CANARY);

    await page.reload();
    // the connection is still open in the service: the switch says so before the view is even shown
    await expect(kinds.getByRole('radio', { name: 'WebSocket, 1 open connection' })).toBeAttached();
    await ws.open();
    const strip = ws.workspace.getByRole('tablist', { name: 'WebSocket connections' });
    await expect(strip.getByRole('tab')).toHaveCount(2);
    // the tab that was active is active again, with its URL and its message draft
    await expect(strip.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(ws.url()).toHaveValue(`${server.origin}/echo?second`);
    await expect(ws.session.getByRole('tab', { name: 'Message', exact: true })).toBeVisible();
    await ws.session.getByRole('tab', { name: 'Message', exact: true }).click();
    await expect(ws.session.locator('.view-lines')).toContainText('{"draft":"kept"}');
    await expect(ws.status()).toContainText('Not connected');
    await expect(ws.status()).not.toContainText('Disconnected when the window reloaded');

    await strip.getByRole('tab').nth(0).click();
    await expect(ws.url()).toHaveValue(`${server.origin}/echo`);
    await expect(ws.status()).toContainText('Open');
    await expect(ws.messages().getByRole('option')).toHaveCount(2);
    await ws.typeMessage('{"after":"reload"}');
    await ws.send();
    await expect(ws.messages().getByRole('option')).toHaveCount(4);
    await expect(ws.messages().getByRole('option').nth(3)).toContainText('{"after":"reload"}');
    // the same socket: nothing reconnected behind the user's back
    expect(server.connections()).toBe(connectionsBefore);
    expect(await settingsText(courier.dataDir)).not.toContain(CANARY);
  });

  test('a connection that did not survive (a restart) is shown disconnected, with Connect, and never connects by itself', async ({ page, consoleErrors }) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-ws-reload-'));
    try {
      const first = await startCourierWeb({ dataDir });
      await page.goto(first.url);
      const ws = new WebSocketPage(page);
      await ws.open();
      await ws.connect(`${server.origin}/echo`);
      await expect(ws.status()).toContainText('Open');
      await expect.poll(async () => (await storedWs(dataDir))?.tabs.map((tab) => tab.connected)).toEqual([true]);
      await first.stop();

      const second = await startCourierWeb({ dataDir });
      try {
        const connectionsBefore = server.connections();
        await page.goto(second.url);
        await expect(page.getByRole('radiogroup', { name: 'Request kind' })).toContainText('WebSocket');
        await ws.open();
        await expect(ws.url()).toHaveValue(`${server.origin}/echo`);
        await expect(ws.status()).toContainText('Not connected');
        await expect(ws.status()).toContainText('Disconnected when the window reloaded');
        await page.waitForTimeout(500);
        expect(server.connections()).toBe(connectionsBefore);
        await ws.session.getByRole('button', { name: 'Connect', exact: true }).click();
        await expect(ws.status()).toContainText('Open');
        await expect(ws.status()).not.toContainText('Disconnected when the window reloaded');
        await ws.session.getByRole('button', { name: 'Disconnect' }).click();
      } finally {
        // leave the page before its server stops, so the stop itself reports nothing
        await page.goto('about:blank');
        await second.stop();
        // The first page saw its server stop (refused or reset loads, its bridge's error event, a lazy chunk that could not
        // come), and such reports can arrive after the next page started: those kinds only are expected here.
        const expected = /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|Failed to fetch dynamically imported module|^Event$/;
        const unexpected = consoleErrors.filter((text) => !expected.test(text));
        consoleErrors.splice(0, consoleErrors.length, ...unexpected);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
