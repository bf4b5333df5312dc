import { test, expect } from './fixtures';
import { RequestBuilderPage } from './pages/request-builder-page';
import { RequestTabsPage } from './pages/request-tabs-page';
import { ResponseViewerPage } from './pages/response-viewer-page';
import { startSseFixtureServer, type SseFixtureServer } from './servers/streaming-servers';

let server: SseFixtureServer;
test.beforeAll(async () => {
  server = await startSseFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

/**
 * A stream that sends its first events and then goes quiet: the live view shows what arrived, however late its code
 * loaded and however often the user left its tab, not only the events that come after.
 */
test.describe('a held event stream', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('shows the events that arrived before the live view had loaded', async ({ page }) => {
    // The live view's code arrives late (as on a busy machine right after the window opened): the stream's 50 events
    // are all in before it. Only this static file is delayed; the event stream itself is the real server's.
    await page.route('**/assets/live-sse-events-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.reload();
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${server.url}/events?count=50&hold=late&more=0`);
    await builder.send();
    await expect(builder.response.getByText('50 events so far')).toBeVisible({ timeout: 8_000 });
    // the live list follows the stream: its newest event is in view
    await expect(builder.response.getByRole('listbox', { name: 'Events' }).getByRole('option').last()).toContainText('event number 49');
    server.resume('late');
    await expect(builder.response.getByRole('status').filter({ hasText: /^50 events$/ })).toBeVisible();
  });

  test('keeps its live events while the user works in another tab', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const tabs = new RequestTabsPage(page);
    const list = builder.response.getByRole('listbox', { name: 'Events' });

    await test.step('tab 1: a stream sends 50 events and holds', async () => {
      await builder.url.fill(`${server.url}/events?count=50&hold=tabs&more=150`);
      await builder.send();
      await expect(builder.response.getByText('50 events so far')).toBeVisible();
      await expect(list.getByRole('option').last()).toContainText('event number 49');
    });

    await test.step('tab 2: another request is sent and read', async () => {
      await tabs.newTab();
      await builder.url.fill(`${fixtureServer.url}/json`);
      await builder.send();
      await expect(new ResponseViewerPage(page).status).toContainText('200');
    });

    await test.step('back in tab 1: the count and the events are still there', async () => {
      await tabs.select(0);
      await expect(builder.response.getByText('50 events so far')).toBeVisible();
      await expect(list.getByRole('option').last()).toContainText('event number 49');
    });

    await test.step('the stream resumes and ends: all its events are listed', async () => {
      server.resume('tabs');
      await expect(builder.response.getByRole('tab', { name: 'Response events' })).toHaveAttribute('aria-selected', 'true');
      await expect(builder.response.getByRole('status').filter({ hasText: /^200 events$/ })).toBeVisible();
      await expect(list.getByRole('option').first()).toContainText('event number 0');
    });
  });

  test('Esc (Cancel) on a stream keeps what arrived, as Stop stream does', async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${server.url}/events?count=30&hold=esc&more=0`);
    await builder.send();
    await expect(builder.response.getByText('30 events so far')).toBeVisible();
    // the shortcut list's "Cancel the request in flight"
    await page.keyboard.press('Escape');
    await expect(builder.response.getByRole('status').filter({ hasText: /^30 events$/ })).toBeVisible();
    await expect(builder.response.getByText('You stopped the event stream after 30 events')).toBeVisible();
    await expect(builder.response.getByRole('listbox', { name: 'Events' }).getByRole('option').first()).toContainText('event number 0');
    await expect(builder.response.getByText(/not kept/)).toHaveCount(0);
  });
});
