import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, METHOD_NAMES } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../core';
import { LOCK_FILE_NAME } from '../../services/app-paths';
import { APP_ENTRY_URL } from './app-protocol';
import { safeOpenExternal } from './safe-open-external';
import { startElectronHost, type ElectronHostHandle } from './start-electron-host';
import { createElectronStandIn, navigationEvent, type ElectronStandIn, type StandInFrame } from './test-support/electron-stand-in';

/**
 * The wiring test: the real shell code, run under Node against a stand-in for the electron module. It proves the
 * security settings and the IPC path without the Electron binary; e2e/electron/ checks the same in the real app.
 */
let workDir: string;
let dataDir: string;
let rendererRoot: string;
let standIn: ElectronStandIn;
let handle: ElectronHostHandle;
let target: Server;
let targetPort: number;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'courier-electron-wiring-'));
  dataDir = path.join(workDir, 'data');
  rendererRoot = path.join(workDir, 'renderer');
  await mkdir(rendererRoot, { recursive: true });
  await writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Courier</title>');
  await writeFile(path.join(workDir, 'secret.txt'), 'secret');
  await writeFile(path.join(workDir, 'package.json'), JSON.stringify({ version: '3.2.1' }));
  target = createServer((_request, response) => response.end('pong'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetPort = (target.address() as AddressInfo).port;

  standIn = createElectronStandIn();
  handle = startElectronHost(standIn.electron, {
    preloadPath: '/app/dist/electron/preload.cjs',
    rendererRoot,
    packageJsonPath: path.join(workDir, 'package.json'),
    argv: ['electron', '.', '--data-dir', dataDir],
    env: {},
    onInternalError: () => undefined,
  });
  await handle.ready;
});

afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await rm(workDir, { recursive: true, force: true });
});

