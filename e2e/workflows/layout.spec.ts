import { test, expect } from '../fixtures';
import { LayoutPage } from '../pages/layout-page';
import { RequestBuilderPage } from '../pages/request-builder-page';

/**
 * Issue 10, a laptop-sized window: the URL field keeps room to type in every arrangement, the panels give way
 * first, and every divider can be moved by mouse and keyboard and is remembered.
 */
test.describe('layout on a laptop', () => {
  for (const { width, height, minUrl } of [
    { width: 1440, height: 900, minUrl: 480 },
    { width: 1280, height: 800, minUrl: 480 },
  ]) {
    test(`URL field keeps its room at ${width}×${height} with both panels open and a custom method`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const layout = new LayoutPage(page);
      const builder = new RequestBuilderPage(page);
      await expect(layout.url).toBeVisible();

      await layout.open(layout.collectionsToggle);
      expect(await layout.width(layout.url)).toBeGreaterThanOrEqual(minUrl);

      await builder.method.selectOption({ label: 'Custom…' });
      await builder.customMethod.fill('PROPFIND');
      expect(await layout.width(layout.url)).toBeGreaterThanOrEqual(minUrl);

      await layout.open(layout.historyToggle);
      await expect(page.getByRole('complementary', { name: 'History' })).toBeVisible();
      expect(await layout.width(layout.url)).toBeGreaterThanOrEqual(minUrl);

      // even when the user widened both panels as far as they go, the panels give way and not the URL
      await layout.collectionsHandle.focus();
      await page.keyboard.press('End');
      await layout.historyHandle.focus();
      await page.keyboard.press('End');
      expect(await layout.width(layout.url)).toBeGreaterThanOrEqual(minUrl);
    });
  }

  test('the sidebar resizes by keyboard and by mouse, and keeps its width after a reload', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const layout = new LayoutPage(page);
    await layout.open(layout.collectionsToggle);
    const panel = page.locator('#collections-panel');
    await expect(layout.collectionsHandle).toHaveAttribute('aria-valuenow', /\d+/);
    const start = await layout.valueNow(layout.collectionsHandle);

    await layout.collectionsHandle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(layout.collectionsHandle).toHaveAttribute('aria-valuenow', String(start + 32));
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(layout.collectionsHandle).toHaveAttribute('aria-valuenow', String(start - 32));

    const before = await layout.width(panel);
    await layout.drag(layout.collectionsHandle, 90);
    await expect.poll(() => layout.width(panel)).toBeGreaterThan(before + 60);
    const dragged = await layout.valueNow(layout.collectionsHandle);
    expect(dragged).toBeGreaterThan(start);

    await page.reload();
    await expect(layout.collectionsHandle).toHaveAttribute('aria-valuenow', String(dragged));
    expect(Math.abs((await layout.width(panel)) - dragged)).toBeLessThan(3);
  });

  test('the response goes below the request and back, the choice and the split remembered', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const layout = new LayoutPage(page);
    // no side panels: room for the response beside the request
    if ((await layout.collectionsToggle.getAttribute('aria-expanded')) === 'true') await layout.collectionsToggle.click();
    await expect(layout.responseBelow).toHaveAttribute('aria-pressed', 'false');
    expect(await layout.responseIsBelow()).toBe(false);
    await expect(layout.splitHandle).toHaveAttribute('aria-orientation', 'vertical');

    await layout.responseBelow.click();
    await expect(layout.responseBelow).toHaveAttribute('aria-pressed', 'true');
    await expect(layout.splitHandle).toHaveAttribute('aria-orientation', 'horizontal');
    expect(await layout.responseIsBelow()).toBe(true);

    const start = await layout.valueNow(layout.splitHandle);
    await layout.splitHandle.focus();
    await page.keyboard.press('ArrowDown');
    await expect(layout.splitHandle).toHaveAttribute('aria-valuenow', String(start + 2));

    await page.reload();
    await expect(layout.responseBelow).toHaveAttribute('aria-pressed', 'true');
    await expect(layout.splitHandle).toHaveAttribute('aria-valuenow', String(start + 2));
    expect(await layout.responseIsBelow()).toBe(true);

    await layout.responseBelow.click();
    await expect(layout.splitHandle).toHaveAttribute('aria-orientation', 'vertical');
    expect(await layout.responseIsBelow()).toBe(false);
  });
});
