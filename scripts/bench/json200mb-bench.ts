import type { Browser } from '@playwright/test';
import { startCourierWeb } from '../../e2e/support/courier-web';
import { startJsonServer } from './json-server';
import { openCourier } from './renderer-bench';
import { median, round, type Metrics } from './report';

const BYTES = 200 * 1024 * 1024;
const RUNS = 3;

interface Run {
  firstLinesMs: number;
  loadedMs: number;
  endShownMs: number;
  longestTaskMs: number;
}

/**
 * A 200 MB JSON response, shown and browsed: click Send → first body lines visible; then the whole body into the
 * viewer (the "Load anyway" the app offers above its auto-load limit, when it does) → its end reached with Ctrl+End.
 * Long tasks are counted from the click to the end shown, so loading, building the view and scrolling all count.
 */
async function showAndBrowse(browser: Browser, url: string, lastItem: number): Promise<Run> {
  // A Courier of its own per run: the previous run's 200 MB (history copying it, the kept body, the tab coming back
  // with it) made each run slower than the last (first lines 2.6 s, 8.9 s, 14.1 s in one Courier).
  const courier = await startCourierWeb();
  try {
    return await showAndBrowseIn(browser, courier.url, url, lastItem);
  } finally {
    await courier.stop();
  }
}

async function showAndBrowseIn(browser: Browser, courierUrl: string, url: string, lastItem: number): Promise<Run> {
  const page = await openCourier(browser, { url: courierUrl });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);
  await page.getByRole('textbox', { name: 'URL' }).fill(url);
  await page.evaluate(() => {
    const marks = window as unknown as { __clickAt?: number; __firstLinesAt?: number };
    // The tab may come back showing the previous run's response (same data directory): only a new body counts.
    const check = () => {
      const lines = document.querySelectorAll(
        '[data-testid="response-body"]:not([data-bench-old]) .view-line, [data-testid="response-body"]:not([data-bench-old]) [aria-label="Body preview"]',
      );
      if (Array.from(lines).some((node) => (node.textContent ?? '').includes('item-'))) marks.__firstLinesAt = performance.now();
      else requestAnimationFrame(check);
    };
    document.addEventListener(
      'click',
      () => {
        marks.__clickAt = performance.now();
        for (const node of document.querySelectorAll('[data-testid="response-body"]')) node.setAttribute('data-bench-old', '');
        requestAnimationFrame(check);
      },
      { capture: true, once: true },
    );
    window.__longTasks = [];
    const tasks: [number, number][] = [];
    (window as unknown as { __tasks: [number, number][] }).__tasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask' });
  });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForFunction(() => (window as unknown as { __firstLinesAt?: number }).__firstLinesAt !== undefined, undefined, { timeout: 180_000 });
  const loadAnyway = page.getByRole('button', { name: 'Load anyway' });
  await page
    .locator('[data-testid="response-body"]:not([data-bench-old]) :is([data-testid="response-body-large"], .view-line)')
    .first()
    .waitFor({ timeout: 180_000 });
  if (await loadAnyway.isVisible()) await loadAnyway.click();
  await page.locator('[data-testid="response-body"]:not([data-bench-old]) .monaco-editor .view-line').first().waitFor({ timeout: 300_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="response-body-loading"]') === null, undefined, { timeout: 300_000 });
  const loadedAt = await page.evaluate(() => performance.now());
  await page.locator('[data-testid="response-body"] .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.waitForFunction(
    (needle) => Array.from(document.querySelectorAll('[data-testid="response-body"] .view-line')).some((node) => (node.textContent ?? '').includes(needle)),
    `item-${lastItem}"`,
    { timeout: 60_000 },
  );
  const endAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  // where the long tasks fell (ms after the click), to tell loading from building the view from scrolling
  const phases = await page.evaluate(() => {
    const clickAt = (window as unknown as { __clickAt: number }).__clickAt;
    const at = (ms: number) => Math.round(ms - clickAt);
    return [
      ...performance.getEntriesByType('measure').map((m) => `${m.name} at ${at(m.startTime)} took ${Math.round(m.duration)} ms`),
      `long tasks ${JSON.stringify((window as unknown as { __tasks: [number, number][] }).__tasks.filter(([, d]) => d > 80).map(([s, d]) => [at(s), Math.round(d)]))}`,
    ];
  });
  const run = await page.evaluate(
    ({ loadedAt, endAt }) => {
      const marks = window as unknown as { __clickAt: number; __firstLinesAt: number };
      const tasks = window.__longTasks ?? [];
      return {
        firstLinesMs: marks.__firstLinesAt - marks.__clickAt,
        loadedMs: loadedAt - marks.__clickAt,
        endShownMs: endAt - marks.__clickAt,
        longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0,
      };
    },
    { loadedAt, endAt },
  );
  await page.context().close();
  console.log(
    `  json200mb run: first lines ${Math.round(run.firstLinesMs)} ms, loaded ${Math.round(run.loadedMs)} ms, end shown ${Math.round(run.endShownMs)} ms, longest task ${Math.round(run.longestTaskMs)} ms; ${phases.join(', ')}`,
  );
  return run;
}

export async function benchJson200mb(browser: Browser): Promise<Metrics> {
  const server = await startJsonServer([BYTES]);
  const runs: Run[] = [];
  try {
    const url = `${server.url}/doc?bytes=${BYTES}`;
    for (let i = 0; i < RUNS; i += 1) runs.push(await showAndBrowse(browser, url, server.items.get(BYTES)! - 1));
  } finally {
    await server.close();
  }
  const mid = (pick: (run: Run) => number) => round(median(runs.map(pick)), 0);
  return {
    json200mb_first_lines_ms: {
      value: mid((r) => r.firstLinesMs),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: '≤ 1,500 ms',
      how: `200 MB JSON response from a local server: click Send → first body lines visible (timed in the page, app settled first), median of ${RUNS} runs`,
    },
    json200mb_longest_task_ms: {
      value: mid((r) => r.longestTaskMs),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: '≤ 100 ms',
      how: `longest main-thread task from that click until the whole body is in the viewer (after "Load anyway" where offered; loaded after ${mid((r) => r.loadedMs)} ms) and Ctrl+End shows its last item (after ${mid((r) => r.endShownMs)} ms); median of ${RUNS} runs; 0 = no task over 50 ms`,
    },
  };
}