const mainWindow = () => {
  const window = standIn.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
};
const topFrame = (): StandInFrame => mainWindow().webContents.mainFrame;
const call = (frame: StandInFrame | null, method: unknown, input: unknown) =>
  standIn.invoke(IPC_INVOKE_CHANNEL, frame, method, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

describe('Electron shell: start-up', () => {
  it('registers courier:// as a standard, secure scheme, enables the sandbox and asks for the single-instance lock', () => {
    expect(standIn.protocol.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'courier', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(standIn.app.sandboxEnabled).toBe(true);
    expect(standIn.app.singleInstanceLockRequested).toBe(true);
    expect(standIn.app.paths.get('userData')).toBe(dataDir);
  });

  it('takes the data-folder lock', async () => {
    const lock = JSON.parse(await readFile(path.join(dataDir, LOCK_FILE_NAME), 'utf8')) as { pid: number; owner: string };
    expect(lock).toMatchObject({ pid: process.pid, owner: 'desktop app' });
  });

  it('opens one window with context isolation, sandbox, no Node and web security, shown on ready-to-show', () => {
    expect(standIn.windows).toHaveLength(1);
    const options = mainWindow().options as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(mainWindow().shown).toBe(false);
    mainWindow().emit('ready-to-show');
    expect(mainWindow().shown).toBe(true);
  });

  it('loads the renderer from the app protocol, not a file or remote URL', () => {
    expect(mainWindow().loadedUrl).toBe(APP_ENTRY_URL);
    expect(APP_ENTRY_URL.startsWith('courier://app/')).toBe(true);
  });

  it('focuses the existing window when a second instance starts', () => {
    mainWindow().minimized = true;
    standIn.app.emit('second-instance', {}, [], '/');
    expect(mainWindow().minimized).toBe(false);
    expect(mainWindow().focused).toBe(true);
  });

  it('quits at once, with no window, when another instance holds the lock', () => {
    const second = createElectronStandIn({ singleInstanceLock: false });
    const secondHandle = startElectronHost(second.electron, {
      preloadPath: '/p.cjs',
      rendererRoot,
      packageJsonPath: '/nowhere/package.json',
      argv: ['electron', '.', '--data-dir', path.join(workDir, 'second')],
      env: {},
    });
    expect(second.app.quitCalls).toBe(1);
    expect(second.windows).toHaveLength(0);
    expect(second.ipcHandlers.size).toBe(0);
    expect(secondHandle.mainWindow()).toBeNull();
  });
});

describe('Electron shell: content', () => {
  it('serves the renderer over courier:// with the CSP, and nothing outside its folder', async () => {
    const handler = standIn.protocol.handlers.get('courier');
    expect(handler).toBeDefined();
    const page = await handler!(new Request('courier://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Courier</title>');
    for (const url of ['courier://app/%2e%2e/secret.txt', 'courier://app/..%2fsecret.txt', 'courier://other/index.html', 'courier://app/nope.js']) {
      const response = await handler!(new Request(url));
      expect(response.status, url).toBe(404);
    }
  });

  it('forces the CSP onto every response in the session, replacing any other', () => {
    let seen: Record<string, string[]> | undefined;
    standIn.defaultSession.headersListener!(
      { url: 'courier://app/index.html', responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'X-Other': ['1'] } },
      (response) => (seen = response.responseHeaders),
    );
    expect(seen).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('uses a CSP with no eval and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });
});

describe('Electron shell: navigation and new windows', () => {
  it('blocks navigation and redirects away from the app', () => {
    for (const eventName of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'courier://other/', 'javascript:alert(1)', 'data:text/html,hi']) {
        const event = navigationEvent(url);
        mainWindow().webContents.emit(eventName, event, url);
        expect(event.defaultPrevented, `${eventName} ${url}`).toBe(true);
      }
      const inside = navigationEvent('courier://app/index.html#/history');
      mainWindow().webContents.emit(eventName, inside, inside.url);
      expect(inside.defaultPrevented).toBe(false);
    }
  });

  it('refuses to attach webviews', () => {
    const event = navigationEvent('');
    mainWindow().webContents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every window.open, sending only web links to the browser', () => {
    const open = mainWindow().webContents.windowOpenHandler!;
    standIn.shell.opened.length = 0;
    expect(open({ url: 'https://docs.example/page' })).toEqual({ action: 'deny' });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'courier://app/', 'vscode://x']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(standIn.shell.opened).toEqual(['https://docs.example/page']);
  });

  it('guards every web contents the app creates, not only the main window', () => {
    const other = { on: () => other, setWindowOpenHandler: (h: unknown) => (other.handler = h), handler: null as unknown };
    standIn.app.emit('web-contents-created', {}, other);
    expect(other.handler).toBeTypeOf('function');
  });
});

describe('Electron shell: openExternal', () => {
  it('opens parsed http(s) URLs with a host and refuses everything else', async () => {
    const shell = { opened: [] as string[], openExternal: async (url: string) => void shell.opened.push(url) };
    const refused = [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'smb://server/share',
      'ms-settings:privacy',
      'courier://app/',
      'vscode://file/x',
      'https://',
      'http://[::1',
      'not a url',
      '',
      'https://user:pass@example.com/',
    ];
    for (const url of refused) expect(await safeOpenExternal(shell, url), url).toBe(false);
    expect(shell.opened).toEqual([]);
    expect(await safeOpenExternal(shell, 'https://example.com/a b')).toBe(true);
    expect(await safeOpenExternal(shell, 'HTTP://Example.com')).toBe(true);
    expect(shell.opened).toEqual(['https://example.com/a%20b', 'http://example.com/']);
  });
});

describe('Electron shell: permissions', () => {
  it('denies permission requests and checks by default', () => {
    const session = standIn.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      let granted: boolean | undefined;
      session.permissionRequestHandler!({}, permission, (value) => (granted = value), { requestingUrl: 'courier://app/index.html' });
      expect(granted, permission).toBe(false);
      expect(session.permissionCheckHandler!({}, permission, 'courier://app', {}), permission).toBe(false);
    }
    expect(session.devicePermissionHandler!({})).toBe(false);
  });

  it('allows only clipboard writes, and only from the app itself', () => {
    const session = standIn.defaultSession;
    expect(session.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'courier://app', {})).toBe(true);
    expect(session.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });
});

describe('Electron shell: IPC', () => {
  it('registers the one invoke channel', () => {
    expect([...standIn.ipcHandlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
  });

  it('routes every contract method through validation: invalid input is INVALID_INPUT, never UNKNOWN_METHOD', async () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(0);
    for (const method of METHOD_NAMES) {
      const result = await call(topFrame(), method, 'not an object');
      expect(result, method).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await call(topFrame(), 'http.send', { requestId: '../../x', request: { method: 'GET', url: 'http://x' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses names outside the contract', async () => {
    for (const method of ['fs.readFile', '__proto__', 'toString', 42, null]) {
      expect(await call(topFrame(), method, {}), String(method)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('answers UNAUTHORIZED_CALLER to any frame but the main window top frame on the app URL', async () => {
    const top = topFrame();
    const foreign: StandInFrame[] = [
      { url: 'courier://app/index.html', processId: top.processId, routingId: top.routingId + 100, parent: top },
      { url: 'courier://app/index.html', processId: top.processId + 1, routingId: top.routingId, parent: null },
      { url: 'https://evil.example/', processId: 99, routingId: 99, parent: null },
    ];
    for (const frame of [...foreign, null]) {
      expect(await call(frame, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED_CALLER' } });
    }
    // the top frame itself, once navigated away from the app, is no longer trusted
    const url = top.url;
    top.url = 'https://evil.example/';
    expect(await call(top, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED_CALLER' } });
    top.url = url;
  });

  it('answers app.info from the top frame in electron mode', async () => {
    expect(await call(topFrame(), 'app.info', {})).toEqual({
      ok: true,
      value: {
        name: 'Courier',
        version: '3.2.1',
        mode: 'electron',
        platform: process.platform,
        dataDir,
        // a native folder dialog and the system browser; the stand-in's safeStorage is basic_text, which is no keychain
        capabilities: { folderDialog: true, openExternal: true, osKeychain: false },
      },
    });
  });

  it('opens web links with shell.openExternal and refuses other schemes with EXTERNAL_URL_REFUSED', async () => {
    standIn.shell.opened.length = 0;
    expect(await call(topFrame(), 'shell.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_REFUSED' } });
    expect(await call(topFrame(), 'shell.openExternal', { url: 'https://example.com/docs' })).toEqual({ ok: true, value: { opened: true } });
    expect(standIn.shell.opened).toEqual(['https://example.com/docs']);
  });

  it('sends a request end to end and forwards progress events to the window without the IPC event', async () => {
    mainWindow().webContents.sent.length = 0;
    const sent = await call(topFrame(), 'http.send', { requestId: 'wiring-1', request: { method: 'GET', url: `http://127.0.0.1:${targetPort}/` } });
    expect(sent).toMatchObject({ ok: true, value: { response: { status: 200 } } });
    const progress = mainWindow().webContents.sent.filter(([channel]) => channel === IPC_EVENT_CHANNEL);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toEqual([IPC_EVENT_CHANNEL, 'http.progress', expect.objectContaining({ requestId: 'wiring-1' })]);
  });
});

describe('Electron shell: quitting', () => {
  it('closes the services and releases the data-folder lock before the process exits', async () => {
    const quitsBefore = standIn.app.quitCalls;
    standIn.app.quit();
    // the first will-quit is held back for the clean-up, which then quits again; the clean-up's time varies (under
    // Vitest the spool thread's worker is built by esbuild on first use), so the test waits for it, not a fixed 200 ms
    await expect.poll(() => standIn.app.quitCalls, { timeout: 10_000, interval: 20 }).toBe(quitsBefore + 2);
    expect(standIn.ipcHandlers.size).toBe(0);
    await expect(readFile(path.join(dataDir, LOCK_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
