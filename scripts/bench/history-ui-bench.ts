import { type Browser, type Page } from '@playwright/test';
import { LONG_TASK_OBSERVER, launchChromium } from './browser';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { httpExchangeSchema, httpRequestSpecSchema, type HttpExchange } from '../../shared/contract';
import { bufferSource, createHistoryService, type RecordInput } from '../../electron/services/history';
import { startCourierWeb, type CourierWeb } from '../../e2e/support/courier-web';
import { median, round, type Metrics } from './report';

const ENTRIES = 100_000;
const BATCH = 5_000;

declare global {
  interface Window {
    __rowsShownAt?: number;
  }
}

const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const STATUSES: Array<[number, string]> = [
  [200, 'OK'],
  [200, 'OK'],
  [201, 'Created'],
  [204, 'No Content'],
  [304, 'Not Modified'],
  [404, 'Not Found'],
  [500, 'Internal Server Error'],
];
const HOSTS = ['api.example.com', 'staging.example.com', '127.0.0.1:8080', 'auth.example.org'];

/** A realistic spread: ~60 days of traffic, varied methods, statuses, hosts and paths; a few dozen distinct bodies. */
function syntheticEntry(i: number, now: number, bodies: Buffer[]): RecordInput {
  const method = METHODS[i % METHODS.length]!;
  const [status, statusText] = STATUSES[(i * 5 + (i >> 4)) % STATUSES.length]!;
  const host = HOSTS[i % HOSTS.length]!;
  const url = `http://${host}/v1/resources/${i % 997}/items?page=${i % 13}`;
  const sentAt = now - (ENTRIES - i) * 50_000;
  const body = bodies[i % bodies.length]!;
  const exchange: HttpExchange = httpExchangeSchema.parse({
    requestId: `bench-${i}`,
    request: {
      method,
      url,
      httpVersion: '1.1',
      headers: [
        ['host', host],
        ['accept', '*/*'],
      ],
      bodyBytes: 0,
    },
    response: {
      status,
      statusText,
      httpVersion: '1.1',
      headers: [
        ['content-type', 'application/json'],
        ['content-length', String(body.length)],
      ],
    },
    redirects: [],
    timings: { startedAt: sentAt, dns: 0, connect: 1, tls: 0, wait: 5 + (i % 40), download: 1, total: 8 + (i % 40), reusedConnection: i % 2 === 0 },
    sizes: { requestHeaderBytes: 80, requestBodyBytes: 0, responseHeaderBytes: 90, responseBodyWireBytes: body.length, responseBodyBytes: body.length },
    remoteAddress: '127.0.0.1',
    remotePort: 8080,
    tls: null,
    body: { id: `bench-body-${i}`, size: body.length, contentType: 'application/json', contentEncodings: [], spooled: false },
    raw: { requestHead: `${method} / HTTP/1.1\r\n`, responseHead: `HTTP/1.1 ${status} ${statusText}\r\n` },
    warnings: [],
  });
  return {
    sentAt,
    composed: httpRequestSpecSchema.parse({ method, url }),
    exchange,
    error: null,
    responseBody: bufferSource(body),
    requestBody: null,
  };
}

/**
 * Fills a data directory's history through the store itself (one transaction per batch): far faster and less fragile
 * than pushing a 100 MB HAR through the bridge, and it is the same code path every sent request takes.
 */
async function prefill(dataDir: string): Promise<number> {
  const started = Date.now();
  const history = createHistoryService({ dir: path.join(dataDir, 'history'), orphanSweepDelayMs: 3_600_000 });
  const bodies = Array.from({ length: 40 }, (_, k) =>
    Buffer.from(JSON.stringify({ id: k, items: Array.from({ length: 5 + k }, (_, n) => ({ n, name: `item-${k}-${n}` })) })),
  );
  const now = Date.now();
  try {
    for (let start = 0; start < ENTRIES; start += BATCH) {
      const batch: RecordInput[] = [];
      for (let i = start; i < Math.min(ENTRIES, start + BATCH); i++) batch.push(syntheticEntry(i, now, bodies));
      await history.recordMany(batch, 'imported');
    }
    const usage = history.usage();
    if (usage.entries !== ENTRIES) throw new Error(`Prefill kept ${usage.entries} entries, expected ${ENTRIES}.`);
  } finally {
    await history.close();
  }
  return Date.now() - started;
}

