import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { disableFeaturesSwitch } from '../../e2e/support/chromium-features';

/** Flags this environment needs: root (no sandbox), no GPU, and no background traffic to hosts it cannot reach. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // as the e2e tests run it: without the address bar's two unseen popup pages, each a renderer process loaded for
  // every new context, which took CPU from the pages being timed
  disableFeaturesSwitch,
];

/** Debian's Chromium where present (Playwright's own browser build cannot be downloaded here). */
export function launchChromium(): Promise<Browser> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
}

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

/** Init script: records every main-thread long task (> 50 ms) from page start, so a measurement can read the longest. */
export const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); })
    .observe({ type: 'longtask', buffered: true });
`;
