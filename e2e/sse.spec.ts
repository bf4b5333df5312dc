import { test, expect } from './fixtures';
import { HistoryPanelPage } from './pages/history-panel-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { startSseFixtureServer, type SseFixtureServer } from './servers/streaming-servers';

let server: SseFixtureServer;
test.beforeAll(async () => {
  server = await startSseFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

test('streams 1,000 server-sent events live and lists them all when the stream ends', async ({ page, consoleErrors }) => {
  const builder = new RequestBuilderPage(page);
  // 1,000 events 15 ms apart: a 15 s stream, long enough to be seen live on a loaded CI machine (at 2 ms apart the
  // whole stream once ended before the live view was looked at; at 8 ms the live line once took over 6 s to show
  // on the first, cold test of a CI run). Once seen live, the server sends the rest at once.
  await builder.url.fill(`${server.url}/events?count=1000&every=15&until=thousand`);
  await builder.send();
  // Live, while the body is still arriving.
  await expect(builder.response.getByText(/events so far/)).toBeVisible({ timeout: 12_000 });
  await expect(builder.response.getByRole('listbox', { name: 'Events' }).getByRole('option').first()).toContainText('tick');
  server.hurry('thousand');
  // Finished: the Events tab is open on the whole stream, parsed from the stored body.
  const events = builder.response.getByRole('tab', { name: 'Response events' });
  await expect(events).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
  await expect(builder.response.getByRole('status').filter({ hasText: '1,000 events' })).toBeVisible();
  const list = builder.response.getByRole('listbox', { name: 'Events' });
  await list.getByRole('option').first().click();
  await expect(builder.response.getByLabel('Selected event')).toContainText('Event 1 · tick · id 0');
  await expect(builder.response.getByLabel('Selected event')).toContainText('"message": "event number 0"');
  // History keeps the whole stream: its entry opens on the same 1,000 events.
  const history = new HistoryPanelPage(page);
  await history.open();
  await history.openEntry(/events\?count=1000/);
  await expect(page.getByRole('tab', { name: 'Response events' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^1,000 events$/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('stops an endless stream and keeps what arrived as the response', async ({ page }) => {
  const builder = new RequestBuilderPage(page);
  await builder.url.fill(`${server.url}/endless?every=10`);
  await builder.send();
  await expect(builder.response.getByText(/[1-9]\d* events so far/)).toBeVisible();
  await builder.response.getByRole('button', { name: 'Stop stream' }).click();
  await expect(builder.response.getByRole('tab', { name: 'Response events' })).toHaveAttribute('aria-selected', 'true');
  await expect(builder.response).toContainText('You stopped the event stream after');
  await expect(builder.response.getByRole('status').filter({ hasText: /^\d[\d,]* events$/ })).toBeVisible();
});
