import { test, expect } from './fixtures';
import { RequestBuilderPage } from './pages/request-builder-page';
import { ResponseViewerPage } from './pages/response-viewer-page';

/**
 * A body of many JSON texts (NDJSON, JSON Lines, JSON text sequences), as streaming, log and bulk APIs answer: shown
 * record by record, counted, with a line that does not parse named rather than the whole body called "not valid JSON".
 */
test.describe('a JSON Lines response', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('shows every record formatted and counted, and names the line that is not JSON', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    await builder.url.fill(`${fixtureServer.url}/ndjson?records=12&broken=5`);
    await builder.send();
    await expect(viewer.status).toHaveText('200 OK');

    const toolbar = page.getByRole('toolbar', { name: 'Body actions' });
    await expect(toolbar).toContainText('12 records, 1 not valid JSON (NDJSON)');
    await expect(
      page.getByRole('status').filter({ hasText: /^Record 5 \(line 5 in Raw\) is not valid JSON \(.+ at column \d+\); it is shown as received\.$/ }),
    ).toBeVisible();
    await expect(page.getByText(/Shown as received: not valid JSON/)).toHaveCount(0);

    // the first record pretty-printed at the top, the last one at the end: the rest were formatted past the bad line
    await expect.poll(() => viewer.editorLines()).toEqual(expect.arrayContaining(['{', '  "id": 0,', '  "name": "item-0",', '}']));
    await viewer.bodyEditor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await expect.poll(() => viewer.editorLines()).toEqual(expect.arrayContaining(['  "id": 11,', '  "name": "item-11",']));

    // Raw is the body as received, one record a line, and still counted
    await toolbar.getByRole('button', { name: 'Raw', exact: true }).click();
    await expect.poll(async () => (await viewer.editorLines())[0]).toMatch(/^\{"id":0,"name":"item-0",/);
    await expect(toolbar).toContainText('12 records, 1 not valid JSON (NDJSON)');
  });

  test('a JSON text sequence with CRLF line ends is split at its RS characters', async ({ page, fixtureServer }) => {
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    await builder.url.fill(`${fixtureServer.url}/ndjson?records=3&eol=crlf&type=application/json-seq`);
    await builder.send();

    await expect(page.getByRole('toolbar', { name: 'Body actions' })).toContainText('3 records (JSON text sequence)');
    await expect.poll(() => viewer.editorLines()).toEqual(expect.arrayContaining(['{', '  "id": 0,', '  "name": "item-0",']));
    await viewer.bodyEditor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await expect.poll(() => viewer.editorLines()).toEqual(expect.arrayContaining(['  "id": 2,', '  "name": "item-2",']));
    await expect(page.getByText(/not valid JSON/)).toHaveCount(0);
  });

  test('one JSON object a line sent as application/json (as httpbin /stream/N does) is shown as JSON Lines, not as invalid JSON', async ({
    page,
    fixtureServer,
  }) => {
    const builder = new RequestBuilderPage(page);
    const viewer = new ResponseViewerPage(page);
    await builder.url.fill(`${fixtureServer.url}/ndjson?records=4&type=application/json`);
    await builder.send();

    await expect(page.getByRole('toolbar', { name: 'Body actions' })).toContainText('4 records (JSON Lines, sent as application/json)');
    await expect.poll(() => viewer.editorLines()).toEqual(expect.arrayContaining(['{', '  "id": 0,', '  "name": "item-0",']));
    await expect(page.getByText(/not valid JSON/)).toHaveCount(0);

    // a body that is one broken document is still called that
    await builder.url.fill(`${fixtureServer.url}/ndjson?records=4&broken=2&type=application/json`);
    await builder.send();
    await expect(page.getByText(/Shown as received: not valid JSON/)).toBeVisible();
  });
});
