import { test, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { HistoryPanelPage } from '../pages/history-panel-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { ResponseViewerPage } from '../pages/response-viewer-page';

/**
 * A new user's finding: the unsaved dot showed on a tab just restored from history, and stayed after a setting was
 * switched off and on again. It marks a real difference from the saved version.
 */
test('the unsaved mark shows a real difference: not on a request restored from history, gone when a setting is put back', async ({
  page,
  fixtureServer,
  consoleErrors,
}) => {
  const builder = new RequestBuilderPage(page);
  const collections = new CollectionsPage(page);
  const history = new HistoryPanelPage(page);
  const activeTab = collections.tabs.getByRole('tab', { selected: true });

  await test.step('a saved request: a setting switched off marks it, switched on again clears the mark', async () => {
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await collections.saveAsNew('Echo', 'Demo');
    await expect(activeTab).toHaveAccessibleName('Echo');
    await builder.openTab('Settings');
    const follow = builder.request.getByRole('checkbox', { name: 'Follow redirects' });
    await follow.uncheck();
    await expect(activeTab).toHaveAccessibleName('Echo (unsaved)');
    await follow.check();
    await expect(activeTab).toHaveAccessibleName('Echo');
  });

  await test.step('a request restored from history opens clean, and an edit marks it', async () => {
    await builder.send();
    await expect(new ResponseViewerPage(page).status).toHaveText('200 OK');
    await history.open();
    await history.openEntry(/^GET .*\/echo/);
    await history.entryAction('Restore to builder').click();
    await expect(collections.tabs.getByRole('tab')).toHaveCount(2);
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo`);
    await expect(activeTab).not.toHaveAccessibleName(/\(unsaved\)$/);
    await builder.url.fill(`${fixtureServer.url}/echo?again=1`);
    await expect(activeTab).toHaveAccessibleName(/\(unsaved\)$/);
  });
  expect(consoleErrors).toEqual([]);
});
