import { test, expect } from '../fixtures';
import { LayoutPage } from '../pages/layout-page';
import { WebSocketPage } from '../pages/websocket-page';

test('WebSocket at 1280×800 before connecting: the real log cap, the scheme an http:// URL connects as, whole toolbars', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const layout = new LayoutPage(page);
  await layout.open(layout.collectionsToggle);
  const ws = new WebSocketPage(page);
  await ws.open();

  // it read "0 messages · keeps 0" until the first Connect
  await expect(page.getByTestId('ws-log-count')).toHaveText('0 messages · keeps 10,000');

  await ws.url().fill('http://127.0.0.1:9/ws');
  await expect(ws.session.getByText('(connects as ws://)')).toBeVisible();
  await expect(ws.url()).toHaveAccessibleDescription('(connects as ws://)');
  await ws.url().fill('https://example.com/socket');
  await expect(ws.url()).toHaveAccessibleDescription('(connects as wss://)');
  await ws.url().fill('ws://127.0.0.1:9/ws');
  await expect(ws.session.getByText(/connects as/)).toHaveCount(0);

  // the log toolbar keeps its buttons on one line
  const clear = await ws.session.getByRole('button', { name: 'Clear', exact: true }).boundingBox();
  const exportJson = await ws.session.getByRole('button', { name: 'Export JSON', exact: true }).boundingBox();
  expect(Math.abs(exportJson!.y - clear!.y)).toBeLessThan(4);

  // "Save message…": the name field says what to type, and Cancel is whole inside the pane
  await ws.session.getByRole('button', { name: 'Save message…' }).click();
  const name = ws.session.getByRole('textbox', { name: 'Name for the saved message' });
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('placeholder', /name/i);
  await expect(ws.session.getByText('Save as', { exact: true })).toBeVisible();
  const cancel = await ws.session.getByRole('button', { name: 'Cancel', exact: true }).boundingBox();
  const composer = await ws.session.getByRole('tabpanel').first().boundingBox();
  expect(cancel!.x + cancel!.width).toBeLessThanOrEqual(composer!.x + composer!.width + 1);
});

test('two WebSocket connections to the same address have titles told apart, and the tab strip has no scrollbar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const ws = new WebSocketPage(page);
  await ws.open();
  const list = ws.workspace.getByRole('tablist', { name: 'WebSocket connections' });
  // a connection is titled by its address when it connects (nothing listens on port 9: it is refused, and keeps the title)
  await ws.connect('ws://127.0.0.1:9/feed');
  await ws.workspace.getByRole('button', { name: '+ New connection' }).click();
  await ws.connect('ws://127.0.0.1:9/feed');
  const names = async () => (await list.getByRole('tab').allTextContents()).map((name) => name.trim());
  await expect.poll(names).toEqual(['127.0.0.1:9/feed', '127.0.0.1:9/feed (2)']);
  // each close button says which one it closes
  await expect(ws.workspace.getByRole('button', { name: 'Close connection 127.0.0.1:9/feed (2)' })).toBeVisible();
  await page.screenshot({ path: '/tmp/ui10-ws-tabs.png' });
  // the active tab's 1 px overlap with the strip's bottom border made the list scroll by 1 px (a scrollbar showed)
  const overflow = await list.evaluate((el) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight }));
  expect(overflow).toEqual({ x: 0, y: 0 });
});
