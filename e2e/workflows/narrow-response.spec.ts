import { test, expect } from '../fixtures';
import { LayoutPage } from '../pages/layout-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { ResponseViewerPage } from '../pages/response-viewer-page';

/** A laptop window with the response beside the request, as narrow as the divider allows. */
test.describe('a narrow response pane at 1280×800', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const layout = new LayoutPage(page);
    if ((await layout.collectionsToggle.getAttribute('aria-expanded')) === 'true') await layout.collectionsToggle.click();
    await expect(layout.splitHandle).toHaveAttribute('aria-orientation', 'vertical');
    await layout.splitHandle.focus();
    await page.keyboard.press('End');
    expect(await layout.width(page.getByRole('region', { name: 'Response', exact: true }))).toBeLessThan(560);
  });

  test('the summary wraps whole facts, and the sent request line wraps inside the pane', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    // no hyphen or space to wrap at, as in a long token or a percent-encoded value
    const longQuery = `emoji=${'%E2%98%83'.repeat(20)}&token=${'a1B2'.repeat(40)}`;
    await builder.url.fill(`${fixtureServer.url}/gzip?${longQuery}`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    await expect(page.getByTestId('response-size')).toContainText('on the wire');

    // each fact (Time 19 ms, Size 52 B (40 B on the wire), Protocol) stays on one line: never "19 / ms"
    const facts = page.getByRole('group', { name: 'Response summary' }).locator('dl > div');
    await expect(facts).toHaveCount(3);
    for (const fact of await facts.all()) {
      const lines = await fact.evaluate((el) => {
        const value = el.querySelector('dd')!;
        return Math.round(value.getBoundingClientRect().height / parseFloat(getComputedStyle(value).fontSize) / 1.2);
      });
      expect(lines, await fact.innerText()).toBe(1);
    }

    await viewer.openTab('Sent request');
    const line = viewer.region.getByText(`GET ${fixtureServer.url}/gzip?`, { exact: false });
    await expect(line).toBeVisible();
    const fits = await line.evaluate((el) => {
      const pane = el.closest('[role="tabpanel"]') ?? el.parentElement!;
      return { right: el.getBoundingClientRect().right, paneRight: pane.getBoundingClientRect().right, scroll: pane.scrollWidth, client: pane.clientWidth };
    });
    expect(fits.right).toBeLessThanOrEqual(fits.paneRight + 1);
    expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  });
});
