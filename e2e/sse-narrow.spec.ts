import { test, expect } from './fixtures';
import type { Locator } from '@playwright/test';
import { LayoutPage } from './pages/layout-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { startSseFixtureServer, type SseFixtureServer } from './servers/streaming-servers';

let server: SseFixtureServer;
test.beforeAll(async () => {
  server = await startSseFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

const width = async (locator: Locator) => (await locator.boundingBox())!.width;
// a cell whose text is cut (ellipsis) has more to show than it is wide
const clipped = (locator: Locator) =>
  locator.evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent));

test.describe('server-sent events in the pane beside the request, on a 1280×800 laptop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('data gets the width the other columns do not need, the empty retry column is left out, and the headers read whole', async ({ page, consoleErrors }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${server.url}/events?count=20`);
    await builder.send();
    await expect(builder.response.getByRole('tab', { name: 'Response events' })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
    const row = builder.response.getByRole('listbox', { name: 'Events' }).getByRole('option').first();
    await expect(row).toContainText('tick');
    const head = builder.response.getByTestId('sse-head');
    // the response beside the request (no side panel), at the narrowest the divider allows (End), as in the finding
    const layout = new LayoutPage(page);
    if ((await layout.collectionsToggle.getAttribute('aria-expanded')) === 'true') await layout.collectionsToggle.click();
    await expect(layout.splitHandle).toHaveAttribute('aria-orientation', 'vertical');
    await layout.splitHandle.focus();
    await page.keyboard.press('End');
    await expect.poll(() => width(builder.response)).toBeLessThan(520);

    // measured once the pane has settled at its new width
    const data = row.getByTestId('sse-data');
    await expect.poll(async () => (await width(data)) / (await width(row))).toBeGreaterThan(0.5);
    await expect(row.getByTestId('sse-retry')).toHaveCount(0);
    await expect(head).not.toContainText('retry');
    expect(await clipped(head.locator('span'))).toEqual([]);
    // what is shown of the data starts with the data, not "{…"
    expect(await data.evaluate((cell) => cell.clientWidth)).toBeGreaterThan(
      await data.evaluate((cell) => {
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font:inherit';
        probe.textContent = '{"n":0,"message":"event';
        cell.appendChild(probe);
        const w = probe.getBoundingClientRect().width;
        probe.remove();
        return w;
      }),
    );
    expect(consoleErrors).toEqual([]);
  });

  test('a retry column appears when an event sets one, with its header whole', async ({ page }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${server.url}/events?count=5&retry=3000`);
    await builder.send();
    await expect(builder.response.getByRole('tab', { name: 'Response events' })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
    const row = builder.response.getByRole('listbox', { name: 'Events' }).getByRole('option').first();
    await expect(row.getByTestId('sse-retry')).toHaveText('3000');
    const head = builder.response.getByTestId('sse-head');
    await expect(head).toContainText('retry');
    expect(await clipped(head.locator('span'))).toEqual([]);
    expect(await width(row.getByTestId('sse-data'))).toBeGreaterThan((await width(row)) * 0.4);
  });
});
