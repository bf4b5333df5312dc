import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real desktop shell, driven by Playwright. Where no Electron binary exists (this project's CI machines cannot
 * download one), every test is skipped with the reason; electron/host/electron/*.test.ts covers the same wiring under
 * Node with a stand-in for the electron module.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const mainScript = path.join(root, 'dist', 'electron', 'main.js');

/** Reads node_modules/electron/path.txt directly: require('electron') would try to download the binary. */
function findElectronBinary(): string | null {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const electronBinary = findElectronBinary();
const SKIP_REASON = 'Electron binary not present on this machine — the desktop shell was not tested here';

test.describe('desktop shell', () => {
  test.skip(electronBinary === null, SKIP_REASON);
  test.skip(!existsSync(mainScript), 'dist/electron/main.js is missing — run "npm run build" first');

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-e2e-electron-'));
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await electron.launch({
      executablePath: electronBinary!,
      // The project folder is the app (package.json main → dist/electron/main.js); each test has its own data folder.
      // Chromium refuses to run its OS sandbox as root (containers, some CI): only then is it turned off, for the test.
      args: [root, '--data-dir', dataDir, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterEach(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('opens one window on the app protocol', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^courier:\/\/app\//);
    await expect(page).toHaveTitle(/Courier/);
  });

  test('isolates the page: no Node, no require, only window.courier with invoke and subscribe', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const courier = w.courier as Record<string, unknown> | undefined;
      return {
        require: typeof w.require,
        process: typeof w.process,
        courier: typeof courier,
        keys: courier ? Object.keys(courier).sort() : [],
      };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', courier: 'object', keys: ['invoke', 'subscribe'] });
  });

  test('answers app.info in electron mode through the bridge', async () => {
    const info = await page.evaluate(() =>
      (window as unknown as { courier: { invoke: (m: string, i: unknown) => Promise<unknown> } }).courier.invoke('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { name: 'Courier', mode: 'electron', dataDir } });
  });

  test('refuses methods outside the contract in the preload', async () => {
    const result = await page.evaluate(() =>
      (window as unknown as { courier: { invoke: (m: string, i: unknown) => Promise<unknown> } }).courier.invoke('fs.readFile', {}),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  test('blocks navigation away from the app and window.open', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
