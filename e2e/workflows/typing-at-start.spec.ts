import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import type { FixtureServer } from '../servers/fixture-server';
import { CollectionsPage } from '../pages/collections-page';
import { RequestBuilderPage } from '../pages/request-builder-page';
import { ResponseViewerPage } from '../pages/response-viewer-page';
import { startCourierWeb, type CourierWeb } from '../support/courier-web';
import { settingsValue } from '../support/session-file';

/**
 * A person who starts typing the moment the window shows its URL field keeps every keystroke. The window is painted
 * before the last session's tabs have come back from the main process; what arrives then is added beside what the
 * user started, never put in its place (the URL typed at once was wiped, and Send said "Enter a URL").
 *
 * Each load is followed at once by typing, as Playwright does it: as soon as the field is there and editable, with no
 * wait for the page's load event (`commit`), so the keys fall in whatever the window is still doing after its paint.
 */

type SessionTabs = { tabs?: { name: string; request: { url: string } }[] } | undefined;

const sessionUrls = async (dataDir: string) => ((await settingsValue(dataDir, 'workspace.session')) as SessionTabs)?.tabs?.map((tab) => tab.request.url);

/** Opens Courier in a new page without waiting for anything: the caller types as soon as the field takes keys. */
async function openAtOnce(browser: Browser, courier: CourierWeb): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(courier.url, { waitUntil: 'commit' });
  return page;
}

/** What was typed is still there a second later (nothing arriving late replaces it), and is what Send sends. */
async function expectKeptAndSent(page: Page, fixtureServer: FixtureServer, url: string, header?: { name: string; value: string }) {
  const builder = new RequestBuilderPage(page);
  await expect(builder.url).toHaveValue(url);
  // waiting to prove that nothing (the session, the workspace's data) comes in later and wipes what was typed
  await page.waitForTimeout(1_000);
  await expect(builder.url).toHaveValue(url);
  if (header) {
    await expect(page.getByRole('combobox', { name: 'Header 1 name' })).toHaveValue(header.name);
    await expect(page.getByLabel('Header 1 value')).toHaveValue(header.value);
  }
  await builder.send();
  await expect(new ResponseViewerPage(page).status).toHaveText('200 OK');
  await expect(builder.url).toHaveValue(url);
  const target = new URL(url);
  const sent = fixtureServer.recordedRequests().filter((entry) => entry.path === `${target.pathname}${target.search}`);
  expect(sent).toHaveLength(1);
  if (header) expect(sent[0]!.headers[header.name.toLowerCase()]).toBe(header.value);
}

/**
 * A first run that leaves a session of two tabs, one saved into a collection and one never saved, and a blank one
 * shown last (so keys typed before or after the session is back both land in an empty URL field), then a restart.
 */
