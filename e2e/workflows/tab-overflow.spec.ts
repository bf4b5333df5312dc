import { test, expect } from '../fixtures';
import { RequestBuilderPage } from '../pages/request-builder-page';

test('with more tabs than fit, the strip starts at a whole tab and says how many are hidden to the left', async ({ page, fixtureServer }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const builder = new RequestBuilderPage(page);
  const strip = page.getByRole('tablist', { name: 'Open requests' });
  for (let i = 0; i < 9; i += 1) {
    if (i > 0) await page.keyboard.press('Alt+T');
    await builder.url.fill(`${fixtureServer.url}/echo/tab-number-${i}?x=1`);
  }
  await expect(strip.getByRole('tab')).toHaveCount(9);
  const more = page.getByRole('button', { name: /tabs? hidden to the left/ });
  await expect(more).toBeVisible();

  // every tab on screen is whole: none starts left of the strip's edge while ending right of it
  const cut = await strip.evaluate((list) => {
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('[role="tab"]')]
      .map((tab) => tab.parentElement!.getBoundingClientRect())
      .filter((rect) => rect.left < box.left - 0.5 && rect.right > box.left + 0.5).length;
  });
  expect(cut).toBe(0);
  // the active tab is in view, whole
  const active = strip.getByRole('tab', { selected: true });
  await expect(active).toBeInViewport({ ratio: 1 });

  // the count shows the previous hidden tab
  const before = Number((await more.textContent())?.replace(/\D/g, ''));
  await more.click();
  await expect.poll(async () => Number((await more.textContent())?.replace(/\D/g, '')) || 0).toBeLessThan(before);
});
