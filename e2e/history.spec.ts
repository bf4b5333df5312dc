import { test, expect } from './fixtures';
import { HistoryPanelPage } from './pages/history-panel-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { ResponseViewerPage } from './pages/response-viewer-page';

async function sendGet(builder: RequestBuilderPage, url: string, status: string | RegExp): Promise<void> {
  await builder.url.fill(url);
  await builder.send();
  await expect(builder.page.getByTestId('response-status')).toHaveText(status);
}

test.describe('history', () => {
  test('at 1280×800 beside the sidebar, every filter field fits the panel', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const history = new HistoryPanelPage(page);
    await history.open();
    await history.filtersButton.click();
    const panel = (await history.panel.boundingBox())!;
    for (const label of ['Host', 'From date', 'To date', 'Pinned only']) {
      const field = history.panel.getByLabel(label, { exact: true });
      await expect(field).toBeVisible();
      const box = (await field.boundingBox())!;
      expect(box.x, label).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width, `${label} ends inside the panel`).toBeLessThanOrEqual(panel.x + panel.width);
    }
    // wide enough to read a date whole ("mm/dd/yyyy" and the calendar button)
    expect((await history.panel.getByLabel('From date', { exact: true }).boundingBox())!.width).toBeGreaterThanOrEqual(130);
    await page.screenshot({ path: test.info().outputPath('history-filters-1280.png') });
  });

  test('three requests appear; search finds one by its body; restore, re-send and compare', async ({ page, fixtureServer, consoleErrors }) => {
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    const history = new HistoryPanelPage(page);
    const word = `zanzibar${Date.now().toString(36)}`;

    await sendGet(builder, `${fixtureServer.url}/echo?color=blue`, '200 OK');
    await sendGet(builder, `${fixtureServer.url}/status/404`, /^404/);
    await builder.method.selectOption('POST');
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.setJsonBody(`{"note": "${word}"}`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');

    await history.open();
    await history.expectRowCount(3);
    await expect(history.row(/^GET .*\/status\/404, 404/)).toBeVisible();
    await expect(history.usage).toContainText('3 entries');

    // Full-text search reaches bodies: the word was only ever in the POST body and its echo.
    await history.searchFor(word);
    await history.expectRowCount(1);
    await expect(history.row(/^POST .*\/echo/)).toBeVisible();

    // Opening it shows the stored response, read-only, in the viewer.
    await history.openEntry(/^POST .*\/echo/);
    await expect(viewer.status).toHaveText('200 OK');
    await expect.poll(async () => (await viewer.editorLines()).join('\n')).toContain(word);

    // Restore to builder: a fresh builder with the same request (method, URL, JSON body).
    await builder.method.selectOption('GET');
    await builder.url.fill('http://example.invalid/');
    await history.entryAction('Restore to builder').click();
    await expect(builder.method).toHaveValue('POST');
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo`);
    await builder.openTab('Body');
    await expect(page.getByRole('radio', { name: 'JSON', exact: true })).toBeChecked();
    await expect(builder.request.locator('.view-lines')).toContainText(word);

    // Re-send: a fourth entry, pushed to the list by the store's event.
    await history.search.fill('');
    await history.expectRowCount(3);
    // Re-send runs in a tab of its own: the tab the entry was viewed over (the restored one, never sent) keeps its
    // own response (the restored entry's, issue #20) instead of silently showing another request's answer.
    const openTabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
    const tabsBefore = await openTabs.count();
    await history.openEntry(/^POST .*\/echo/);
    await history.entryAction('Re-send').click();
    await expect(history.entryBar).toBeHidden();
    await expect(viewer.status).toHaveText('200 OK');
    await expect(openTabs).toHaveCount(tabsBefore + 1);
    await openTabs.nth(tabsBefore - 1).click();
    await expect(page.getByRole('status').filter({ hasText: /^The response from .*, kept in history\./ })).toBeVisible();
    await openTabs.nth(tabsBefore).click();
    await expect(viewer.status).toHaveText('200 OK');
    await history.expectRowCount(4);
    await expect(history.row(/^POST .*\/echo/)).toHaveCount(2);

    // Compare the GET echo with a POST echo: status, headers and a structural JSON body diff.
    await history.selectBox(/^Select GET .*\/echo\?color=blue/).check();
    await history
      .selectBox(/^Select POST .*\/echo/)
      .first()
      .check();
    await history.button('Compare').click();
    await expect(history.compare).toBeVisible();
    await expect(history.compare.getByRole('region', { name: 'Status' })).toContainText('same');
    const bodyDiff = history.compare.getByRole('table', { name: 'Body differences' });
    await expect(bodyDiff.getByRole('row', { name: /\$\.method/ })).toContainText('"POST"');
    await expect(bodyDiff.getByRole('rowheader', { name: /\$\.query\.color/ })).toContainText('removed');
    await expect(history.compare.getByRole('table', { name: 'Header differences' })).toBeVisible();
    await history.compare.getByRole('button', { name: 'Close comparison' }).click();

    // And a plain-text body against JSON: a different status, and Monaco's diff editor for the text.
    await history.button('Clear selection').click();
    await history.selectBox(/^Select GET .*\/status\/404/).check();
    await history.selectBox(/^Select GET .*\/echo\?color=blue/).check();
    await history.button('Compare').click();
    const status = history.compare.getByRole('region', { name: 'Status' });
    await expect(status).toContainText('different');
    await expect(status).toContainText('404');
    await expect(history.compare.getByRole('table', { name: 'Header differences' }).getByRole('rowheader', { name: /content-type/i })).toContainText('changed');
    await expect(page.getByTestId('diff-editor')).toBeVisible();
    await expect(page.getByTestId('diff-editor')).toContainText('status 404');

    expect(consoleErrors).toEqual([]);
  });

  test('filters by status class, pins, and deletes only after confirmation', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const history = new HistoryPanelPage(page);
    await sendGet(builder, `${fixtureServer.url}/status/500`, /^500/);
    await sendGet(builder, `${fixtureServer.url}/status/404`, /^404/);
    await sendGet(builder, `${fixtureServer.url}/echo?n=1`, '200 OK');
    await sendGet(builder, `${fixtureServer.url}/echo?n=2`, '200 OK');

    await history.open();
    await history.expectRowCount(4);

    await history.showFilters();
    await history.filterCheckbox('4xx').check();
    await history.expectRowCount(1);
    await expect(history.row(/\/status\/404, 404/)).toBeVisible();
    await expect(history.panel.getByRole('button', { name: 'Remove filter 4xx' })).toBeVisible();
    await history.clearFiltersButton.click();
    await history.expectRowCount(4);

    // Pin: the entry says so, the row carries the marker, and "Pinned only" finds it.
    await history.openEntry(/\/status\/500/);
    await history.entryAction('Pin').click();
    await expect(history.entryAction('Pinned')).toHaveAttribute('aria-pressed', 'true');
    await expect(history.row(/\/status\/500, 500.*, pinned$/)).toBeVisible();
    await history.filterCheckbox('Pinned only').check();
    await history.expectRowCount(1);
    await history.clearFiltersButton.click();
    await history.expectRowCount(4);

    // Delete one: Cancel keeps it, confirming removes it.
    await history.openEntry(/\/echo\?n=1/);
    await history.entryAction('Delete').click();
    await expect(history.dialog).toContainText('Delete this entry?');
    await history.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(history.dialog).toBeHidden();
    await history.expectRowCount(4);
    await history.entryAction('Delete').click();
    await history.dialog.getByRole('button', { name: 'Delete entry' }).click();
    await history.expectRowCount(3);
    await expect(history.row(/\/echo\?n=1/)).toHaveCount(0);
    // the button that asked went with the entry: the focus goes to the panel's search, not to the page
    await expect(history.search).toBeFocused();

    // Delete everything a filter matches.
    await history.filterCheckbox('5xx').check();
    await history.expectRowCount(1);
    await history.button('Delete matching').click();
    await expect(history.dialog).toContainText('Delete 1 entry?');
    await history.dialog.getByRole('button', { name: 'Delete 1 entry' }).click();
    await history.expectRowCount(0);
    await history.clearFiltersButton.click();
    await history.expectRowCount(2);

    // Clear all names how many will go.
    await history.button('Clear all').click();
    await expect(history.dialog).toContainText('This deletes all 2 entries');
    await history.dialog.getByRole('button', { name: 'Delete all 2 entries' }).click();
    await history.expectRowCount(0);
    await expect(history.usage).toContainText('0 entries');
    // "Clear all" is disabled now, so the focus could not go back to it
    await expect(history.search).toBeFocused();
  });

  test('exports HAR 1.2, imports it back, and names what is wrong with a malformed file', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const history = new HistoryPanelPage(page);
    await sendGet(builder, `${fixtureServer.url}/echo?har=1`, '200 OK');
    await sendGet(builder, `${fixtureServer.url}/status/404`, /^404/);
    await history.open();
    await history.expectRowCount(2);

    const all = await history.exportWith(history.button('Export all'));
    expect(all.download.suggestedFilename()).toMatch(/^courier-history-.*\.har$/);
    expect(all.har.log.version).toBe('1.2');
    expect(all.har.log.entries.map((e) => `${e.request.method} ${e.request.url} ${e.response.status}`).sort()).toEqual([
      `GET ${fixtureServer.url}/echo?har=1 200`,
      `GET ${fixtureServer.url}/status/404 404`,
    ]);

    await history.selectBox(/^Select GET .*\/status\/404/).check();
    const selected = await history.exportWith(history.button('Export selected'));
    expect(selected.har.log.entries).toHaveLength(1);
    expect(selected.har.log.entries[0]!.response.status).toBe(404);

    // Import what was exported into the history it came from: nothing is added twice, and the notice says why.
    await history.importFile('export.har', JSON.stringify(all.har));
    await expect(
      history.panel.getByRole('status').filter({ hasText: 'Nothing imported from “export.har”: all 2 entries were already in history.' }),
    ).toBeVisible();
    await history.expectRowCount(2);
    // Into an empty history: both come back.
    await history.button('Clear all').click();
    await history.dialog.getByRole('button', { name: 'Delete all 2 entries' }).click();
    await history.expectRowCount(0);
    await history.importFile('export.har', JSON.stringify(all.har));
    await expect(history.panel.getByRole('status').filter({ hasText: 'Imported 2 entries' })).toBeVisible();
    await history.expectRowCount(2);

    // A malformed file: a plain message naming the file and the problem, and nothing imported.
    await history.importFile('broken.har', JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: 'nope' } }));
    const alert = history.panel.getByRole('alert');
    await expect(alert).toContainText('“broken.har” was not imported');
    await expect(alert).toContainText(/entries/i);
    await history.importFile('not-json.har', 'this is not JSON');
    await expect(alert).toContainText('“not-json.har” was not imported');
    await history.expectRowCount(2);
  });
});

test.describe('history of a redirected request', () => {
  test('the row names the URL sent, says where it ended, and is found by what was sent', async ({ page, fixtureServer, consoleErrors }) => {
    const builder = new RequestBuilderPage(page);
    const history = new HistoryPanelPage(page);
    await sendGet(builder, `${fixtureServer.url}/redirect?n=2&sent=abc`, '200 OK');
    await sendGet(builder, `${fixtureServer.url}/echo`, '200 OK');
    await history.open();
    await history.expectRowCount(2);
    const redirected = history.row(/^GET .*\/redirect\?n=2&sent=abc, redirected to .*\/echo \(2 redirects\), 200 OK/);
    await expect(redirected).toBeVisible();
    await expect(redirected.getByTestId('history-redirect')).toHaveText('→ /echo');
    await expect(history.row(/^GET .*\/echo, 200 OK/)).toBeVisible();
    await history.searchFor('sent=abc');
    await history.expectRowCount(1);
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('history start-up', () => {
  test('a damaged history database is kept aside and the user is told, in a banner they can dismiss', async ({ browser }) => {
    const { mkdtemp, mkdir, writeFile, readdir, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { startCourierWeb } = await import('./support/courier-web');
    const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-corrupt-'));
    await mkdir(path.join(dataDir, 'history'), { recursive: true });
    await writeFile(path.join(dataDir, 'history', 'history.db'), 'this is not a SQLite database '.repeat(200));
    const courier = await startCourierWeb({ dataDir });
    try {
      const page = await browser.newPage();
      await page.goto(courier.url);
      const notice = page.getByRole('alert').filter({ hasText: /damaged|corrupt|kept aside|new one/i });
      await expect(notice).toBeVisible();
      await page.getByRole('button', { name: 'Dismiss notice' }).click();
      await expect(notice).toBeHidden();
      // The history still works: a fresh, empty one.
      const history = new HistoryPanelPage(page);
      await history.open();
      await history.expectRowCount(0);
      expect((await readdir(path.join(dataDir, 'history'))).some((name) => name.includes('corrupt'))).toBe(true);
      await page.close();
    } finally {
      await courier.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

test.describe('history search counts', () => {
  test('a search matching many entries says "500+ matches" and grows as the list is scrolled, down to the last match', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const history = new HistoryPanelPage(page);
    await sendGet(builder, `${fixtureServer.url}/echo?seed=1`, '200 OK');
    await history.open();
    await history.expectRowCount(1);
    const { har } = await history.exportWith(history.button('Export all'));
    // 720 copies with distinct URLs and times, oldest first: more than the first count (500) reaches.
    const template = har.log.entries[0] as unknown as Record<string, unknown> & { request: Record<string, unknown> };
    const start = Date.UTC(2026, 0, 1);
    const entries = Array.from({ length: 720 }, (_, i) => ({
      ...template,
      startedDateTime: new Date(start + i * 60_000).toISOString(),
      request: { ...template.request, url: `${fixtureServer.url}/needle/item-${i}` },
    }));
    await history.importFile('many.har', JSON.stringify({ log: { ...har.log, entries } }));
    await expect(history.panel.getByRole('status').filter({ hasText: 'Imported 720 entries' })).toBeVisible();

    await history.searchFor('needle');
    const count = history.panel.getByTestId('history-count');
    await expect(count).toHaveText('500+ matches');
    // Scrolling to the end asks for pages further on, whose answers count further, until the count is exact.
    await expect(async () => {
      await history.list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect(count).toHaveText('720 entries match', { timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(async () => {
      await history.list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect(history.row(/\/needle\/item-0,/)).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
  });
});