async function restartWithTwoTabs(browser: Browser, dataDir: string, fixtureServer: FixtureServer): Promise<CourierWeb> {
  const first = await startCourierWeb({ dataDir });
  try {
    const page = await browser.newPage();
    await page.goto(first.url);
    const builder = new RequestBuilderPage(page);
    const collections = new CollectionsPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo?saved=1`);
    await collections.saveAsNew('Saved echo', 'Start');
    await expect(collections.tab('Saved echo')).toBeVisible();
    await page.getByRole('button', { name: 'New request tab' }).click();
    await builder.url.fill(`${fixtureServer.url}/echo?draft=1`);
    await page.getByRole('button', { name: 'New request tab' }).click();
    // the session is written a moment after the last change: wait until it holds the three tabs as typed
    await expect.poll(() => sessionUrls(dataDir)).toEqual([`${fixtureServer.url}/echo?saved=1`, `${fixtureServer.url}/echo?draft=1`, '']);
    await page.close();
  } finally {
    await first.stop();
  }
  return await startCourierWeb({ dataDir });
}

/** The two tabs of the last session came back beside the user's, which stays the one shown (the blank one is not kept beside it). */
async function expectSessionBackBeside(page: Page, typedName: RegExp) {
  const collections = new CollectionsPage(page);
  await expect(collections.tabs.getByRole('tab')).toHaveCount(3);
  await expect(collections.tab('Saved echo')).toBeVisible();
  await expect(collections.tab('GET /echo?draft=1 (unsaved)')).toBeVisible();
  await expect(collections.tabs.getByRole('tab', { selected: true })).toHaveAccessibleName(typedName);
}

test.describe('keys typed the moment the window opens are kept', () => {
  test('on a fresh data folder: the URL typed at once is kept and sent', async ({ browser, courier, fixtureServer }) => {
    const page = await openAtOnce(browser, courier);
    const url = `${fixtureServer.url}/record-headers?typed=fresh-start-every-key-kept`;
    await new RequestBuilderPage(page).url.pressSequentially(url);
    await expectKeptAndSent(page, fixtureServer, url);
    await expect(new CollectionsPage(page).tabs.getByRole('tab')).toHaveCount(1);
    await page.close();
  });

  test('keys pressed without a click go into the URL field: it has the focus in the very frame it first shows', async ({ browser, courier, fixtureServer }) => {
    const page = await browser.newPage();
    // At each frame, before it is painted: the first one with the URL field in it says where the keys go then.
    await page.addInitScript(() => {
      const look = () => {
        const field = document.querySelector('input[aria-label="URL"]');
        if (field === null) requestAnimationFrame(look);
        else (window as unknown as { urlFocusedAtFirstFrame: boolean }).urlFocusedAtFirstFrame = document.activeElement === field;
      };
      requestAnimationFrame(look);
    });
    await page.goto(courier.url, { waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { urlFocusedAtFirstFrame?: boolean }).urlFocusedAtFirstFrame)).toBe(true);
    const url = `${fixtureServer.url}/record-headers?typed=keyboard-only-from-the-first-frame`;
    await page.keyboard.type(url);
    await expectKeptAndSent(page, fixtureServer, url);
    await page.close();
  });

  test('on a reload: the URL typed at once is kept and sent', async ({ page, courier, fixtureServer }) => {
    // The first load writes its session (one blank tab), which the reload brings back (as web-mode-security's third load did).
    await expect.poll(() => sessionUrls(courier.dataDir)).toEqual(['']);
    await page.reload({ waitUntil: 'commit' });
    const url = `${fixtureServer.url}/record-headers?typed=after-a-reload-every-key-kept`;
    await new RequestBuilderPage(page).url.pressSequentially(url);
    await expectKeptAndSent(page, fixtureServer, url);
  });

  test('after a restart that brings back saved and unsaved tabs: the URL typed at once is kept, the tabs come back beside it', async ({
    browser,
    fixtureServer,
  }) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-typing-'));
    let courier: CourierWeb | undefined;
    try {
      courier = await restartWithTwoTabs(browser, dataDir, fixtureServer);
      const page = await openAtOnce(browser, courier);
      const url = `${fixtureServer.url}/record-headers?typed=after-a-restart-every-key-kept`;
      await new RequestBuilderPage(page).url.pressSequentially(url);
      await expectKeptAndSent(page, fixtureServer, url);
      await expectSessionBackBeside(page, /^GET \/record-headers\?typed=after-a-restart-every-key-kept/);
      // and the session now holds all three, the user's last
      await expect.poll(async () => (await sessionUrls(dataDir))?.length).toBe(3);
      expect((await sessionUrls(dataDir))?.[2]).toBe(url);
      await page.close();
    } finally {
      await courier?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('after a restart: a header typed at once in the Headers tab is kept and sent', async ({ browser, fixtureServer }) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-typing-'));
    let courier: CourierWeb | undefined;
    try {
      courier = await restartWithTwoTabs(browser, dataDir, fixtureServer);
      const page = await openAtOnce(browser, courier);
      const builder = new RequestBuilderPage(page);
      const header = { name: 'X-Typed-At-Once', value: 'every-key-kept' };
      await builder.tab('Headers').click();
      await page.getByRole('combobox', { name: 'New header name' }).pressSequentially(header.name);
      await page.getByLabel('Header 1 value').pressSequentially(header.value);
      const url = `${fixtureServer.url}/record-headers?typed=header-first`;
      await builder.url.pressSequentially(url);
      await expectKeptAndSent(page, fixtureServer, url, header);
      await expectSessionBackBeside(page, /^GET \/record-headers\?typed=header-first/);
      await page.close();
    } finally {
      await courier?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
