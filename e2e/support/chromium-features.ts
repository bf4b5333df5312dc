import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * New headless Chromium opens a whole browser window for every test's page, and with it the address bar's
 * suggestion popup: a WebUI page (two of them, the AI-mode one beside it) in renderer processes of their own, loaded
 * for each test and never shown. Turning them off saves ~0.2 s of CPU per test on the 2-core CI machine (10 fresh
 * contexts: 8.5 s of CPU before, 6.1 s after, load ~23).
 */
const UNUSED_WINDOW_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * The features Playwright itself disables (playwright-core 1.65, chromiumSwitches): Chromium keeps only the last
 * --disable-features switch, so ours must repeat them. `checkPlaywrightFeatures` fails the run if an upgrade adds one.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

export const disableFeaturesSwitch = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_WINDOW_FEATURES].join(',')}`;

/** Throws when the installed Playwright disables a feature the list above lacks (its switch would be lost). */
export function checkPlaywrightFeatures(): void {
  const bundle = readFileSync(createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle)?.[1] ?? '';
  const missing = [...list.matchAll(/^\s*"(\w+)"/gm)].map((match) => match[1]).filter((name) => name && !PLAYWRIGHT_DISABLED_FEATURES.includes(name));
  if (missing.length > 0) {
    throw new Error(
      `Playwright now disables ${missing.join(', ')}: add them to e2e/support/chromium-features.ts, whose --disable-features replaces Playwright's.`,
    );
  }
}
