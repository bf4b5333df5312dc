import { rm } from 'node:fs/promises';
import { CourierError, type EventName, type MethodHandlers } from '../../shared/contract';
import { createBodyStore } from '../services/body-store';
import { createHttpEngine } from '../services/http';
import { createEventHub, type CourierEventListener } from './event-hub';
import { parseExternalUrl } from './external-url';
import { createRunSpoolDir } from './spool-dir';

export interface CourierOptions {
  /** Per-user folder for everything durable; the host resolves and creates it (see services/app-paths). */
  dataDir: string;
  mode: 'electron' | 'web';
  version: string;
  platform?: string;
  /**
   * Opens an already-vetted http(s) URL in the user's browser. Electron passes shell.openExternal; web mode has no
   * way to do that from the server and answers false (the browser tab opens links itself).
   */
  openExternal: (url: string) => boolean | Promise<boolean>;
  /**
   * Addresses the HTTP engine must not connect to. Web mode refuses its own port on loopback, so a page cannot use
   * Courier to call Courier's own bridge with the user's credentials.
   */
  isRefusedAddress?: (address: string, port: number) => boolean;
  userAgent?: string;
  /** Where unexpected failures (bugs, not user errors) are reported; defaults to stderr. */
  onInternalError?: (error: unknown) => void;
}

export interface Courier {
  handlers: MethodHandlers;
  onEvent(listener: CourierEventListener): () => void;
  close(): Promise<void>;
}

/**
 * The composition root: builds every service from the host's options and exposes them as contract handlers.
 * Hosts own transport and caller checks; this owns what each method does.
 */
export function createCourier(options: CourierOptions): Courier {
  const reportInternal = options.onInternalError ?? ((error: unknown) => console.error('Courier internal error:', error));
  const hub = createEventHub(reportInternal);
  const spoolDir = createRunSpoolDir(options.dataDir);
  const bodyStore = createBodyStore({ spoolDir });
  const httpEngine = createHttpEngine({
    bodyStore,
    userAgent: options.userAgent ?? `Courier/${options.version}`,
    onProgress: (progress) => hub.emit('http.progress' satisfies EventName, progress),
    isRefusedAddress: options.isRefusedAddress,
  });

  const handlers: MethodHandlers = {
    'app.info': async () => ({
      name: 'Courier',
      version: options.version,
      mode: options.mode,
      platform: options.platform ?? process.platform,
      dataDir: options.dataDir,
    }),
    'http.send': ({ requestId, request }) => httpEngine.send(requestId, request),
    'http.cancel': async ({ requestId }) => ({ cancelled: httpEngine.cancel(requestId) }),
    'body.read': async ({ bodyId, offset, length }) => {
      const { bytes, total } = await bodyStore.read(bodyId, offset, length);
      return { offset, dataBase64: Buffer.from(bytes).toString('base64'), total };
    },
    'body.release': async ({ bodyId }) => ({ released: await bodyStore.release(bodyId) }),
    'shell.openExternal': async ({ url }) => {
      const safe = parseExternalUrl(url);
      if (safe === null) {
        throw new CourierError(
          'EXTERNAL_URL_REFUSED',
          'Only web links (http:// or https://) can be opened outside Courier.',
          url.slice(0, 200),
        );
      }
      return { opened: (await options.openExternal(safe)) === true };
    },
    // TEMPORARY until electron/services/history lands (being built now): replaced by the real handlers.
    ...historyNotReady(),
  };

  let closing: Promise<void> | null = null;
  return {
    handlers,
    onEvent: (listener) => hub.subscribe(listener),
    close() {
      // In-flight requests end first so nothing writes into the body store while it shuts down.
      closing ??= (async () => {
        hub.clear();
        await httpEngine.close();
        await bodyStore.close();
        await rm(spoolDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

function historyNotReady(): Pick<MethodHandlers, 'history.list' | 'history.get' | 'history.delete' | 'history.clear' | 'history.pin' | 'history.usage' | 'history.setRetention' | 'history.exportHar' | 'history.importHar'> {
  const notReady = async (): Promise<never> => {
    throw new CourierError('STORAGE_ERROR', 'History is not available yet.');
  };
  return {
    'history.list': notReady,
    'history.get': notReady,
    'history.delete': notReady,
    'history.clear': notReady,
    'history.pin': notReady,
    'history.usage': notReady,
    'history.setRetention': notReady,
    'history.exportHar': notReady,
    'history.importHar': notReady,
  };
}
