import { startCourierWeb } from '../../e2e/support/courier-web';
import { LONG_TASK_OBSERVER, launchChromium } from './browser';
import { round, type Metrics } from './report';
import { startStreamBenchServer } from './stream-servers';

/**
 * sse_events_per_s: web mode in Chromium, a text/event-stream of 200-byte JSON events at a fixed rate; the page samples
 * the live "N events so far" counter every frame. The rate it climbs at is the events/s shown live.
 */
export async function benchSse(): Promise<Metrics> {
  const perSecond = 8_000;
  const seconds = 4;
  const server = await startStreamBenchServer();
  const browser = await launchChromium();
  const courier = await startCourierWeb();
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
        const text = document.querySelector('.response-sse-live__count')?.textContent ?? '';
        const match = /([\d,]+) events so far/.exec(text);
        if (match) samples.push([window.performance.now(), Number(match[1]!.replace(/,/g, ''))]);
        requestAnimationFrame(read);
      };
      requestAnimationFrame(read);
    });
    await page.getByRole('textbox', { name: 'URL' }).fill(`http://127.0.0.1:${server.port}/sse?perSecond=${perSecond}&seconds=${seconds}`);
    await page.evaluate(() => void (window.__longTasks = []));
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('tab', { name: 'Response events' }).waitFor({ timeout: seconds * 1000 + 30_000 });
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
        baseline: perSecond,
        ratio: round(shown / perSecond, 3),
        target: '≥ 5,000',
        how: `web mode in Chromium, ${perSecond} events/s of 200-byte JSON for ${seconds} s; rate of the live event counter (frame samples, ${last[1]} events seen live); longest main-thread task while events arrived ${round(longest, 0)} ms`,
      },
    };
  } finally {
    await courier.stop();
    await browser.close();
    await server.close();
  }
}
