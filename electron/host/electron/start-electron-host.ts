import type * as ElectronModule from 'electron';
import type { BrowserWindow } from 'electron';
import { IPC_EVENT_CHANNEL } from '../../../shared/contract';
import { createCourier, readPackageVersion, removeLeftoverSpool, type Courier } from '../../core';
import { type ConfFactory } from '../../services/settings-store';
import { DataDirLockedError, acquireDataDirLock, ensureDataDir, resolveDataDir, type DataDirLock } from '../../services/app-paths';
import { APP_ENTRY_URL, handleAppProtocol, registerAppScheme } from './app-protocol';
import { enforceContentSecurityPolicy } from './content-security';
import { registerIpc } from './ipc';
import { guardNavigation } from './navigation-guard';
import { osEncryptionFrom } from './os-encryption';
import { denyPermissionsByDefault } from './permissions';
import { safeOpenExternal } from './safe-open-external';
import { isTrustedSender } from './trusted-sender';
import { createMainWindowOptions } from './window-options';

/** The parts of the electron module the shell uses; main.ts passes the real module, the wiring test a stand-in. */
export type ElectronApi = Pick<typeof ElectronModule, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'protocol' | 'safeStorage' | 'session' | 'shell'>;

interface ElectronHostOptions {
  preloadPath: string;
  rendererRoot: string;
  packageJsonPath: string;
  argv: readonly string[];
  env?: NodeJS.ProcessEnv;
  onInternalError?: (error: unknown) => void;
  /** electron-store's constructor, adapted (main.ts: importing electron-store here would tie the wiring test to Electron) */
  createConf?: ConfFactory;
}

export interface ElectronHostHandle {
  /** Resolves once the window has been created (or the app decided to quit). */
  ready: Promise<void>;
  mainWindow(): BrowserWindow | null;
}

/**
 * The desktop shell: everything Electron-specific, in the order Electron needs it. What happens before 'ready'
 * (privileged scheme, sandbox, data folder, single-instance lock) must happen synchronously at start-up.
 */
export function startElectronHost(electron: ElectronApi, options: ElectronHostOptions): ElectronHostHandle {
  const { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } = electron;
  const onInternalError = options.onInternalError ?? ((error: unknown) => console.error('Courier internal error:', error));
  const openExternal = (url: string) => safeOpenExternal(shell, url);

  registerAppScheme(protocol);
  app.enableSandbox();
  const dataDir = resolveDataDir({ argv: options.argv, env: options.env });
  // Chromium's own storage and the single-instance lock live in userData, so a different --data-dir is a separate app.
  app.setPath('userData', dataDir);

  let mainWindow: BrowserWindow | null = null;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(), mainWindow: () => null };
  }

  let courier: Courier | null = null;
  let lock: DataDirLock | null = null;
  let stopIpc: (() => void) | null = null;

  const createWindow = () => {
    const window = new BrowserWindow(createMainWindowOptions({ preloadPath: options.preloadPath }));
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    void window.loadURL(APP_ENTRY_URL).catch(onInternalError);
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Covers every web contents the app will ever have, the main window's and any a bug might create.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && courier) createWindow();
  });

  let shutDown = false;
  app.on('will-quit', (event) => {
    if (shutDown || (!courier && !lock)) return;
    // Give in-flight requests and spooled bodies a clean end before the process goes away.
    event.preventDefault();
    shutDown = true;
    stopIpc?.();
    void Promise.allSettled([courier?.close(), lock?.release()]).finally(() => app.quit());
  });

  const ready = app
    .whenReady()
    .then(async () => {
      await ensureDataDir(dataDir);
      lock = await acquireDataDirLock(dataDir, 'desktop app');
      await removeLeftoverSpool(dataDir).catch(onInternalError);
      const appSession = session.defaultSession;
      denyPermissionsByDefault(appSession);
      enforceContentSecurityPolicy(appSession);
      handleAppProtocol(protocol, options.rendererRoot);

      const instance = createCourier({
        dataDir,
        mode: 'electron',
        version: readPackageVersion(options.packageJsonPath),
        openExternal,
        onInternalError,
        // Set by `npm start` (scripts/electron-sqlite.mjs) or a packaged build: better-sqlite3 built for Electron.
        sqliteNativeBinding: (options.env ?? process.env).COURIER_SQLITE_BINDING || undefined,
        // safeStorage answers only after 'ready', which is where this runs.
        osEncryption: osEncryptionFrom(safeStorage),
        createConf: options.createConf,
        vaultPassphrase: (options.env ?? process.env).COURIER_VAULT_PASSPHRASE || undefined,
        pickFolder: async () => {
          const options = { title: 'Open a workspace folder', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
          const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
          return picked.canceled ? null : (picked.filePaths[0] ?? null);
        },
      });
      courier = instance;
      stopIpc = registerIpc(ipcMain, instance.handlers, (frame) => isTrustedSender(frame, mainWindow), onInternalError);
      instance.onEvent((name, payload) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, name, payload);
      });
      createWindow();
    })
    .catch((error: unknown) => {
      const message = error instanceof DataDirLockedError ? error.message : `Courier could not start: ${(error as Error).message}`;
      if (!(error instanceof DataDirLockedError)) onInternalError(error);
      dialog.showErrorBox('Courier', message);
      app.quit();
    });

  return { ready, mainWindow: () => mainWindow };
}
