import { expect, test } from '../fixtures';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { RequestTabsPage } from '../pages/request-tabs-page';

/**
 * Request tabs from the keyboard alone, in web mode, where the browser keeps Ctrl+T / Ctrl+W / Ctrl+PageDown for
 * its own tabs: Alt+T opens, Ctrl+Alt+PageDown / PageUp switch, Alt+W closes (asking first for unsaved work).
 */
test.describe('tab shortcuts', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('opens, switches and closes request tabs with the keyboard only, from the URL field and from the body editor', async ({ page, fixtureServer }) => {
    const tabs = new RequestTabsPage(page);
    const builder = new RequestBuilderPage(page);
    const count = () => tabs.list.getByRole('tab').count();
    await expect(tabs.list.getByRole('tab')).toHaveCount(1);

    await builder.url.focus();
    await page.keyboard.type(`${fixtureServer.url}/echo/one`);
    await page.keyboard.press('Alt+t');
    await expect(tabs.list.getByRole('tab')).toHaveCount(2);
    await expect(tabs.tab(1)).toHaveAttribute('aria-selected', 'true');
    // Alt+T typed nothing into the field it was pressed in
    await tabs.select(0);
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo/one`);
    await page.keyboard.press('Control+Alt+PageDown');
    await expect(tabs.tab(1)).toHaveAttribute('aria-selected', 'true');

    await builder.url.focus();
    await page.keyboard.type(`${fixtureServer.url}/echo/two`);
    // from inside Monaco (the JSON body editor) too
    await builder.setJsonBody('{"n": 2}');
    await page.keyboard.press('Control+Alt+PageUp');
    await expect(tabs.tab(0)).toHaveAttribute('aria-selected', 'true');
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo/one`);
    // wraps round
    await page.keyboard.press('Control+Alt+PageUp');
    await expect(tabs.tab(1)).toHaveAttribute('aria-selected', 'true');
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo/two`);

    // the edited tab asks before it closes; Escape keeps it
    await page.keyboard.press('Alt+w');
    const ask = page.getByRole('alertdialog', { name: 'Save changes?' });
    await expect(ask).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(ask).toBeHidden();
    expect(await count()).toBe(2);
    await page.keyboard.press('Alt+w');
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Don’t save' }).press('Enter');
    await expect(tabs.list.getByRole('tab')).toHaveCount(1);
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo/one`);

    // the keys are written where people look for them
    await expect(page.getByRole('button', { name: 'New request tab' })).toHaveAttribute('title', 'New request (Alt+T)');
    await expect(tabs.tab(0)).toHaveAttribute('title', /Ctrl\+Alt\+PageDown \/ Ctrl\+Alt\+PageUp: next \/ previous tab · Alt\+W: close/);
  });
});
