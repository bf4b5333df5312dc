import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlaywrightFeatures } from './support/chromium-features';

/** Runs once before the suite: says plainly, in the run's output, whether the real desktop shell will be tested. */
export default function globalSetup(): void {
  checkPlaywrightFeatures();
  const root = fileURLToPath(new URL('..', import.meta.url));
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const binary = existsSync(pathFile) ? path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (binary && existsSync(binary)) {
    console.log(`Electron binary found (${binary}): the desktop-shell specs in e2e/electron run against the real app.`);
  } else {
    console.log(
      'NOTE: no Electron binary on this machine — the desktop-shell specs in e2e/electron are SKIPPED; the Electron shell was not tested here (its wiring is tested under Node with a stand-in).',
    );
  }
  if (!existsSync(path.join(root, 'dist', 'web', 'cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests (npm test does).');
  }
}
