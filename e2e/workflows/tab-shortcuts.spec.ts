import { expect, test } from '../fixtures';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { RequestTabsPage } from '../pages/request-tabs-page';
import { GraphqlPage } from '../pages/graphql-page';
import { WebSocketPage } from '../pages/websocket-page';
import { CollectionsPage } from '../pages/collections-page';

/**
 * Request tabs from the keyboard alone, in web mode, where the browser keeps Ctrl+T / Ctrl+W / Ctrl+PageDown for
 * its own tabs: Alt+T opens, Ctrl+Alt+PageDown / PageUp switch, Alt+W closes (asking first for unsaved work).
 */
test.describe('tab shortcuts', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test("Alt+T from a collection tree item puts the focus in the new tab's URL field", async ({ page, fixtureServer }) => {
    const tabs = new RequestTabsPage(page);
    const builder = new RequestBuilderPage(page);
    const collections = new CollectionsPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo/saved`);
    await collections.saveAsNew('Saved', 'Demo');
    const item = collections.item(/Saved/);
    await item.click();
    await expect(item).toBeFocused();
    const before = await tabs.list.getByRole('tab').count();

    await page.keyboard.press('Alt+t');
    await expect(tabs.list.getByRole('tab')).toHaveCount(before + 1);
    await expect(builder.url).toBeFocused();
    await page.keyboard.type(`${fixtureServer.url}/echo/typed`);
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo/typed`);
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

  test('the same keys open, switch and close WebSocket connection tabs, and leave the HTTP tabs alone', async ({ page, fixtureServer }) => {
    const http = new RequestTabsPage(page);
    const ws = new WebSocketPage(page);
    // an edited HTTP tab (an untouched blank one would be replaced by the next new tab)
    await new RequestBuilderPage(page).url.fill(`${fixtureServer.url}/echo/http`);
    await ws.open();
    const list = ws.workspace.getByRole('tablist', { name: 'WebSocket connections' });
    await expect(list.getByRole('tab')).toHaveCount(1);
    await ws.url().fill('ws://127.0.0.1:9/first');

    await ws.url().press('Alt+t');
    await expect(list.getByRole('tab')).toHaveCount(2);
    await expect(list.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
    await ws.url().fill('ws://127.0.0.1:9/second');
    await ws.url().press('Control+Alt+PageUp');
    await expect(list.getByRole('tab').nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(ws.url()).toHaveValue('ws://127.0.0.1:9/first');
    await ws.url().press('Control+Alt+PageDown');
    await expect(list.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(ws.url()).toHaveValue('ws://127.0.0.1:9/second');
    // wraps round
    await ws.url().press('Control+Alt+PageDown');
    await expect(list.getByRole('tab').nth(0)).toHaveAttribute('aria-selected', 'true');

    await ws.url().press('Alt+w');
    await expect(list.getByRole('tab')).toHaveCount(1);
    await expect(ws.url()).toHaveValue('ws://127.0.0.1:9/second');
    // the HTTP tabs, hidden meanwhile, were not touched
    await page.getByRole('radiogroup', { name: 'Request kind' }).getByText('HTTP', { exact: true }).click();
    await expect(http.list.getByRole('tab')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'New request tab' })).toBeVisible();
    await page.keyboard.press('Alt+t');
    await expect(http.list.getByRole('tab')).toHaveCount(2);
    await ws.open();
    await expect(list.getByRole('tab')).toHaveCount(1);
    await expect(ws.workspace.getByRole('button', { name: '+ New connection' })).toHaveAttribute('title', 'New connection (Alt+T)');
  });

  test('the keys work from inside the GraphQL query editor of a GraphQL tab', async ({ page, fixtureServer }) => {
    const tabs = new RequestTabsPage(page);
    const graphql = new GraphqlPage(page);
    await graphql.open(`${fixtureServer.url}/graphql`);
    await graphql.setText(graphql.query, '{ viewer { id } }');
    await expect(graphql.query).toBeFocused();

    await page.keyboard.press('Alt+t');
    await expect(tabs.list.getByRole('tab')).toHaveCount(2);
    await expect(tabs.tab(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Control+Alt+PageUp');
    await expect(tabs.tab(0)).toHaveAttribute('aria-selected', 'true');
    await graphql.builder.openTab('Body');
    await graphql.query.focus();
    await page.keyboard.press('Control+Alt+PageDown');
    await expect(tabs.tab(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Control+Alt+PageDown');
    await expect(tabs.tab(0)).toHaveAttribute('aria-selected', 'true');
    await graphql.builder.openTab('Body');
    await graphql.query.focus();
    await page.keyboard.press('Alt+w');
    const ask = page.getByRole('alertdialog', { name: 'Save changes?' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Don’t save' }).click();
    await expect(tabs.list.getByRole('tab')).toHaveCount(1);
    await expect(graphql.query).not.toBeAttached();
  });
});
