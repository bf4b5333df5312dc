import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { createWebSocketService } from '../../electron/services/websocket';
import { wsRequestSpecSchema, type WsEvent } from '../../shared/contract';
import { startCourierWeb } from '../../e2e/support/courier-web';
import { LONG_TASK_OBSERVER, launchChromium } from './browser';
import { median, percentile, round, type Metrics } from './report';
import { AS_USERS_RUN, feedMessage, startStreamBenchServer } from './stream-servers';

const ECHOES = 1_000;
const WARMUP = 100;
const RUNS = 5;
/** Pause between round trips: interactive traffic, not a flood (a flood is batched on purpose, see event-batcher.ts). */
const GAP_MS = 2;
/** Messages of the flood: a few seconds at the target rate. */
const FLOOD_MESSAGES = 200_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Round trips through the WebSocket service (send → echo → the event the renderer would get) against raw `ws`. */
async function echoRoundTrips(port: number): Promise<{ raw: number; ours: number }> {
  const url = `ws://127.0.0.1:${port}/echo`;
  const payload = feedMessage(0);

  const raw = new WebSocket(url);
  await new Promise((resolve) => raw.once('open', resolve));
  const rawEcho = () =>
    new Promise<void>((resolve) => {
      raw.once('message', () => resolve());
      raw.send(payload);
    });

  let waiting: (() => void) | null = null;
  const service = createWebSocketService({
    userAgent: 'Courier-bench',
    onEvents: (batch) => {
      if (batch.events.some((event: WsEvent) => event.type === 'message' && event.message.direction === 'received')) {
        const done = waiting;
        waiting = null;
        done?.();
      }
    },
  });
  await service.connect('bench', wsRequestSpecSchema.parse({ url }));
  const ourEcho = () =>
    new Promise<void>((resolve) => {
      waiting = resolve;
      void service.send('bench', 'text', payload);
    });

  const measure = async (fn: () => Promise<void>): Promise<number> => {
    for (let i = 0; i < WARMUP; i += 1) await fn();
    const samples: number[] = [];
    for (let i = 0; i < ECHOES; i += 1) {
      await pause(GAP_MS);
      const t0 = performance.now();
      await fn();
      samples.push((performance.now() - t0) * 1000);
    }
    return percentile(samples, 50);
  };
  const rawRuns: number[] = [];
  const ourRuns: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    rawRuns.push(await measure(rawEcho));
    ourRuns.push(await measure(ourEcho));
  }
  raw.close();
  await service.close();
  return { raw: median(rawRuns), ours: median(ourRuns) };
}

/**
 * The UI under a flood: web mode in Chromium, one session receiving `total` 200-byte JSON messages from a server that
 * sends as fast as the app reads (stream-servers.ts). The page samples the log's count every frame; the rate it climbs
 * at is messages/s the UI kept up with.
 */
async function ingest(port: number, total: number): Promise<{ shownPerSecond: number; longestTaskMs: number; shown: number; seconds: number }> {
  const browser = await launchChromium();
  const courier = await startCourierWeb(AS_USERS_RUN);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(LONG_TASK_OBSERVER);
    const page = await context.newPage();
    await page.goto(courier.url);
    await page.getByRole('radiogroup', { name: 'Request kind' }).getByText('WebSocket', { exact: true }).click();
    await page.getByRole('textbox', { name: 'WebSocket URL' }).waitFor();
    await page.waitForTimeout(1_000);
    // window.performance: the bundler renames a bare `performance` that would clash with node:perf_hooks.
    await page.evaluate(() => {
      const samples: [number, number][] = [];
      (window as unknown as { __samples: [number, number][] }).__samples = samples;
      // Long tasks with their start, so only those while the stream runs are counted (not Monaco loading, not the end).
      const tasks: [number, number][] = [];
      (window as unknown as { __tasks: [number, number][] }).__tasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask' });
      const read = () => {
        const text = document.querySelector('[data-testid="ws-log-count"]')?.textContent ?? '';
        const numbers = [...text.matchAll(/([\d,]+) (messages|older)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
        samples.push([window.performance.now(), numbers.reduce((a, b) => a + b, 0)]);
        requestAnimationFrame(read);
      };
      requestAnimationFrame(read);
    });
    await page.getByRole('textbox', { name: 'WebSocket URL' }).fill(`ws://127.0.0.1:${port}/flood?count=${total}`);
    await page.evaluate(() => void (window.__longTasks = []));
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    try {
      await page.waitForFunction((t) => ((window as unknown as { __samples: [number, number][] }).__samples.at(-1)?.[1] ?? 0) >= t, total, {
        timeout: 120_000,
        polling: 500,
      });
    } catch (error) {
      const tail = await page.evaluate(() => (window as unknown as { __samples: [number, number][] }).__samples.slice(-3));
      const count = await page.locator('[data-testid="ws-log-count"]').textContent();
      throw new Error(`the log stopped at ${JSON.stringify(tail)} ("${count}") of ${total}`, { cause: error });
    }
    const { samples, tasks } = await page.evaluate(() => ({
      samples: (window as unknown as { __samples: [number, number][] }).__samples,
      tasks: (window as unknown as { __tasks: [number, number][] }).__tasks,
    }));
    const first = samples.find(([, count]) => count > 0)!;
    const last = samples.find(([, count]) => count >= total)!;
    await context.close();
    const during = tasks.filter(([start, duration]) => start + duration >= first[0] && start <= last[0]).map(([, duration]) => duration);
    console.log(`  ws ingest long tasks (start ms, duration ms): ${JSON.stringify(tasks.map(([a, b]) => [Math.round(a - first[0]), Math.round(b)]))}`);
    const seconds = (last[0] - first[0]) / 1000;
    return { shownPerSecond: (last[1] - first[1]) / seconds, longestTaskMs: during.length > 0 ? Math.max(...during) : 0, shown: last[1], seconds };
  } finally {
    await courier.stop();
    await browser.close();
  }
}

export async function benchWebsocket(): Promise<Metrics> {
  const server = await startStreamBenchServer();
  try {
    const echo = await echoRoundTrips(server.port);
    const total = FLOOD_MESSAGES;
    const flood = await ingest(server.port, total);
    return {
      ws_echo_added_us_p50: {
        value: round(echo.ours - echo.raw, 1),
        unit: 'µs',
        baseline: round(echo.raw, 1),
        ratio: round(echo.ours / echo.raw, 3),
        target: '≤ 100 µs',
        how: `${ECHOES} round trips of a 200-byte message, one every ${GAP_MS} ms, through the WebSocket service (send → echo → batched event) vs raw ws in the same run; p50, median of ${RUNS} runs`,
      },
      ws_ingest_msgs_per_s: {
        value: round(flood.shownPerSecond, 0),
        unit: 'msg/s',
        baseline: null,
        ratio: null,
        target: '≥ 50,000 (no long task over 50 ms)',
        how: `web mode in Chromium, a server sending ${total} 200-byte JSON messages as fast as the app reads them (it waits while the socket is full); messages the log counted per second (frame samples, ${round(flood.seconds, 1)} s); longest main-thread task while messages arrived ${round(flood.longestTaskMs, 0)} ms`,
      },
      ws_ingest_longest_task_ms: {
        value: round(flood.longestTaskMs, 0),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 50 ms',
        how: `the longest main-thread task (PerformanceObserver 'longtask') while the ws_ingest_msgs_per_s flood arrived; 0 when none was over 50 ms`,
      },
    };
  } finally {
    await server.close();
  }
}
