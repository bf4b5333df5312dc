import { test as base, expect } from '../fixtures';
import { CollectionsPage } from '../pages/collections-page';
import { GraphqlPage } from '../pages/graphql-page';
import { ImportExportPage } from '../pages/import-export-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { RequestTabsPage } from '../pages/request-tabs-page';
import { ResponseViewerPage } from '../pages/response-viewer-page';
import { startGateServer, type GateServer } from '../servers/gate-server';
import { startGraphqlServer, type GraphqlTestServer } from '../servers/graphql-server';

const test = base.extend<{ gate: GateServer; graphqlServer: GraphqlTestServer }>({
  gate: async ({}, use) => {
    const server = await startGateServer();
    await use(server);
    await server.close();
  },
  graphqlServer: async ({}, use) => {
    const server = await startGraphqlServer();
    await use(server);
    await server.close();
  },
});

/**
 * Several request tabs used the way people use them: a slow request in one tab while another is sent and read in a
 * second. Every tab is its own request: its own Send/Cancel, its own response, its own response section and its own
 * curl-paste Undo.
 */
test.describe('request tabs are independent requests', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('tabs are named by their URL, show when they are sending, and the active one is wholly in view', async ({ page, gate }) => {
    const tabs = new RequestTabsPage(page);
    const builder = new RequestBuilderPage(page);
    const within = async (locator: ReturnType<typeof tabs.tab>) => {
      const strip = (await tabs.list.boundingBox())!;
      const box = (await locator.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(strip.x - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(strip.x + strip.width + 0.5);
    };

    await builder.url.fill(`${gate.url}/gate/a`);
    const closeA = tabs.list.getByRole('button', { name: 'Close GET /gate/a' });
    const before = (await closeA.boundingBox())!;
    await builder.send();
    await expect(tabs.list.getByRole('tab', { name: 'GET /gate/a' })).toBeVisible();
    await expect(tabs.list.getByRole('status', { name: 'sending' })).toHaveCount(1);
    // the spinner takes the ×'s place: the tab keeps its width, so the tabs after it do not shift (new-user finding)
    expect((await closeA.boundingBox())!.x).toBeCloseTo(before.x, 0);
    await tabs.newTab();
    await builder.url.fill(`${gate.url}/gate/b`);
    await expect(tabs.list.getByRole('tab', { name: 'GET /gate/b' })).toBeVisible();
    await tabs.select(0);
    await builder.cancelButton.click();
    await expect(tabs.list.getByRole('status', { name: 'sending' })).toHaveCount(0);

    for (let n = 3; n <= 14; n += 1) {
      await tabs.newTab();
      await builder.url.fill(`${gate.url}/gate/tab${n}`);
    }
    await expect(page.getByRole('button', { name: 'All open tabs (14)' })).toBeVisible();
    const last = tabs.list.getByRole('button', { name: 'Close GET /gate/tab14' });
    await expect(last).toBeVisible();
    await within(last);
    await within(tabs.list.getByRole('tab', { name: 'GET /gate/tab14' }));

    // Picked from the overflow list: the first tab comes wholly into view, its × too.
    await page.getByRole('button', { name: 'All open tabs (14)' }).click();
    await page.getByRole('menuitem', { name: 'GET /gate/a' }).click();
    await expect(tabs.tab(0)).toHaveAttribute('aria-selected', 'true');
    await within(tabs.list.getByRole('button', { name: 'Close GET /gate/a' }));
    await within(tabs.tab(0));

    // The last tab grows while its request is in flight (spinner) and the window narrows: still wholly in view
    // (the new-user pass saw its × under the "⌄ N" button, and the tab outside the strip after a resize).
    await page.getByRole('button', { name: 'All open tabs (14)' }).click();
    await page.getByRole('menuitem', { name: 'GET /gate/tab14' }).click();
    await builder.send();
    await expect(tabs.list.getByRole('status', { name: 'sending' })).toHaveCount(1);
    await within(tabs.list.getByRole('button', { name: 'Close GET /gate/tab14' }));
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(async () => within(tabs.list.getByRole('button', { name: 'Close GET /gate/tab14' }))).toPass({ timeout: 5_000 });
    await within(tabs.list.getByRole('tab', { name: 'GET /gate/tab14' }));
    await builder.cancelButton.click();
  });

  test('two tabs in flight at once, each cancels, answers and remembers its own', async ({ page, gate }) => {
    const tabs = new RequestTabsPage(page);
    const builder = new RequestBuilderPage(page);
    const response = new ResponseViewerPage(page);
    const cancelled = response.region.getByText('Request cancelled');

    // Tab A: a request the server holds.
    await builder.url.fill(`${gate.url}/gate/a`);
    await builder.send();
    await expect(builder.cancelButton).toBeVisible();
    await expect.poll(() => gate.waiting()).toEqual(['a']);

    // Tab B: A's request in flight is not B's; B can send with Ctrl/⌘+Enter while A still waits.
    await tabs.newTab();
    await expect(builder.sendButton).toBeVisible();
    await expect(builder.cancelButton).toBeHidden();
    await expect(response.region).toContainText('Send a request to see its response here.');
    await builder.url.fill(`${gate.url}/gate/b`);
    await builder.url.press('ControlOrMeta+Enter');
    await expect(builder.cancelButton).toBeVisible();
    await expect.poll(() => gate.waiting()).toEqual(['a', 'b']);

    // Back in A: its own Cancel stops A only.
    await tabs.select(0);
    await expect(builder.url).toHaveValue(`${gate.url}/gate/a`);
    await builder.cancelButton.click();
    await expect(cancelled).toBeVisible();
    await expect(builder.sendButton).toBeVisible();
    await expect.poll(() => gate.abandoned()).toEqual(['a']);
    expect(gate.waiting()).toEqual(['b']);

    // B is still in flight; its answer arrives in B and not in A.
    await tabs.select(1);
    await expect(builder.cancelButton).toBeVisible();
    gate.open('b');
    await expect(response.status).toHaveText(/200/);
    await expect(response.region).toContainText(/"gate":\s*"b"/);
    await tabs.select(0);
    await expect(cancelled).toBeVisible();
    await expect(response.status).toBeHidden();
    await tabs.select(1);
    await expect(response.status).toHaveText(/200/);
    await expect(cancelled).toBeHidden();

    // The response section chosen in B stays chosen for B's next send.
    await response.openTab('Response headers');
    await expect(response.headerRow('x-gate-n')).toContainText('1');
    await builder.send();
    await expect(response.headerRow('x-gate-n')).toContainText('2');
    await expect(response.tab('Response headers')).toHaveAttribute('aria-selected', 'true');

    // A curl command pasted into B belongs to B: A shows no banner, and B's Undo puts back B's request only.
    const io = new ImportExportPage(page);
    await io.pasteIntoUrl(`curl '${gate.url}/gate/pasted' -H 'x-from: curl'`);
    await expect(builder.url).toHaveValue(`${gate.url}/gate/pasted`);
    await expect(tabs.curlBanner).toBeVisible();
    await tabs.select(0);
    await expect(tabs.curlBanner).toBeHidden();
    await expect(builder.url).toHaveValue(`${gate.url}/gate/a`);
    await tabs.select(1);
    await expect(tabs.curlBanner).toBeVisible();
    await tabs.curlBanner.getByRole('button', { name: 'Undo' }).click();
    await expect(builder.url).toHaveValue(`${gate.url}/gate/b`);
    await tabs.select(0);
    await expect(builder.url).toHaveValue(`${gate.url}/gate/a`);

    // Esc cancels the active tab's request in flight.
    await builder.send();
    await expect(builder.cancelButton).toBeVisible();
    await expect.poll(() => gate.waiting()).toEqual(['a']);
    await page.keyboard.press('Escape');
    await expect(cancelled).toBeVisible();
    await expect(builder.sendButton).toBeVisible();
    await expect.poll(() => gate.abandoned()).toEqual(['a', 'a']);
  });

  test('closing a tab cancels its request in flight', async ({ page, gate }) => {
    const tabs = new RequestTabsPage(page);
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${gate.url}/gate/kept`);
    await tabs.newTab();
    await builder.url.fill(`${gate.url}/gate/closed`);
    await builder.send();
    await expect.poll(() => gate.waiting()).toEqual(['closed']);
    await tabs.closeDiscarding(1);
    await expect(builder.url).toHaveValue(`${gate.url}/gate/kept`);
    await expect(builder.sendButton).toBeVisible();
    await expect.poll(() => gate.abandoned()).toEqual(['closed']);
  });

  test('closing the only tab, or the first, cancels its request at once', async ({ page, gate }) => {
    const tabs = new RequestTabsPage(page);
    const builder = new RequestBuilderPage(page);
    // The only tab: closing it leaves a fresh blank tab, and the server sees its socket close.
    await builder.url.fill(`${gate.url}/gate/only`);
    await builder.send();
    await expect.poll(() => gate.waiting()).toEqual(['only']);
    await tabs.closeDiscarding(0);
    await expect(builder.url).toHaveValue('');
    await expect.poll(() => gate.abandoned(), { timeout: 3_000 }).toEqual(['only']);

    // The first of two tabs, the active one.
    await builder.url.fill(`${gate.url}/gate/first`);
    await builder.send();
    await tabs.newTab();
    await builder.url.fill(`${gate.url}/gate/second`);
    await tabs.select(0);
    await expect.poll(() => gate.waiting()).toEqual(['first']);
    await tabs.closeDiscarding(0);
    await expect(builder.url).toHaveValue(`${gate.url}/gate/second`);
    await expect.poll(() => gate.abandoned(), { timeout: 3_000 }).toEqual(['only', 'first']);
  });

  test('Enter in the URL bar while the request is in flight cancels it and sends the new one', async ({ page, gate }) => {
    const builder = new RequestBuilderPage(page);
    const response = new ResponseViewerPage(page);
    await builder.url.fill(`${gate.url}/gate/slow`);
    await builder.send();
    await expect.poll(() => gate.waiting()).toEqual(['slow']);
    await expect(builder.cancelButton).toBeVisible();

    // the user changes the URL and presses Enter, as in a browser's address bar
    gate.open('second');
    await builder.url.fill(`${gate.url}/gate/second`);
    await builder.url.press('Enter');
    await expect(response.status).toHaveText(/200/);
    await expect(response.region).toContainText(/"gate":\s*"second"/);
    await expect(builder.sendButton).toBeVisible();
    await expect.poll(() => gate.abandoned()).toEqual(['slow']);
  });

  test('Undo of a curl paste over a saved request leaves the tab saved, not unsaved', async ({ page, gate }) => {
    const tabs = new RequestTabsPage(page);
    const builder = new RequestBuilderPage(page);
    const io = new ImportExportPage(page);
    await builder.url.fill(`${gate.url}/gate/saved`);
    await new CollectionsPage(page).saveAsNew('Kept', 'Demo');
    await expect(tabs.list.getByRole('tab', { name: 'Kept', exact: true })).toBeVisible();

    await io.pasteIntoUrl(`curl '${gate.url}/gate/pasted'`);
    await expect(builder.url).toHaveValue(`${gate.url}/gate/pasted`);
    await expect(tabs.list.getByRole('tab', { name: 'Kept (unsaved)', exact: true })).toBeVisible();
    await tabs.curlBanner.getByRole('button', { name: 'Undo' }).click();
    await expect(builder.url).toHaveValue(`${gate.url}/gate/saved`);
    await expect(tabs.list.getByRole('tab', { name: 'Kept', exact: true })).toBeVisible();
  });

  test('a GraphQL subscription belongs to the tab that started it', async ({ page, gate, graphqlServer }) => {
    const tabs = new RequestTabsPage(page);
    const gql = new GraphqlPage(page);
    const response = new ResponseViewerPage(page);
    const log = gql.subscription.getByRole('log', { name: 'Subscription results' });

    await gql.open(graphqlServer.url);
    await gql.setText(gql.query, 'subscription { countdown(from: 100, intervalMs: 150) }');
    await gql.builder.send();
    await expect(log).toContainText('{"countdown":99}');
    const status = gql.subscription.getByRole('status');
    const results = async () => Number(/(\d+) results?/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
    const before = await results();

    // Tab B has its own (empty) response pane, and sends its own request while A's subscription runs on.
    await tabs.newTab();
    await expect(gql.subscription).toBeHidden();
    await expect(response.region).toContainText('Send a request to see its response here.');
    gate.open('b');
    await gql.builder.url.fill(`${gate.url}/gate/b`);
    await gql.builder.send();
    await expect(response.status).toHaveText(/200/);

    await tabs.select(0);
    await expect(response.status).toBeHidden();
    // A's run went on streaming into A while B was on screen.
    await expect(status).toContainText('Subscribed');
    await expect.poll(results).toBeGreaterThan(before);
    await gql.subscription.getByRole('button', { name: 'Stop' }).click();
    await expect(status).toContainText('Ended');

    await tabs.select(1);
    await expect(gql.subscription).toBeHidden();
    await expect(response.status).toHaveText(/200/);
  });
});

test('at 1280×800 the request tab strip shows no scrollbar, with a few tabs or more than fit, and the wheel scrolls it', async ({ page, fixtureServer }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const tabs = new RequestTabsPage(page);
  const builder = new RequestBuilderPage(page);
  // scrollbar room (offset less client height) and what would scroll (scroll less client size)
  const strip = () => tabs.list.evaluate((el) => ({ bar: (el as HTMLElement).offsetHeight - el.clientHeight, y: el.scrollHeight - el.clientHeight }));
  for (let index = 0; index < 12; index += 1) {
    if (index > 0) await tabs.newTab();
    await builder.url.fill(`${fixtureServer.url}/echo/tab-number-${index}`);
    if (index === 1) expect(await strip()).toEqual({ bar: 0, y: 0 });
  }
  await page.screenshot({ path: '/tmp/ui10-request-tabs.png' });
  expect(await strip()).toEqual({ bar: 0, y: 0 });
  // headless Chromium hides scrollbars, so the bar's own style is what can be read
  expect(await tabs.list.evaluate((el) => getComputedStyle(el).scrollbarWidth)).toBe('none');
  // without a bar, an ordinary (vertical) wheel scrolls the strip back to the first tabs
  const first = tabs.tab(0);
  await expect(first).not.toBeInViewport({ ratio: 1 });
  await tabs.tab(11).hover();
  await page.mouse.wheel(0, -2000);
  await expect(first).toBeInViewport({ ratio: 1 });
  // the tabs that do not fit are still reached: the "all tabs" list names them all
  await expect(tabs.list.getByRole('tab')).toHaveCount(12);
});

test('two new tabs on the same URL are told apart in the strip', async ({ page, fixtureServer }) => {
  const builder = new RequestBuilderPage(page);
  const strip = page.getByRole('tablist', { name: 'Open requests' });
  await builder.url.fill(`${fixtureServer.url}/get`);
  await page.keyboard.press('Alt+T');
  await builder.url.fill(`${fixtureServer.url}/get`);
  await expect(strip.getByRole('tab')).toHaveCount(2);
  await expect(strip.getByRole('tab', { name: 'GET /get (unsaved)', exact: true })).toHaveCount(1);
  await expect(strip.getByRole('tab', { name: 'GET /get (2) (unsaved)', exact: true })).toHaveCount(1);
});
