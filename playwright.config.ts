import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { disableFeaturesSwitch } from './e2e/support/chromium-features';

/** Debian's Chromium where present (this environment cannot download Playwright's own browser build). */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // CI keeps nothing of test-results/ after the run, and recording every test's trace (to throw it away when it
    // passes) cost ~0.9 s of CPU per test on the 2-core machine; a failure there is read from the log, its error
    // context and screenshot, and re-run locally, where its trace is kept.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1400, height: 900 },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['electron/**'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            disableFeaturesSwitch,
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: ['electron/**/*.spec.ts'],
    },
  ],
});
