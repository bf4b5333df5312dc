import type { Browser } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { launchChromium } from './browser';
import { startBlankPage } from './blank-page';
import { startCourierWeb } from '../../e2e/support/courier-web';
import { median, round, type Metrics } from './report';

const RUNS = 9;

declare global {
  interface Window {
    __readyAt?: number;
  }
}

/** What the page logs once it has taken its ready time: the harness waits for it without touching the page. */
const READY_MESSAGE = 'courier-cold-load-ready';

/**
 * Init script: the time of the first frame painted with the URL field and the Send button in it, taken in the page.
 * Playwright's own polling for them adds round trips that, on a loaded machine, were longer than the load itself.
 * The paint is the task after the next animation frame (requestAnimationFrame, then a message).
 */
export const READY_OBSERVER = `
  new MutationObserver((_records, observer) => {
    const url = document.querySelector('[aria-label="URL"]');
    const send = Array.from(document.querySelectorAll('button')).some((button) => button.textContent.trim() === 'Send');
    if (!url || !send) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__readyAt = performance.now(); console.debug('${READY_MESSAGE}'); };
      channel.port2.postMessage(null);
    });
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Fresh context each time (no cache): navigation start → URL bar and Send present, and the gzipped size of the scripts
 * the page fetched up to its load event. Monaco is requested at idle after that, so it does not count, as intended.
 *
 * Nothing runs script in the page until it has logged its ready time: Playwright's locators, waitForFunction and
 * evaluate first inject Playwright's own script (20 ms of the page's main thread here, 300 ms on a loaded machine).
 * `goto` returns at the load event, which Courier fires before its first render and the blank page after its own, so
 * that injection used to land inside Courier's measured window (between its commit and its paint) and never inside
 * the blank page's. The console message arrives over the protocol without running anything in the page.
 */
export async function coldLoad(browser: Browser, url: string): Promise<{ ms: number; jsGzBytes: number }> {
  const context = await browser.newContext();
  await context.addInitScript(READY_OBSERVER);
  const page = await context.newPage();
  const sizes = new Map<string, number>();
  const bodies: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(
      response
        .body()
        .then((body) => void sizes.set(response.url(), gzipSync(body).length))
        .catch(() => undefined),
    );
  });
  const ready = page.waitForEvent('console', { predicate: (message) => message.text() === READY_MESSAGE, timeout: 60_000 });
  await page.goto(url);
  await ready;
  const ms = await page.evaluate(() => window.__readyAt ?? Number.NaN);
  // what the mark stands for, checked once it is taken: the URL field and Send are there for a person to use (and
  // keys typed from that frame on are kept when the session comes back after it: e2e/workflows/typing-at-start.spec.ts)
  await page.getByRole('textbox', { name: 'URL' }).waitFor();
  await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  const initialScripts = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const loadEnd = navigation?.loadEventEnd ?? 0;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.name.endsWith('.js') && entry.startTime <= loadEnd)
      .map((entry) => entry.name);
  });
  const jsGzBytes = initialScripts.reduce((sum, script) => sum + (sizes.get(script) ?? 0), 0);
  await context.close();
  return { ms, jsGzBytes };
}

/**
 * Courier's cold load, and the same load of a blank React page built by the same Vite config, taken in turns in one
 * run: on a shared machine the absolute figure swings with the load, the ratio much less.
 */
export async function benchColdLoad(root: string, browser: Browser, courierUrl: string): Promise<Metrics> {
  const blank = await startBlankPage(root);
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  try {
    // one of each first, unmeasured: the browser's own first-use costs (process spawn, code caches) belong to neither
    await coldLoad(browser, courierUrl);
    await coldLoad(browser, blank.url);
    const courier: { ms: number; jsGzBytes: number }[] = [];
    const ratios: number[] = [];
    const blanks: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const app = await coldLoad(browser, courierUrl);
      const floor = await coldLoad(browser, blank.url);
      courier.push(app);
      blanks.push(floor.ms);
      ratios.push(app.ms / floor.ms);
    }
    const blankMs = median(blanks);
    return {
      renderer_cold_load_ms: {
        value: round(median(courier.map((r) => r.ms)), 0),
        unit: 'ms',
        baseline: round(blankMs, 0),
        ratio: round(median(ratios), 2),
        target: '≤ 250 ms',
        how: `fresh browser context: navigation start (token URL) → first frame painted with the URL bar and Send button (timed in the page), median of ${RUNS} runs; baseline = the blank React page (load average ${load})`,
      },
      renderer_cold_load_vs_blank: {
        value: round(median(ratios), 2),
        unit: '×',
        baseline: null,
        ratio: null,
        target: '≤ 2.0',
        how: `Courier's cold load ÷ a blank React page's (scripts/bench/blank-page, built by the same vite.config.ts, same two controls), loaded in turns in one run, median of ${RUNS} pairs (blank ${round(blankMs, 0)} ms; load average ${load})`,
      },
      renderer_initial_js_kb_gz: {
        value: round(median(courier.map((r) => r.jsGzBytes)) / 1024, 1),
        unit: 'KB gz',
        baseline: null,
        ratio: null,
        target: '≤ 400 KB',
        how: `gzipped size of the scripts fetched up to the load event (Monaco is fetched at idle, after it), median of ${RUNS} cold loads`,
      },
    };
  } finally {
    await blank.close();
  }
}

/** `npm run bench -- renderer-cold`: the cold-load figures alone, for work on start-up. */
export async function benchColdLoadAlone(root: string): Promise<Metrics> {
  const browser = await launchChromium();
  const courier = await startCourierWeb();
  try {
    return await benchColdLoad(root, browser, courier.url);
  } finally {
    await courier.stop();
    await browser.close();
  }
}
