import { CollectionsPage } from './pages/collections-page';
import { EnvironmentsPage } from './pages/environments-page';
import { HistoryPanelPage } from './pages/history-panel-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { TestsTabPage } from './pages/tests-tab-page';
import { test, expect } from './fixtures';
import { settingsValue } from './support/session-file';

/**
 * Tests on a request as a tester uses them: assertions and a capture written in the Tests tab, sent to a real server, pass and
 * fail shown with actual values; the captured token used by the next request as {{token}}; after a reload the
 * request's rows are still there and the history entry still shows its results.
 */
test.describe('tests on a request, without code', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('with no environment active a new capture sets a workspace variable, and the next request reads it', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const tests = new TestsTabPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo?id=41`);
    await tests.open();
    const n = await tests.addCapture('JSONPath', '$.query.id', 'lastId');
    await expect(tests.request.getByRole('combobox', { name: `Capture ${n} scope` })).toHaveValue('collection');
    await builder.send();
    await builder.expectStatus('200 OK');
    await tests.resultsTab('0/0').click();
    await expect(tests.captures().getByRole('row').nth(1)).toContainText(/Set\s*\{\{lastId\}\}\s*41/);
  });

  test('assertions pass and fail with actual values, a capture feeds {{token}} to the next request, results kept in history', async ({
    page,
    courier,
    fixtureServer,
  }) => {
    // a whole session (environment, two sends, a reload, history) on a shared 2-core CI machine
    test.slow();
    const builder = new RequestBuilderPage(page);
    const tests = new TestsTabPage(page);
    const environments = new EnvironmentsPage(page);
    const history = new HistoryPanelPage(page);

    // captures go to the active environment by default
    await environments.openEditor();
    await environments.addEnvironment('e2e');
    await environments.environmentAction('Make active').click();
    await environments.closeEditor();
    await environments.expectActive('e2e');

    // "login": the echo server returns what it got, so the token comes back in the JSON body
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.addHeader('X-Token', 'tok-e2e-42');
    await tests.open();
    await tests.addAssertion('Status', 'equals', '200');
    await tests.addAssertion('JSONPath', 'equals', 'PUT', '$.method');
    await tests.addAssertion('Response time (ms)', '<', '30000');
    await tests.addCapture('JSONPath', "$.headers['x-token']", 'token');
    await expect(tests.request.getByRole('tab', { name: 'Tests', exact: true })).toContainText('4');
    await builder.send();
    await builder.expectStatus('200 OK');

    await expect(tests.resultsTab('2/3')).toBeVisible();
    await tests.resultsTab('2/3').click();
    const results = tests.results();
    await expect(results.getByRole('row')).toHaveCount(4);
    await expect(results.getByRole('row').nth(1)).toContainText(/Pass\s*status equals 200\s*200/);
    await expect(results.getByRole('row').nth(2)).toContainText('Fail');
    await expect(results.getByRole('row').nth(2)).toContainText('GET');
    await expect(results.getByRole('row').nth(2)).toContainText('expected PUT, got GET');
    await expect(tests.captures().getByRole('row').nth(1)).toContainText(/Set\s*\{\{token\}\}\s*tok-e2e-42/);

    // the next request uses the captured value
    await builder.url.fill(`${fixtureServer.url}/echo?t={{token}}`);
    await builder.request.getByRole('button', { name: 'Remove capture 1' }).click();
    await tests.addAssertion('JSONPath', 'equals', 'tok-e2e-42', '$.query.t');
    await builder.send();
    await expect(tests.resultsTab('3/4')).toBeVisible();
    await tests.resultsTab('3/4').click();
    await expect(tests.results().getByRole('row').nth(4)).toContainText(/Pass.*\$\.query\.t equals tok-e2e-42\s*tok-e2e-42/);

    // saved to a collection, reloaded, closed and reopened from the file: the rows come back from the request file
    const collections = new CollectionsPage(page);
    await collections.saveAsNew('Check token', 'E2E');
    // the open tabs are written 400 ms after the last change: reload only once the saved tab is named and written
    await expect(collections.tab(/Check token/)).toBeVisible();
    await expect
      .poll(async () =>
        ((await settingsValue(courier.dataDir, 'workspace.session')) as { tabs?: { name: string; path: string | null }[] } | undefined)?.tabs?.some(
          (tab) => tab.name === 'Check token' && tab.path !== null,
        ),
      )
      .toBe(true);
    await page.reload();
    await collections.tabAction(/Check token/, 'Close');
    await collections.item('Check token').click();
    // the request opens from its file: its tab chosen and its URL shown before its sections are used (a Tests click
    // that came before the file's tab had opened was undone by it, once in CI)
    await expect(collections.tab(/Check token/)).toHaveAttribute('aria-selected', 'true');
    await expect(builder.url).toHaveValue(/\/echo\?t=\{\{token\}\}$/);
    await tests.open();
    await expect(tests.request.getByRole('textbox', { name: 'Assertion 4 JSONPath' })).toHaveValue('$.query.t');
    await expect(tests.request.getByRole('combobox', { name: 'Assertion 3 operator' })).toHaveValue('lessThan');
    // and the history entry still shows its results
    await history.open();
    await expect(history.row(/\/echo\?t=tok-e2e-42, 200 OK, .*, Tests 3\/4$/)).toBeVisible();
    await history.openEntry(/\/echo\?t=tok-e2e-42/);
    await tests.resultsTab('3/4').click();
    await expect(tests.results().getByRole('row').nth(2)).toContainText('expected PUT, got GET');
  });

  test('the Tests tab is usable by keyboard alone', async ({ page }) => {
    const tests = new TestsTabPage(page);
    await tests.open();
    const add = tests.request.getByRole('button', { name: 'Add assertion' });
    await add.focus();
    await page.keyboard.press('Enter');
    const target = tests.request.getByRole('combobox', { name: 'Assertion 1 target' });
    await expect(target).toBeVisible();
    await target.focus();
    await page.keyboard.press('Tab');
    await expect(tests.request.getByRole('combobox', { name: 'Assertion 1 operator' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(tests.request.getByLabel('Assertion 1 expected', { exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(tests.request.getByRole('button', { name: 'Remove assertion 1' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(target).toHaveCount(0);
  });
});
