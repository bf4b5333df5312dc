import { type Browser, type Page } from '@playwright/test';
import { LONG_TASK_OBSERVER, launchChromium } from './browser';
import { startCourierWeb, type CourierWeb } from '../../e2e/support/courier-web';
import { startFixtureServer, type FixtureServer } from '../../e2e/servers/fixture-server';
import { median, percentile, round, type Metrics } from './report';
import { benchColdLoad } from './cold-load-bench';
import { startJsonServer } from './json-server';
import { benchJson200mb } from './json200mb-bench';

export async function openCourier(browser: Browser, courier: Pick<CourierWeb, 'url'>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(LONG_TASK_OBSERVER);
  const page = await context.newPage();
  await page.goto(courier.url);
  await page.getByRole('textbox', { name: 'URL' }).waitFor();
  return page;
}

/** Click Send → status visible: the figure a user feels on every small request. */
async function sendToRender(browser: Browser, courier: CourierWeb, fixture: FixtureServer): Promise<number[]> {
  const page = await openCourier(browser, courier);
  // Timestamps of every response-status element the viewer inserts, so each run waits for its own.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __statusSeen: number[] }).__statusSeen = seen;
    new MutationObserver(() => {
      const node = document.querySelector('[data-testid="response-status"]');
      if (node && !node.hasAttribute('data-bench-seen')) {
        node.setAttribute('data-bench-seen', '');
        seen.push(performance.now());
      }
    }).observe(document.body, { childList: true, subtree: true });
    // The click as the page receives it, so Playwright's own dispatch time is not counted.
    document.addEventListener('click', () => void ((window as unknown as { __clickAt: number }).__clickAt = performance.now()), { capture: true });
  });
  const samples: number[] = [];
  const send = page.getByRole('button', { name: 'Send', exact: true });
  for (let i = 0; i < 55; i += 1) {
    await page.getByRole('textbox', { name: 'URL' }).fill(`${fixture.url}/echo?run=${i}`);
    await send.waitFor();
    const before = await page.evaluate(() => (window as unknown as { __statusSeen: number[] }).__statusSeen.length);
    await send.click();
    await page.waitForFunction((count) => (window as unknown as { __statusSeen: number[] }).__statusSeen.length > count, before, { polling: 'raf' });
    const elapsed = await page.evaluate(() => {
      const marks = window as unknown as { __statusSeen: number[]; __clickAt: number };
      return (marks.__statusSeen.at(-1) ?? 0) - marks.__clickAt;
    });
    if (i >= 5) samples.push(elapsed);
  }
  await page.context().close();
  return samples;
}

/**
 * Large JSON: click Send → first body lines visible, and the longest main-thread task from the click until the body is
 * fully loaded. The app is let settle first (Monaco is fetched and warmed up at idle after start), so the figures are
 * the body's cost, not start-up's; both times are taken inside the page.
 */
async function largeJson(browser: Browser, courier: CourierWeb, serverUrl: string, bytes: number): Promise<{ renderMs: number; longestTaskMs: number }> {
  const page = await openCourier(browser, courier);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);
  // a new tab: the data folder is shared by the runs, and the restored tab would show the previous run's body, seen
  // as "first lines" before the click (figures below zero)
  await page.keyboard.press('Alt+T');
  await page.getByRole('textbox', { name: 'URL' }).fill(`${serverUrl}/doc?bytes=${bytes}`);
  await page.evaluate(() => {
    const marks = window as unknown as { __clickAt?: number; __firstLinesAt?: number };
    document.addEventListener('click', () => void (marks.__clickAt ??= performance.now()), { capture: true, once: true });
    const check = () => {
      const lines = document.querySelectorAll('[data-testid="response-body"] .view-line, [aria-label="Body preview"]');
      const shown = marks.__clickAt !== undefined && Array.from(lines).some((node) => (node.textContent ?? '').includes('item-'));
      if (shown) marks.__firstLinesAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
    window.__longTasks = [];
  });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForFunction(() => (window as unknown as { __firstLinesAt?: number }).__firstLinesAt !== undefined, undefined, { timeout: 120_000 });
  // Let the rest of the load (worker, editor model) finish so its long tasks are counted too.
  await page.waitForFunction(() => document.querySelector('[data-testid="response-body-loading"]') === null, undefined, { timeout: 120_000 });
  await page.waitForTimeout(500);
  const { renderMs, tasks } = await page.evaluate(() => {
    const marks = window as unknown as { __clickAt: number; __firstLinesAt: number };
    return { renderMs: marks.__firstLinesAt - marks.__clickAt, tasks: window.__longTasks ?? [] };
  });
  await page.context().close();
  return { renderMs, longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0 };
}

export async function benchRenderer(root: string): Promise<Metrics> {
  const browser = await launchChromium();
  const courier = await startCourierWeb();
  const fixture = await startFixtureServer();
  try {
    const send = await sendToRender(browser, courier, fixture);

    const jsonServer = await startJsonServer([10 * 1024 * 1024, 50 * 1024 * 1024]);
    const json10 = [];
    const json50 = [];
    try {
      for (let i = 0; i < 3; i += 1) json10.push(await largeJson(browser, courier, jsonServer.url, 10 * 1024 * 1024));
      for (let i = 0; i < 3; i += 1) json50.push(await largeJson(browser, courier, jsonServer.url, 50 * 1024 * 1024));
    } finally {
      await jsonServer.close();
    }

    const json200 = await benchJson200mb(browser);

    const cold = await benchColdLoad(root, browser, courier.url);

    return {
      send_to_render_ms_p50: {
        value: round(percentile(send, 50), 1),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 50 ms',
        how: `web mode in Chromium, click (as the page receives it) → status element inserted, small JSON from a local server, ${send.length} runs (p95 ${round(percentile(send, 95), 1)} ms)`,
      },
      json10mb_render_ms: {
        value: round(median(json10.map((r) => r.renderMs)), 0),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 500 ms',
        how: '10 MB JSON response from a local server: click Send → first body lines visible (timed in the page, app settled first), median of 3 runs',
      },
      json10mb_longest_task_ms: {
        value: round(median(json10.map((r) => r.longestTaskMs)), 0),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 100 ms',
        how: 'longest main-thread task (PerformanceObserver longtask) during that load, median of 3 runs; 0 = no task over 50 ms',
      },
      json50mb_longest_task_ms: {
        value: round(median(json50.map((r) => r.longestTaskMs)), 0),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 100 ms',
        how: `the same for a 50 MB JSON response (first lines after ${round(median(json50.map((r) => r.renderMs)), 0)} ms), median of 3 runs`,
      },
      ...json200,
      ...cold,
    };
  } finally {
    await fixture.close();
    await courier.stop();
    await browser.close();
  }
}

/** The 200 MB figures alone (`npm run bench -- json200mb`): they take a minute or more of their own. */
export async function benchJson200mbAlone(): Promise<Metrics> {
  const browser = await launchChromium();
  try {
    return await benchJson200mb(browser);
  } finally {
    await browser.close();
  }
}
