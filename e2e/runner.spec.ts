import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CollectionsPage } from './pages/collections-page';

/**
 * The in-app collection runner as a tester uses it: a folder of the workspace run from the tree against
 * the real fixture server, live totals, a failing check's message, the failures filter, a JUnit report, the kept runs
 * and a comparison of two; then the runner at a laptop's 1280×800 and Cancel on a slow endpoint.
 */
const SHOTS = '/tmp/runner-shots';
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A collection "Checks API" with a folder "Checks": two requests, the second with a check that always fails. */
async function seedChecks(
  dataDir: string,
  serverUrl: string,
  second: { url: string; name?: string; tests?: unknown } = { url: `${serverUrl}/echo?n=2` },
): Promise<void> {
  const root = path.join(dataDir, 'workspace', 'checks-api');
  await mkdir(path.join(root, 'checks'), { recursive: true });
  await writeFile(
    path.join(root, 'checks', 'status-ok.request.json'),
    json({
      format: 3,
      name: 'Status OK',
      method: 'GET',
      url: `${serverUrl}/echo?n=1`,
      tests: { assertions: [{ target: 'status', operator: 'equals', expected: '200' }] },
    }),
  );
  await writeFile(path.join(root, 'checks', 'second.request.json'), json({ format: 3, name: 'Method is POST', method: 'GET', ...second }));
  await writeFile(path.join(root, 'checks', 'folder.json'), json({ name: 'Checks', order: ['status-ok.request.json', 'second.request.json'] }));
  await writeFile(path.join(root, 'collection.json'), json({ name: 'Checks API', order: ['checks'] }));
}

async function openRunner(page: Page, folder: string) {
  const collections = new CollectionsPage(page);
  await expect(collections.item('Checks API')).toBeVisible();
  if (!(await collections.item(folder).isVisible())) await collections.item('Checks API').click();
  await collections.item(folder).click({ button: 'right' });
  await page
    .getByRole('menu', { name: `Actions for ${folder}` })
    .getByRole('menuitem', { name: 'Run…' })
    .click();
  const runner = page.getByRole('dialog', { name: `Run “${folder}”` });
  await expect(runner).toBeVisible();
  return runner;
}