async function openCourier(browser: Browser, courier: CourierWeb): Promise<Page> {
  // A fresh context: empty localStorage, so the panel starts closed, as on a first launch.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(LONG_TASK_OBSERVER);
  const page = await context.newPage();
  await page.goto(courier.url);
  await page.getByRole('textbox', { name: 'URL' }).waitFor();
  await page.getByRole('button', { name: 'History', exact: true }).waitFor();
  // Let the app settle first: Monaco is fetched and warmed up at idle after start, which is not the panel's cost.
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('monaco-setup')), undefined, { timeout: 20_000 })
    .catch(() => undefined);
  await page.waitForTimeout(1_500);
  return page;
}

/** Click "History" → the first rows painted, timed inside the page (click dispatch → the frame after rows exist). */
async function openPanel(browser: Browser, courier: CourierWeb): Promise<{ ms: number; page: Page }> {
  const page = await openCourier(browser, courier);
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const toggle = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'History');
        if (!toggle) return reject(new Error('No History button'));
        const started = performance.now();
        const done = () => requestAnimationFrame(() => resolve(performance.now() - started));
        const observer = new MutationObserver(() => {
          if (document.querySelector('[role="list"][aria-label="History entries"] [role="listitem"] button')) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => reject(new Error('No rows after 30 s')), 30_000);
        toggle.click();
      }),
  );
  return { ms, page };
}

/** Scrolls the list from the first entry to the last (scrollbar-style jumps, then wheel steps) and reports the longest task. */
async function scrollEndToEnd(page: Page): Promise<{ longestTaskMs: number; lastRowShown: boolean }> {
  await page.evaluate(() => {
    window.__longTasks = [];
  });
  const steps = 150;
  for (let step = 1; step <= steps; step++) {
    await page.evaluate(
      (fraction) =>
        new Promise<void>((resolve) => {
          const list = document.querySelector<HTMLElement>('[role="list"][aria-label="History entries"]');
          if (list) list.scrollTop = fraction * (list.scrollHeight - list.clientHeight);
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 15)));
        }),
      step / steps,
    );
  }
  // A person's wheel at the end of the list, and back up a little.
  const box = await page.getByRole('list', { name: 'History entries' }).boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, i < 20 ? -600 : 600);
  }
  await page.waitForFunction(() => document.querySelector('[aria-posinset="100000"] button') !== null, undefined, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
  const lastRowShown = await page.evaluate(() => document.querySelector('[aria-posinset="100000"] button') !== null);
  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  return { longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0, lastRowShown };
}

export async function benchHistoryUi(_root: string): Promise<Metrics> {
  // COURIER_BENCH_HISTORY_DIR: a data directory to fill once and reuse across runs (filling takes minutes).
  const keptDir = process.env.COURIER_BENCH_HISTORY_DIR;
  const dataDir = keptDir ?? (await mkdtemp(path.join(tmpdir(), 'courier-bench-history-ui-')));
  let courier: CourierWeb | null = null;
  let browser: Browser | null = null;
  try {
    if (keptDir && existsSync(path.join(keptDir, 'history', 'history.db'))) {
      console.log(`  (reusing the history in ${keptDir})`);
    } else {
      const prefillMs = await prefill(dataDir);
      console.log(`  (prefilled ${ENTRIES.toLocaleString('en-US')} entries in ${(prefillMs / 1000).toFixed(1)} s)`);
    }
    courier = await startCourierWeb({ dataDir });
    browser = await launchChromium();

    const opens: number[] = [];
    const scrolls: number[] = [];
    let reachedEnd = true;
    for (let run = 0; run < 7; run++) {
      const { ms, page } = await openPanel(browser, courier);
      opens.push(ms);
      if (run < 3) {
        const scroll = await scrollEndToEnd(page);
        scrolls.push(scroll.longestTaskMs);
        reachedEnd &&= scroll.lastRowShown;
      }
      await page.context().close();
    }
    return {
      history_open_panel_ms: {
        value: round(median(opens), 0),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 150 ms',
        how: `web mode in Chromium on a store of ${ENTRIES.toLocaleString('en-US')} entries: click History → first rows painted, fresh context each run, median of ${opens.length} (max ${round(Math.max(...opens), 0)} ms)`,
      },
      history_scroll_longest_task_ms: {
        value: round(median(scrolls), 0),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 50 ms',
        how: `longest main-thread task (PerformanceObserver longtask; 0 = none over 50 ms) while scrolling the panel from the first to the last of ${ENTRIES.toLocaleString('en-US')} entries (150 scrollbar jumps, then 40 wheel steps), median of ${scrolls.length} runs${reachedEnd ? '' : ' — WARNING: the last row was not shown'}`,
      },
    };
  } finally {
    await browser?.close();
    await courier?.stop();
    if (!keptDir) await rm(dataDir, { recursive: true, force: true });
  }
}
