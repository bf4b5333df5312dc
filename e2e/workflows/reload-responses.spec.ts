import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { HistoryPanelPage } from '../pages/history-panel-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { RequestTabsPage } from '../pages/request-tabs-page';
import { ResponseViewerPage } from '../pages/response-viewer-page';
import { settingsText, settingsValue } from '../support/session-file';

const EMPTY = 'Send a request to see its response here.';
const KEPT = /^The response from .*, kept in history\./;

/** The open tabs as the data folder's session holds them; [] before its first write. */
async function savedTabs(dataDir: string): Promise<{ request: { method: string }; responseEntryId?: number }[]> {
  const session = (await settingsValue(dataDir, 'workspace.session')) as { tabs?: { request: { method: string }; responseEntryId?: number }[] } | undefined;
  return session?.tabs ?? [];
}

/** Issues #14 and #20: responses come back after a reload (from history, by entry id) and with a restored entry. */
test.describe('responses across a reload', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('two tabs with two different responses each show their own again after a reload; none is written to the session', async ({
    page,
    courier,
    fixtureServer,
  }) => {
    const builder = new RequestBuilderPage(page);
    const tabs = new RequestTabsPage(page);
    const viewer = new ResponseViewerPage(page);
    const note = page.getByRole('status').filter({ hasText: KEPT });

    await builder.url.fill(`${fixtureServer.url}/echo?which=alpha-tab`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    await tabs.newTab();
    await builder.url.fill(`${fixtureServer.url}/echo?which=bravo-tab`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    await expect(note).toHaveCount(0);

    // The session names the entries, never the bodies.
    await expect
      .poll(async () =>
        ((await settingsValue(courier.dataDir, 'workspace.session')) as { tabs?: { responseEntryId?: number }[] } | undefined)?.tabs?.map(
          (t) => typeof t.responseEntryId,
        ),
      )
      .toEqual(['number', 'number']);
    expect(await settingsText(courier.dataDir)).not.toContain('"path":"/echo"');

    await page.reload();
    await expect(tabs.tab(1)).toHaveAttribute('aria-selected', 'true');
    await expect(viewer.status).toHaveText('200 OK');
    await expect(note).toBeVisible();
    await expect.poll(async () => (await viewer.editorLines()).join('\n')).toContain('bravo-tab');
    await tabs.select(0);
    await expect(viewer.status).toHaveText('200 OK');
    await expect(note).toBeVisible();
    await expect.poll(async () => (await viewer.editorLines()).join('\n')).toContain('alpha-tab');
    expect((await viewer.editorLines()).join('\n')).not.toContain('bravo-tab');

    // A new send replaces the kept response, and the note goes with it.
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    await expect(note).toHaveCount(0);
  });

  test('a tab whose history entry was deleted comes back with the normal empty state', async ({ page, courier, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    const history = new HistoryPanelPage(page);

    await builder.url.fill(`${fixtureServer.url}/echo?which=gone`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    await history.open();
    await history.openEntry(/^GET .*\/echo\?which=gone/);
    await history.entryAction('Delete').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete entry' }).click();
    await history.expectRowCount(0);
    // the saved session still names the deleted entry: that is what the reload must cope with
    await expect.poll(async () => (await savedTabs(courier.dataDir)).map((t) => typeof t.responseEntryId)).toEqual(['number']);

    await page.reload();
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?which=gone`);
    await expect(page.getByText(EMPTY)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('Restore to builder opens the entry with its response, and a reload keeps it', async ({ page, courier, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const tabs = new RequestTabsPage(page);
    const viewer = new ResponseViewerPage(page);
    const history = new HistoryPanelPage(page);
    const note = page.getByRole('status').filter({ hasText: KEPT });

    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/echo?which=restored`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    await tabs.newTab();
    await expect(page.getByText(EMPTY)).toBeVisible();

    await history.open();
    await history.openEntry(/^POST .*\/echo\?which=restored/);
    await history.entryAction('Restore to builder').click();
    await expect(history.entryBar).toBeHidden();
    await expect(builder.method).toHaveValue('POST');
    await expect(viewer.status).toHaveText('200 OK');
    await expect(note).toBeVisible();
    await expect.poll(async () => (await viewer.editorLines()).join('\n')).toContain('restored');

    // the session is saved shortly after a change: wait until it holds the restored tab with its entry
    await expect
      .poll(async () => (await savedTabs(courier.dataDir)).some((t) => t.request.method === 'POST' && typeof t.responseEntryId === 'number'))
      .toBe(true);
    await page.reload();
    await expect(builder.method).toHaveValue('POST');
    await expect(viewer.status).toHaveText('200 OK');
    await expect(note).toBeVisible();
  });

  test('a saved request opened again from the tree after its tab was closed shows its last response, kept in history', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    const collections = new CollectionsPage(page);
    const note = page.getByRole('status').filter({ hasText: KEPT });

    await builder.url.fill(`${fixtureServer.url}/echo?which=saved-request`);
    await collections.saveAsNew('Saved echo', 'Kept API');
    await expect(collections.tab('Saved echo')).toBeVisible();
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');
    await expect(note).toHaveCount(0);

    await collections.tabs.getByRole('tab', { name: 'Saved echo' }).hover();
    await collections.closeTab('Saved echo');
    await expect(collections.tab('Saved echo')).toHaveCount(0);
    await expect(page.getByText(EMPTY)).toBeVisible();

    await collections.item('Saved echo').click();
    await expect(collections.tab('Saved echo')).toBeVisible();
    await expect(viewer.status).toHaveText('200 OK');
    await expect(note).toBeVisible();
    await expect.poll(async () => (await viewer.editorLines()).join('\n')).toContain('saved-request');
  });
});