test.describe('collection runner', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('runs a folder 3 times with live totals, filters failures, exports JUnit, keeps and compares runs', async ({ page, courier, fixtureServer }) => {
    test.slow();
    await seedChecks(courier.dataDir, fixtureServer.url, {
      // /slow keeps each run going long enough to see it live
      url: `${fixtureServer.url}/echo?n=2`,
      tests: { assertions: [{ target: 'jsonPath', property: '$.method', operator: 'equals', expected: 'POST' }] },
    });
    const runner = await openRunner(page, 'Checks');
    const options = runner.getByRole('form', { name: 'Run options' });
    await options.getByRole('spinbutton', { name: 'Iterations' }).fill('3');
    // a little pacing so the run can be seen (and photographed) while it goes
    await options.getByRole('spinbutton', { name: /^Delay/ }).fill('700');
    await options.getByRole('button', { name: 'Run', exact: true }).click();

    const totals = runner.getByRole('status', { name: 'Run totals' });
    // the live line: the request being sent, or (most of the time, with a 700 ms delay) the pause before the next one
    await expect(runner.getByText(/^(Sending |Waiting [\d.]+ s before )/)).toBeVisible();
    // while it goes, the count reads as progress against what is planned
    await expect(totals).toContainText(/^[1-5] of 6 requests: /);
    await page.screenshot({ path: `${SHOTS}/1-running.png` });
    await expect(totals).toContainText(/^6 requests: 3 passed, 3 failed/);
    await expect(totals).toContainText('finished');
    await expect(runner.getByText('Choose a result to see its checks')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/2-finished.png` });

    const results = runner.getByRole('list', { name: 'Run results' });
    await expect(results.getByRole('button')).toHaveCount(6);
    await results.getByRole('button', { name: /Fail.*Method is POST.*#1/ }).click();
    const details = runner.getByRole('region', { name: 'Result of Method is POST' });
    await expect(details.getByRole('table', { name: 'Checks' })).toContainText('expected POST, got GET');
    // three iterations: its response time per iteration, charted
    await expect(details.getByRole('img', { name: 'Response time of Method is POST per iteration' })).toBeVisible();

    await runner.getByRole('checkbox', { name: 'Failures only' }).check();
    await expect(results.getByRole('button')).toHaveCount(3);
    for (const row of await results.getByRole('button').all()) await expect(row).toContainText(/Fail.*Method is POST/);
    await page.screenshot({ path: `${SHOTS}/3-filtered.png` });

    const downloading = page.waitForEvent('download');
    await runner.getByRole('button', { name: 'Export JUnit XML' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.junit\.xml$/);
    const xml = await readFile(await download.path(), 'utf8');
    expect(xml).toMatch(/^<\?xml /);
    expect(xml).toMatch(/<testsuites[^>]*\bfailures="3"/);
    expect(xml.match(/<failure\b/g) ?? []).toHaveLength(3);

    // closed and opened again: the run is kept; a second run gives two to compare
    await runner.getByRole('button', { name: 'Close runner' }).click();
    await expect(runner).toBeHidden();
    const again = await openRunner(page, 'Checks');
    await again.getByRole('tab', { name: 'Kept runs' }).click();
    const kept = again.getByRole('region', { name: 'Kept runs' });
    await expect(kept.getByRole('listitem')).toHaveCount(1);
    await expect(kept.getByRole('listitem')).toContainText('6 requests: 3 passed, 3 failed');
    await expect(kept.getByText('Run again to have two runs to compare.')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/4-kept.png` });

    await again.getByRole('tab', { name: 'Results' }).click();
    await again.getByRole('spinbutton', { name: 'Iterations' }).fill('1');
    await again.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(again.getByRole('status', { name: 'Run totals' })).toContainText(/^2 requests: 1 passed, 1 failed.*finished/);
    await again.getByRole('tab', { name: 'Kept runs' }).click();
    await expect(kept.getByRole('listitem')).toHaveCount(2);
    for (const box of await kept.getByRole('checkbox').all()) await box.check();
    await kept.getByRole('button', { name: /^Compare/ }).click();
    const compare = again.getByRole('region', { name: 'Compare runs' });
    await expect(compare.getByRole('status')).toHaveText('Nothing went from pass to fail.');
    // dated as history is: "5 Dec 2026, 23:47:30"
    const moment = String.raw`\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}`;
    await expect(compare.getByRole('heading')).toHaveText(new RegExp(`^Older run ${moment} → newer run ${moment}$`));
    // iteration 1 of both runs is compared; the older run's iterations 2 and 3 have nothing after
    const compared = compare.getByRole('table', { name: 'Compared requests' }).getByRole('row');
    await expect(compared).toHaveCount(7);
    await expect(compared.nth(1)).toContainText(/Status OK\s*1\s*200 · \d+ ms\s*200 · \d+ ms\s*no change/);
    await expect(compared.nth(3)).toContainText(/Status OK\s*2\s*200 · \d+ ms\s*—\s*only in the older run/);
    await page.screenshot({ path: `${SHOTS}/5-compare.png` });
    await compare.getByRole('checkbox', { name: 'Changes only' }).check();
    await expect(compared).toHaveCount(5);

    // a result's whole exchange, opened in the response viewer
    await again.getByRole('tab', { name: 'Results' }).click();
    await again
      .getByRole('list', { name: 'Run results' })
      .getByRole('button', { name: /Fail.*Method is POST/ })
      .click();
    await again.getByRole('button', { name: 'Open in response viewer' }).click();
    await expect(again).toBeHidden();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByText('200 OK').first()).toBeVisible();
    await expect(response).toContainText('"method": "GET"');
  });

  test('runs the ticked requests only: untick one, select none and all, and the results list the ticked ones', async ({ page, courier, fixtureServer }) => {
    await seedChecks(courier.dataDir, fixtureServer.url);
    const runner = await openRunner(page, 'Checks');
    const options = runner.getByRole('form', { name: 'Run options' });
    const picked = options.getByRole('list', { name: 'Requests to run' }).getByRole('checkbox');
    // every request of the folder, in the order they run, ticked to begin with
    await expect(picked).toHaveCount(2);
    await expect(options.getByRole('checkbox', { name: /Status OK/ })).toBeChecked();
    await expect(options.getByRole('checkbox', { name: /Method is POST/ })).toBeChecked();
    await options.getByRole('button', { name: 'Select none' }).click();
    for (const box of await picked.all()) await expect(box).not.toBeChecked();
    await expect(options.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
    await options.getByRole('button', { name: 'Select all' }).click();
    for (const box of await picked.all()) await expect(box).toBeChecked();

    await options.getByRole('checkbox', { name: /Status OK/ }).uncheck();
    await expect(options.getByText('Requests (1 of 2)')).toBeVisible();
    await options.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(runner.getByRole('status', { name: 'Run totals' })).toContainText(/^1 request: 1 passed.*finished/);
    const results = runner.getByRole('list', { name: 'Run results' }).getByRole('button');
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText('Method is POST');
    await page.screenshot({ path: `${SHOTS}/picked.png` });
    // kept under the folder's name, not as a nameless selection
    await runner.getByRole('tab', { name: 'Kept runs' }).click();
    await expect(runner.getByRole('region', { name: 'Kept runs' }).getByRole('listitem')).toContainText('Checks');
  });

  test('fits a 1280×800 window and Cancel stops a run against a slow endpoint', async ({ page, courier, fixtureServer }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await seedChecks(courier.dataDir, fixtureServer.url, { url: `${fixtureServer.url}/slow?ms=20000` });
    const runner = await openRunner(page, 'Checks');
    await runner.getByRole('spinbutton', { name: 'Iterations' }).fill('5');
    await runner.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(runner.getByText('Sending Method is POST (iteration 1 of 5)')).toBeVisible();
    await expect(runner.getByRole('button', { name: 'Close runner' })).toBeDisabled();

    const overflow = () =>
      page.evaluate(() => {
        const dialog = document.querySelector('dialog[open]')!;
        return {
          page: document.scrollingElement!.scrollWidth - window.innerWidth,
          dialog: dialog.scrollWidth - dialog.clientWidth,
        };
      });
    expect(await overflow()).toEqual({ page: 0, dialog: 0 });
    await page.screenshot({ path: `${SHOTS}/6-running-1280.png` });

    const started = Date.now();
    await runner.getByRole('button', { name: 'Cancel run' }).click();
    const totals = runner.getByRole('status', { name: 'Run totals' });
    await expect(totals).toContainText(/cancelled$/, { timeout: 5_000 });
    await expect(totals).not.toContainText('finished');
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(totals).not.toContainText(/^10 requests/);
    // the request in flight was cancelled, not failed: its own count and its own label in the list
    await expect(totals).toContainText(/^2 requests: 1 passed, 0 failed, 1 cancelled · /);
    await expect(runner.getByRole('list', { name: 'Run results' }).getByRole('button', { name: /^Cancelled.*Method is POST.*#1 · cancelled/ })).toBeVisible();
    await expect(runner.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await expect(runner.getByRole('button', { name: 'Close runner' })).toBeEnabled();
    expect(await overflow()).toEqual({ page: 0, dialog: 0 });
    await page.screenshot({ path: `${SHOTS}/7-cancelled-1280.png` });
  });

  test('at 1280×800: a pause says what comes next, a request still rate limited fails, names keep their room, dates read as elsewhere', async ({
    page,
    courier,
    fixtureServer,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 1280, height: 800 });
    const name = 'New request to the rate limited endpoint';
    // 429 with Retry-After: 1 every time: the runner waits 1 s, sends once more, and is refused again
    await seedChecks(courier.dataDir, fixtureServer.url, { name, url: `${fixtureServer.url}/status/429?retry-after=1` });
    const runner = await openRunner(page, 'Checks');
    await runner.getByRole('spinbutton', { name: /^Delay/ }).fill('1500');
    await runner.getByRole('button', { name: 'Run', exact: true }).click();
    // during the pause the live line names the request to come, not the one that finished
    await expect(runner.getByText(`Waiting 1.5 s before ${name} (iteration 1 of 1)`)).toBeVisible();
    await expect(runner.getByText(/^Sending Status OK/)).toBeHidden();
    const totals = runner.getByRole('status', { name: 'Run totals' });
    await expect(totals).toContainText(/^2 requests: 1 passed, 1 failed · .*finished/, { timeout: 10_000 });
    const results = runner.getByRole('list', { name: 'Run results' });
    const limited = results.getByRole('button', { name: new RegExp(`^Fail.*${name}.*still rate limited \\(429\\) after waiting 1 s`) });
    await expect(limited).toBeVisible();
    // the name keeps its room, with the details open too (the list at half the width): the note gives way first
    // the text's own width against its box's, unrounded: an ellipsis appears for a fraction of a pixel too
    const truncated = (text: string) =>
      results.getByText(text, { exact: true }).evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return range.getBoundingClientRect().width > element.getBoundingClientRect().width + 0.01;
      });
    expect(await truncated(name)).toBe(false);
    await limited.click();
    await expect(runner.getByRole('region', { name: `Result of ${name}` })).toBeVisible();
    expect(await truncated(name)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/8-rate-limited-1280.png` });

    // kept runs are dated as history is: "5 Dec 2026, 23:47:30"
    await runner.getByRole('tab', { name: 'Kept runs' }).click();
    const kept = runner.getByRole('region', { name: 'Kept runs' });
    await expect(kept.getByRole('listitem')).toContainText(/Checks · \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}/);
    await expect(kept.getByRole('listitem')).toContainText('2 requests: 1 passed, 1 failed');
  });
});
