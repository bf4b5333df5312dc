import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { CollectionsPage } from './pages/collections-page';

/**
 * Issue 12 §3 as a tester uses it: a folder run from the tree's menu, live results with a failing check, the
 * failures filter, a JUnit export, the kept run listed and compared with a second one; and the runner at laptop size.
 */
test.describe('collection runner', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  async function seed(dataDir: string, origin: string, extra: { name: string; url: string }[] = []) {
    const root = path.join(dataDir, 'workspace', 'shop');
    await mkdir(path.join(root, 'checks'), { recursive: true });
    await writeFile(path.join(root, 'checks', 'folder.json'), json({ name: 'Checks', order: ['ok.request.json', 'wrong.request.json', ...extra.map((_, i) => `extra-${i}.request.json`)] }));
    await writeFile(
      path.join(root, 'checks', 'ok.request.json'),
      json({ name: 'Echo ok', method: 'GET', url: '{{baseUrl}}/echo/ok', tests: { assertions: [{ target: 'status', operator: 'equals', expected: '200' }], captures: [] } }),
    );
    await writeFile(
      path.join(root, 'checks', 'wrong.request.json'),
      json({ name: 'Echo wrong', method: 'GET', url: '{{baseUrl}}/echo/wrong', tests: { assertions: [{ target: 'jsonPath', property: '$.path', operator: 'equals', expected: '/echo/right' }], captures: [] } }),
    );
    for (const [i, request] of extra.entries()) await writeFile(path.join(root, 'checks', `extra-${i}.request.json`), json({ name: request.name, method: 'GET', url: request.url }));
    await writeFile(path.join(root, 'collection.json'), json({ name: 'Shop', order: ['checks'], variables: [{ name: 'baseUrl', value: origin }] }));
  }

  test('runs a folder from the tree menu, shows the failure, filters it, exports JUnit, keeps and compares runs', async ({ page, courier, fixtureServer }) => {
    await seed(courier.dataDir, fixtureServer.url);
    const collections = new CollectionsPage(page);
    await expect(collections.item('Checks')).toBeVisible();
    await collections.menu('Checks', 'Run…');
    const runner = page.getByRole('dialog', { name: 'Run “Checks”' });
    await expect(runner).toBeVisible();
    await runner.getByLabel('Iterations').fill('3');
    await runner.getByRole('button', { name: 'Run', exact: true }).click();

    const totals = runner.getByRole('status', { name: 'Run totals' });
    await expect(totals).toContainText('6 requests: 3 passed, 3 failed');
    await expect(totals).toContainText('finished');
    await page.screenshot({ path: '/tmp/runner-shots/finished.png' });
    const rows = runner.getByRole('list', { name: 'Run results' }).getByRole('listitem');
    await expect(rows).toHaveCount(6);
    await runner.getByLabel('Failures only').check();
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText('Echo wrong');
    await rows.first().getByRole('button').click();
    await expect(runner.getByRole('table', { name: 'Checks' })).toContainText('/echo/wrong');
    await page.screenshot({ path: '/tmp/runner-shots/filtered.png' });

    const downloading = page.waitForEvent('download');
    await runner.getByRole('button', { name: 'Export JUnit XML' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/Checks.*\.xml$/);
    const xml = await readFile((await download.path())!, 'utf8');
    expect(xml).toMatch(/<testsuites[^>]*failures="3"/);
    expect(xml.match(/<failure/g)?.length).toBe(3);

    // a second run, then both in Kept runs and compared
    await runner.getByLabel('Failures only').uncheck();
    await runner.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(totals).toContainText('6 requests: 3 passed, 3 failed');
    await expect(totals).toContainText('finished');
    await runner.getByRole('tab', { name: 'Kept runs' }).click();
    const kept = runner.getByRole('region', { name: 'Kept runs' });
    const ticks = kept.getByRole('checkbox');
    await expect(ticks).toHaveCount(2);
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    await kept.getByRole('button', { name: /Compare/ }).click();
    await expect(runner.getByRole('table', { name: 'Compared requests' })).toContainText('Echo wrong');
    await page.screenshot({ path: '/tmp/runner-shots/compare.png' });
  });

  test('fits a 1280×800 window and Cancel stops a run waiting on a slow server', async ({ page, courier, fixtureServer }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await seed(courier.dataDir, fixtureServer.url, [{ name: 'Slow one', url: '{{baseUrl}}/slow?ms=30000' }]);
    const collections = new CollectionsPage(page);
    await collections.menu('Checks', 'Run…');
    const runner = page.getByRole('dialog', { name: 'Run “Checks”' });
    await runner.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(runner.getByText('Sending Slow one')).toBeVisible();
    await expect(runner.getByRole('status', { name: 'Run totals' })).toContainText('2 requests: 1 passed, 1 failed · tests 1/2 passed · 1 to go');
    await page.screenshot({ path: '/tmp/runner-shots/running-1280.png' });
    const overflow = await page.evaluate(() => {
      const dialog = document.querySelector('dialog[open]') as HTMLElement;
      return { page: document.scrollingElement!.scrollWidth - window.innerWidth, dialog: dialog.scrollWidth - dialog.clientWidth };
    });
    expect(overflow).toEqual({ page: 0, dialog: 0 });
    const started = Date.now();
    await runner.getByRole('button', { name: 'Cancel' }).click();
    await expect(runner.getByRole('status', { name: 'Run totals' })).toContainText('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
