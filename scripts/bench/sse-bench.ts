import { startCourierWeb } from '../../e2e/support/courier-web';
import { LONG_TASK_OBSERVER, launchChromium } from './browser';
import { round, type Metrics } from './report';
import { AS_USERS_RUN, startStreamBenchServer } from './stream-servers';

/** Events of the stream: a few seconds at the target rate. */
const EVENTS = 200_000;

/**
 * sse_events_per_s: web mode in Chromium, a text/event-stream of 200-byte JSON events from a server that writes as fast
 * as the app reads (it waits for 'drain'); the page samples the live "N events so far" counter every frame. The rate it
 * climbs at is the events/s shown live.
 */
export async function benchSse(): Promise<Metrics> {
  const server = await startStreamBenchServer();
  const browser = await launchChromium();
  const courier = await startCourierWeb(AS_USERS_RUN);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(LONG_TASK_OBSERVER);
    const page = await context.newPage();
    await page.goto(courier.url);
    await page.getByRole('textbox', { name: 'URL' }).waitFor();
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
        const text = document.querySelector('[data-testid="sse-live-count"]')?.textContent ?? '';
        const match = /([\d,]+) events so far/.exec(text);
        if (match) samples.push([window.performance.now(), Number(match[1]!.replace(/,/g, ''))]);
        requestAnimationFrame(read);
      };
      requestAnimationFrame(read);
    });
    await page.getByRole('textbox', { name: 'URL' }).fill(`http://127.0.0.1:${server.port}/sse?count=${EVENTS}`);
    await page.evaluate(() => void (window.__longTasks = []));
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('tab', { name: 'Response events' }).waitFor({ timeout: 120_000 });
    const { samples, tasks } = await page.evaluate(() => ({
      samples: (window as unknown as { __samples: [number, number][] }).__samples,
      tasks: (window as unknown as { __tasks: [number, number][] }).__tasks,
    }));
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const shown = (last[1] - first[1]) / ((last[0] - first[0]) / 1000);
    await context.close();
    const during = tasks.filter(([start, duration]) => start + duration >= first[0] && start <= last[0]).map(([, duration]) => duration);
    console.log(`  sse long tasks (start ms, duration ms): ${JSON.stringify(tasks.map(([a, b]) => [Math.round(a - first[0]), Math.round(b)]))}`);
    const longest = during.length > 0 ? Math.max(...during) : 0;
    return {
      sse_events_per_s: {
        value: round(shown, 0),
        unit: 'events/s',
        baseline: null,
        ratio: null,
        target: '≥ 50,000 (no long task over 50 ms)',
        how: `web mode in Chromium, ${EVENTS} events of 200-byte JSON sent as fast as the app reads them; rate of the live event counter (frame samples over ${round((last[0] - first[0]) / 1000, 1)} s, ${last[1]} events seen live); longest main-thread task while events arrived ${round(longest, 0)} ms`,
      },
      sse_longest_task_ms: {
        value: round(longest, 0),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: '≤ 50 ms',
        how: `the longest main-thread task (PerformanceObserver 'longtask') while the sse_events_per_s stream arrived; 0 when none was over 50 ms`,
      },
    };
  } finally {
    await courier.stop();
    await browser.close();
    await server.close();
  }
}
