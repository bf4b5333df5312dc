import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { CollectionsPage } from './pages/collections-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { startCourierWeb } from './support/courier-web';

test.describe('collections', () => {
  test('send, save to a collection, see the file on disk, edit it outside Courier, see the change', async ({ page, courier, fixtureServer, consoleErrors }) => {
    const builder = new RequestBuilderPage(page);
    const collections = new CollectionsPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo?color=blue`);
    await builder.send();
    await expect(page.getByTestId('response-status')).toHaveText('200 OK');
    await expect(collections.tab(/Untitled request \(unsaved\)/)).toBeVisible();

    await collections.saveAsNew('Echo blue', 'Team API');
    await expect(collections.item('Team API')).toBeVisible();
    await expect(collections.item('Echo blue')).toHaveAttribute('aria-selected', 'true');
    await expect(collections.tab('Echo blue')).toBeVisible();

    const file = path.join(courier.dataDir, 'workspace', 'team-api', 'echo-blue.request.json');
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ name: 'Echo blue', method: 'GET', url: `${fixtureServer.url}/echo?color=blue` });
    await page.screenshot({ path: path.join(tmpdir(), 'courier-collections-saved.png') });

    // As a git pull would: the file changes under Courier, which notices and shows the new content.
    await writeFile(file, text.replace('color=blue', 'color=green').replace('"Echo blue"', '"Echo green"'));
    await expect(collections.item('Echo green')).toBeVisible();
    await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?color=green`);
    await expect(collections.tab('Echo green')).toBeVisible();

    // A file that does not parse is listed with its error, and Courier leaves it alone.
    await writeFile(path.join(courier.dataDir, 'workspace', 'team-api', 'broken.request.json'), '{ <<<<<<< HEAD');
    await expect(collections.item('broken (cannot be read)')).toBeVisible();
    await page.screenshot({ path: path.join(tmpdir(), 'courier-collections-external.png') });
    expect(consoleErrors).toEqual([]);
  });

  test('open tabs and unsaved drafts come back after a restart; closing an unsaved tab asks', async ({ browser, fixtureServer }) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-tabs-'));
    try {
      let courier = await startCourierWeb({ dataDir });
      let page = await browser.newPage();
      await page.goto(courier.url);
      let builder = new RequestBuilderPage(page);
      let collections = new CollectionsPage(page);
      await builder.url.fill(`${fixtureServer.url}/echo?first=1`);
      await page.getByRole('button', { name: 'New request tab' }).click();
      await builder.url.fill(`${fixtureServer.url}/echo?second=2`);
      await expect(collections.tabs.getByRole('tab')).toHaveCount(2);
      // The session is written shortly after the last change.
      await page.waitForTimeout(1000);
      await page.close();
      await courier.stop();

      courier = await startCourierWeb({ dataDir });
      page = await browser.newPage();
      await page.goto(courier.url);
      builder = new RequestBuilderPage(page);
      collections = new CollectionsPage(page);
      await expect(collections.tabs.getByRole('tab')).toHaveCount(2);
      await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?second=2`);
      await collections.tabs.getByRole('tab').first().click();
      await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?first=1`);

      const first = collections.tabs.getByRole('tab', { selected: true });
      await expect(first).toHaveAccessibleName(/\(unsaved\)$/);
      await first.press('Delete');
      await expect(collections.unsavedDialog).toBeVisible();
      await page.screenshot({ path: path.join(tmpdir(), 'courier-collections-unsaved.png') });
      await collections.unsavedDialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(collections.tabs.getByRole('tab')).toHaveCount(2);
      await first.press('Delete');
      await collections.unsavedDialog.getByRole('button', { name: 'Don’t save' }).click();
      await expect(collections.tabs.getByRole('tab')).toHaveCount(1);
      await expect(builder.url).toHaveValue(`${fixtureServer.url}/echo?second=2`);
      await page.close();
      await courier.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
