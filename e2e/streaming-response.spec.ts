import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { leakNeedles, scanForSecret } from '../electron/test-support/leak-scan';
import { test as base, expect } from './fixtures';
import { EnvironmentsPage } from './pages/environments-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { RequestTabsPage } from './pages/request-tabs-page';
import { startHeldBodyServer, type HeldBodyServer } from './servers/held-body-server';
import { startCourierWeb } from './support/courier-web';

const test = base.extend<{ held: HeldBodyServer }>({
  held: async ({}, use) => {
    const server = await startHeldBodyServer();
    await use(server);
    await server.close();
  },
});

/**
 * A response whose body is still arriving: its status and first lines show at once, in its own tab, masked like
 * everything else the window gets, and Cancel keeps what came, marked incomplete. The server holds each body
 * halfway until the test lets it finish, so every "still arriving" below is certain.
 */
test.describe('a response still arriving', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('shows its status and first lines before the body is complete, then the whole body', async ({ page, held }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${held.url}/held/one`);
    await builder.send();
    const partial = builder.response.getByTestId('response-partial');
    await expect(partial.getByLabel('Body preview')).toContainText('first-of-one');
    await expect(partial.getByLabel('Body preview')).toContainText('one-row-10');
    await expect(partial.getByTestId('response-status-partial')).toHaveText('200 OK');
    await expect(partial.getByText(/^Still receiving: the first [\d.]+ KB are shown/)).toBeVisible();
    await expect(partial.getByTestId('response-received-so-far')).toContainText('so far');
    await expect(builder.cancelButton).toBeVisible();
    // the headers came with the status
    await partial.getByText('Headers (').click();
    await expect(partial.getByRole('table', { name: 'Response headers received so far' })).toContainText('x-held');
    expect(held.held()).toEqual(['one']);

    held.finish('one');
    await expect(builder.response.getByTestId('response-status')).toHaveText('200 OK');
    await expect(partial).toHaveCount(0);
    await expect(builder.response.getByTestId('response-body')).toContainText('first-of-one');
  });

  test('two tabs sending at once each show their own stream', async ({ page, held }) => {
    const builder = new RequestBuilderPage(page);
    const tabs = new RequestTabsPage(page);
    await builder.url.fill(`${held.url}/held/alpha`);
    await builder.send();
    await expect(builder.response.getByLabel('Body preview')).toContainText('first-of-alpha');
    await tabs.newTab();
    await builder.url.fill(`${held.url}/held/beta`);
    await builder.send();
    const preview = builder.response.getByLabel('Body preview');
    await expect(preview).toContainText('first-of-beta');
    await expect(preview).not.toContainText('alpha');
    await tabs.select(0);
    await expect(preview).toContainText('first-of-alpha');
    await expect(preview).not.toContainText('beta');
    expect(held.held()).toEqual(['alpha', 'beta']);

    held.finish('beta');
    // the finished one is complete in its own tab; the other still streams
    await expect(preview).toContainText('first-of-alpha');
    await expect(builder.response.getByTestId('response-partial')).toBeVisible();
    await tabs.select(1);
    await expect(builder.response.getByTestId('response-status')).toHaveText('200 OK');
    await expect(builder.response.getByTestId('response-body')).toContainText('first-of-beta');
    held.finish('alpha');
    await tabs.select(0);
    await expect(builder.response.getByTestId('response-status')).toHaveText('200 OK');
    await expect(builder.response.getByTestId('response-body')).toContainText('first-of-alpha');
  });

  test('Cancel while the body arrives keeps the first lines, marked incomplete, and the window stays usable', async ({ page, held }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${held.url}/held/gamma`);
    await builder.send();
    await expect(builder.response.getByLabel('Body preview')).toContainText('first-of-gamma');
    await builder.cancelButton.click();
    const cancelled = builder.response.getByTestId('response-partial-cancelled');
    await expect(cancelled.getByRole('status')).toHaveText(
      /^Request cancelled after [\d.]+ KB: the response is incomplete and was not kept\. Its first lines, as they arrived, are below\.$/,
    );
    await expect(cancelled.getByLabel('Body preview')).toContainText('first-of-gamma');
    await expect(cancelled.getByTestId('response-status-partial')).toHaveText('200 OK');
    await expect.poll(() => held.abandoned()).toEqual(['gamma']);
    // no freeze: the next request goes and completes
    await builder.url.fill(`${held.url}/held/delta`);
    await builder.send();
    await expect(builder.response.getByLabel('Body preview')).toContainText('first-of-delta');
    held.finish('delta');
    await expect(builder.response.getByTestId('response-status')).toHaveText('200 OK');
    await expect(cancelled).toHaveCount(0);
  });

  test('a body that stops arriving says so, and when the idle timeout ends it, what had come stays on screen', async ({ page, held }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${held.url}/held/stall?silent`);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Idle timeout', { exact: false }).fill('6000');
    await builder.send();
    await expect(builder.response.getByLabel('Body preview')).toContainText('first-of-stall');
    // a stalled server does not look like a slow one (new-user finding)
    await expect(builder.response.getByTestId('response-stalled')).toContainText(/nothing received for \d+ s/);
    const failed = builder.response.getByTestId('response-partial-failed');
    await expect(failed.getByRole('status')).toHaveText(/^Failed after [\d.]+ KB: the response is incomplete and was not kept\./, { timeout: 15_000 });
    await expect(failed.getByLabel('Body preview')).toContainText('first-of-stall');
    await expect(failed.getByTestId('response-status-partial')).toHaveText('200 OK');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: '/tmp/stall-failed.png' });
  });
});

const CANARY = 'Kq9!canary s3cr3t+/=zZ';

test('a vault secret echoed in the first chunk is masked in the streamed lines, the events and every file', async ({ browser, held }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-stream-mask-'));
  const courier = await startCourierWeb({ dataDir });
  const page = await browser.newPage();
  const frames: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  try {
    await page.goto(courier.url);
    const environments = new EnvironmentsPage(page);
    await environments.setPassphrase('correct horse battery staple');
    await environments.openEditor();
    await environments.selectScope('Globals');
    await environments.addVariable('apiKey', CANARY, { secret: true });
    await environments.save();
    await environments.closeEditor();

    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${held.url}/held/secret`);
    await builder.addHeader('X-Api-Key', '{{apiKey}}');
    await builder.send();
    const preview = builder.response.getByTestId('response-partial').getByLabel('Body preview');
    await expect(preview).toContainText('first-of-secret');
    await expect(preview).toContainText('"key": "••••••"');
    expect(held.held()).toEqual(['secret']);
    // while it stalls: nothing on the page (the closed headers list included) nor any event holds the secret
    const html = await page.content();
    const sent = frames.join('\n');
    expect(sent).toContain('first-of-secret');
    for (const needle of leakNeedles(CANARY)) {
      expect(html, needle.form).not.toContain(needle.bytes.toString());
      expect(sent, needle.form).not.toContain(needle.bytes.toString());
      expect(sent, needle.form).not.toContain(JSON.stringify(needle.bytes.toString()).slice(1, -1));
    }
    held.finish('secret');
    await expect(builder.response.getByTestId('response-status')).toHaveText('200 OK');
  } finally {
    await page.close();
    await courier.stop();
  }
  try {
    const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
    expect(filesScanned).toBeGreaterThan(1);
    expect(hits).toEqual([]);
    expect(courier.output()).not.toContain(CANARY);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
