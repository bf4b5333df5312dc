/**
 * A minimal stand-in for the `electron` module, for the wiring test under plain Node (the real binary is not
 * needed). It implements only what the shell calls, records what it was asked to do, and lets a test play the
 * part of Chromium: emit navigation events, call IPC from a chosen frame, answer permission requests.
 */
import type { ElectronApi } from '../start-electron-host';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listenersByName = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listenersByName.set(name, [...(this.listenersByName.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    const wrapper: Listener = (...args) => {
      this.off(name, wrapper);
      return listener(...args);
    };
    return this.on(name, wrapper);
  }
  off(name: string, listener: Listener): this {
    this.listenersByName.set(
      name,
      (this.listenersByName.get(name) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listenersByName.get(name) ?? []) listener(...args);
  }
  listenerCount(name: string): number {
    return this.listenersByName.get(name)?.length ?? 0;
  }
}

export interface StandInFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: StandInFrame | null;
}

/** An event object as Electron passes to will-navigate and friends. */
export function navigationEvent(url: string) {
  const event = { url, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

interface StandInOptions {
  /** What requestSingleInstanceLock answers: false plays a second instance. */
  singleInstanceLock?: boolean;
}

export function createElectronStandIn(options: StandInOptions = {}) {
  let nextRoutingId = 1;
  const app = new (class extends Emitter {
    sandboxEnabled = false;
    singleInstanceLockRequested = false;
    quitCalls = 0;
    readonly paths = new Map<string, string>();
    enableSandbox() {
      this.sandboxEnabled = true;
    }
    requestSingleInstanceLock() {
      this.singleInstanceLockRequested = true;
      return options.singleInstanceLock ?? true;
    }
    setPath(name: string, value: string) {
      this.paths.set(name, value);
    }
    quit() {
      this.quitCalls++;
      const event = navigationEvent('');
      this.emit('will-quit', event);
    }
    whenReady() {
      return Promise.resolve();
    }
  })();

  class WebContents extends Emitter {
    readonly mainFrame: StandInFrame = { url: '', processId: 7, routingId: nextRoutingId++, parent: null };
    readonly sent: unknown[][] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    send(channel: string, ...args: unknown[]) {
      this.sent.push([channel, ...args]);
    }
  }

  const windows: BrowserWindow[] = [];
  class BrowserWindow extends Emitter {
    readonly webContents = new WebContents();
    shown = false;
    focused = false;
    destroyed = false;
    minimized = false;
    loadedUrl: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
    }
    show() {
      this.shown = true;
    }
    focus() {
      this.focused = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
  }

  const ipcHandlers = new Map<string, Listener>();
  const ipcMain = {
    handle(channel: string, handler: Listener) {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcHandlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      ipcHandlers.delete(channel);
    },
  };

  type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void;
  type PermissionCheck = (contents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean;
  type HeadersListener = (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;
  const defaultSession = {
    permissionRequestHandler: null as PermissionRequest | null,
    permissionCheckHandler: null as PermissionCheck | null,
    devicePermissionHandler: null as ((details: unknown) => boolean) | null,
    headersListener: null as HeadersListener | null,
    setPermissionRequestHandler(handler: PermissionRequest) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheck) {
      this.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: (details: unknown) => boolean) {
      this.devicePermissionHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: HeadersListener) {
        defaultSession.headersListener = listener;
      },
    },
  };

  const protocol = {
    privilegedSchemes: [] as { scheme: string; privileges?: Record<string, boolean> }[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
      this.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      this.handlers.set(scheme, handler);
    },
  };

  // Linux without a keyring: the answer the vault must not silently accept.
  const safeStorage = {
    getSelectedStorageBackend: () => 'basic_text',
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from(`stand-in:${Buffer.from(plain).toString('base64')}`),
    decryptString: (cipher: Buffer) => Buffer.from(cipher.toString().slice('stand-in:'.length), 'base64').toString(),
  };
  const shell = {
    opened: [] as string[],
    async openExternal(url: string) {
      this.opened.push(url);
    },
  };

  const dialog = {
    errors: [] as { title: string; content: string }[],
    showErrorBox(title: string, content: string) {
      this.errors.push({ title, content });
    },
  };

  return {
    electron: { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session: { defaultSession }, shell } as unknown as ElectronApi,
    app,
    windows,
    ipcHandlers,
    protocol,
    defaultSession,
    shell,
    dialog,
    /** Plays the renderer: a call on `channel` as if sent from `frame`. */
    async invoke(channel: string, frame: StandInFrame | null, ...args: unknown[]): Promise<unknown> {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for ${channel}`);
      return handler({ senderFrame: frame, sender: {} }, ...args);
    },
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
