import { type Browser, type Page } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startCourierWeb, type CourierWeb } from '../../e2e/support/courier-web';
import { LONG_TASK_OBSERVER, launchChromium } from './browser';
import { round, type Metrics } from './report';

// The runner dialog under load: a run of 1,000 requests × 5 iterations to a local server, its results
// streaming into the open dialog, then two such runs compared and the comparison scrolled end to end. The figure is
// the longest main-thread task (PerformanceObserver longtask) in either phase: what a user feels as a stutter.
const REQUESTS = 1000;
const ITERATIONS = 5;
const TOTAL = REQUESTS * ITERATIONS;
const COLLECTION = 'Bench API';

const json = (value: unknown) => `${JSON.stringify(value)}\n`;

/** One collection of 1,000 GETs in one folder, each with a status check, as files in the data folder's workspace. */
async function seedWorkspace(dataDir: string, origin: string): Promise<void> {
  const root = path.join(dataDir, 'workspace', 'bench-api');
  const folder = path.join(root, 'load');
  await mkdir(folder, { recursive: true });
  const names = Array.from({ length: REQUESTS }, (_, i) => `item-${String(i).padStart(4, '0')}.request.json`);
  await Promise.all(
    names.map((file, i) =>
      writeFile(
        path.join(folder, file),
        json({
          format: 3,
          name: `Item ${i}`,
          method: 'GET',
          url: `${origin}/items/${i}`,
          tests: { assertions: [{ target: 'status', operator: 'equals', expected: '200' }] },
        }),
      ),
    ),
  );
  await writeFile(path.join(folder, 'folder.json'), json({ name: 'Load', order: names }));
  await writeFile(path.join(root, 'collection.json'), json({ name: COLLECTION, order: ['load'] }));
}

async function openRunner(page: Page) {
  const item = page.getByRole('treeitem', { name: COLLECTION, exact: true });
  await item.waitFor();
  await item.click({ button: 'right' });
  await page
    .getByRole('menu', { name: `Actions for ${COLLECTION}` })
    .getByRole('menuitem', { name: 'Run…' })
    .click();
  const runner = page.getByRole('dialog', { name: `Run “${COLLECTION}”` });
  await runner.waitFor();
  return runner;
}

const resetLongTasks = (page: Page) =>
  page.evaluate(() => {
    window.__longTasks = [];
  });
const longestTask = async (page: Page) => {
  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  return { longest: tasks.length > 0 ? Math.max(...tasks) : 0, count: tasks.length };
};

/** Run → every result in; the longest task while they stream in. Answers how long the run took, as the page saw it. */
async function streamRun(page: Page, runner: ReturnType<Page['getByRole']>): Promise<{ longest: number; count: number; ms: number }> {
  await runner.getByRole('tab', { name: 'Results' }).click();
  await runner.getByRole('spinbutton', { name: 'Iterations' }).fill(String(ITERATIONS));
  await resetLongTasks(page);
  const started = Date.now();
  await runner.getByRole('button', { name: 'Run', exact: true }).click();
  const totals = runner.getByRole('status', { name: 'Run totals' });
  await totals.filter({ hasText: new RegExp(`^${TOTAL} requests: ${TOTAL} passed, 0 failed.*finished`) }).waitFor({ timeout: 300_000 });
  const ms = Date.now() - started;
  // the last batch's render, and the kept list refreshing
  await page.waitForTimeout(500);
  return { ...(await longestTask(page)), ms };
}

/** Kept runs → tick both → Compare → the table scrolled top to bottom (scrollbar jumps, then wheel steps). */
async function compareAndScroll(page: Page, runner: ReturnType<Page['getByRole']>): Promise<{ longest: number; count: number; lastRowShown: boolean }> {
  await runner.getByRole('tab', { name: 'Kept runs' }).click();
  const kept = runner.getByRole('region', { name: 'Kept runs' });
  const boxes = kept.getByRole('checkbox');
  await boxes.nth(1).waitFor();
  for (const box of await boxes.all()) await box.check();
  await resetLongTasks(page);
  await kept.getByRole('button', { name: /^Compare/ }).click();
  const table = runner.getByRole('table', { name: 'Compared requests' });
  await table.getByRole('row').nth(1).waitFor();
  await page.waitForFunction((rows) => document.querySelector(`[aria-label="Compared requests"]`)?.getAttribute('aria-rowcount') === String(rows), TOTAL + 1);
  const steps = 100;
  for (let step = 1; step <= steps; step++) {
    await page.evaluate(
      (fraction) =>
        new Promise<void>((resolve) => {
          const grid = document.querySelector<HTMLElement>('[aria-label="Compared requests"]');
          if (grid) grid.scrollTop = fraction * (grid.scrollHeight - grid.clientHeight);
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 15)));
        }),
      step / steps,
    );
  }
  const box = await table.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, i < 20 ? -600 : 600);
  }
  await page.waitForTimeout(500);
  const lastRowShown = await page.evaluate((last) => document.querySelector(`[aria-label="Compared requests"] [aria-rowindex="${last}"]`) !== null, TOTAL + 1);
  return { ...(await longestTask(page)), lastRowShown };
}

export async function benchRunnerUi(_root: string): Promise<Metrics> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 1, url: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-bench-runner-ui-'));
  let courier: CourierWeb | null = null;
  let browser: Browser | null = null;
  try {
    await seedWorkspace(dataDir, origin);
    courier = await startCourierWeb({ dataDir });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(LONG_TASK_OBSERVER);
    const page = await context.newPage();
    await page.goto(courier.url);
    await page.getByRole('textbox', { name: 'URL' }).waitFor();
    // let start-up's own work (Monaco fetched at idle) finish, so it is not counted as the runner's
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_500);
    const runner = await openRunner(page);
    const first = await streamRun(page, runner);
    const second = await streamRun(page, runner);
    const compare = await compareAndScroll(page, runner);
    if (!compare.lastRowShown) throw new Error('the comparison did not scroll to its last row');
    await context.close();
    const streaming = Math.max(first.longest, second.longest);
    const worst = Math.max(streaming, compare.longest);
    return {
      runner_ui_longest_task_ms: {
        value: round(worst, 0),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 50 ms',
        how: `web mode in Chromium, the runner dialog open: ${REQUESTS} GETs (each with a status check) × ${ITERATIONS} iterations to a local server, results streaming in live (twice: ${round(first.ms / 1000, 1)} s and ${round(second.ms / 1000, 1)} s; longest task ${round(streaming, 0)} ms, ${first.count + second.count} tasks over 50 ms), then the two runs compared (${TOTAL.toLocaleString('en-US')} rows) and scrolled end to end (longest ${round(compare.longest, 0)} ms, ${compare.count} over 50 ms): the longest main-thread task (PerformanceObserver longtask) of both phases; 0 = none over 50 ms`,
      },
    };
  } finally {
    await browser?.close();
    await courier?.stop();
    server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
