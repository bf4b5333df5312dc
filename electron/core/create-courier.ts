import { rm } from 'node:fs/promises';
import path from 'node:path';
import { CourierError, VAULT_WAITING_METHODS, type HttpRequestSpec, type MethodHandlers, type SendIteration } from '../../shared/contract';
import { applyInheritance, inheritedLayers } from '../../shared/workspace';
import { DisposableStore } from '../../shared/lifecycle';
import { createBodyStore } from '../services/body-store';
import { createCookieJar } from '../services/cookies';
import { createHistoryService, type HistoryService } from '../services/history';
import { createHttpEngine } from '../services/http';
import { createScriptRunner, type StartedSandbox } from '../services/scripts';
import { createImportExportService } from '../services/import-export';
import { type ConfFactory } from '../services/settings-store';
import { osKeychainUsable, type OsEncryption } from '../services/vault';
import { createWebSocketService } from '../services/websocket';
import { createWorkspaceService } from '../services/workspace';
import { createRunStore } from '../services/run-store';
import { checkedHandlers, contractCheckFromEnv } from './contract-check';
import { createEventHub, type CourierEventListener } from './event-hub';
import { parseExternalUrl } from './external-url';
import { historyHandlers } from './history-handlers';
import { cookieHandlers } from './cookie-handlers';
import { createGraphqlWiring } from './graphql-handlers';
import { createHistoryRecorder } from './history-recorder';
import { createSendPipeline } from './send-pipeline';
import { createScriptStage } from './script-stage';
import { createRunSpoolDir } from './spool-dir';
import { createInFlight } from './in-flight';
import { createWebSocketPreparer } from './prepare-websocket';
import { createSecretsWiring } from './secrets-wiring';
import { createRunnerWiring } from './runner-handlers';
import { websocketHandlers } from './websocket-handlers';
import { workspaceHandlers } from './workspace-handlers';

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
  /** better-sqlite3 addon built for Electron's ABI (see services/history/README.md); Node's build when absent */
  sqliteNativeBinding?: string;
  /** Electron's safeStorage, adapted; absent under Node and in web mode (secrets then use a passphrase) */
  osEncryption?: OsEncryption;
  /** unlocks the vault at start (COURIER_VAULT_PASSPHRASE); the host reads it, nothing else keeps it */
  vaultPassphrase?: string;
  /** electron-store under Electron; conf (the same file format) otherwise */
  createConf?: ConfFactory;
  /** scrypt cost; tests lower it, the app keeps the vault's default */
  scrypt?: { N: number; r: number; p: number };
  /** for {{$env.NAME}}; process.env when absent */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** a native folder dialog for "Open folder…" (Electron); web mode has none and the user types a path */
  pickFolder?: () => Promise<string | null>;
  /**
   * false: no history at all (nothing recorded, history methods answer STORAGE_ERROR). For `courier run` on a
   * throw-away data folder, where recording every exchange (SQLite rows, gzipped bodies) costs time no one gets back.
   */
  history?: boolean;
  /** start the script sandbox's worker at once rather than at the first script (`courier run`, which will need it) */
  prewarmScripts?: boolean;
  /** a sandbox worker the host started before loading the services (`courier run`), for the first script */
  sandbox?: StartedSandbox;
  /** check every answer and event against the contract (see contract-check.ts); default: COURIER_CHECK_CONTRACT=1 */
  checkContract?: boolean;
}

export interface Courier {
  handlers: MethodHandlers;
  onEvent(listener: CourierEventListener): () => void;
  close(): Promise<void>;
}

/** How long closing waits for cancelled sends to record their outcome before history closes without them. */
const SENDS_SETTLE_MS = 5000;

/**
 * The composition root: builds every service from the host's options and exposes them as contract handlers.
 * Hosts own transport and caller checks; this owns what each method does.
 */
export function createCourier(options: CourierOptions): Courier {
  const reportInternal = options.onInternalError ?? ((error: unknown) => console.error('Courier internal error:', error));
  // Every service is registered as it is created and closed in reverse: what was made later (and may write into what
  // was made earlier) ends first: the runner and the engines, then the recorder, history and body store, then the
  // spool folder. One failing close is reported and the rest still close.
  const disposables = new DisposableStore({ onError: reportInternal });
  try {
    return composeCourier(options, disposables, reportInternal);
  } catch (error) {
    // a service that failed to start leaves no earlier one running (a worker, a socket) in a host that goes on
    void disposables.close();
    throw error;
  }
}

function composeCourier(options: CourierOptions, disposables: DisposableStore, reportInternal: (error: unknown) => void): Courier {
  const checkContract = options.checkContract ?? contractCheckFromEnv(process.env);
  const hub = createEventHub({ onListenerError: reportInternal, checkContract });
  const spoolDir = createRunSpoolDir(options.dataDir);
  disposables.onClose('spool folder', () => rm(spoolDir, { recursive: true, force: true }));
  const bodyStore = disposables.add('body store', createBodyStore({ spoolDir }));
  const notices: string[] = [];
  let history: HistoryService | null = null;
  if (options.history !== false)
    try {
      history = disposables.add(
        'history',
        createHistoryService({
          dir: path.join(options.dataDir, 'history'),
          nativeBinding: options.sqliteNativeBinding,
          onChange: (change) => hub.emit('history.changed', change),
          onInternalError: reportInternal,
        }),
      );
      notices.push(...history.notices);
    } catch (error) {
      // History must never keep Courier from starting: requests still work, history answers STORAGE_ERROR.
      reportInternal(error);
      notices.push(`History is unavailable this session: ${error instanceof Error ? error.message : String(error)}`);
    }
  const recorder = createHistoryRecorder({ history: () => history, bodyStore, onError: reportInternal });
  // exchanges still being captured land in history before it closes
  disposables.onClose('history recorder', () => recorder.drain());
  // Registered before the engines, so it runs after they closed: the sends they cancelled record their outcome first.
  const sends = createInFlight();
  disposables.onClose('sends in flight', () => sends.settled(SENDS_SETTLE_MS));
  // One jar for this Courier (an app run, or one `courier run` as newman has): in memory, gone when it closes.
  const cookies = createCookieJar();
  const httpEngine = disposables.add(
    'HTTP engine',
    createHttpEngine({
      bodyStore,
      userAgent: options.userAgent ?? `Courier/${options.version}`,
      onProgress: (progress) => hub.emit('http.progress', progress),
      isRefusedAddress: options.isRefusedAddress,
      onSse: (batch) => hub.emit('http.sse', batch),
      cookies,
    }),
  );
  // WebSocket: the same refused addresses as HTTP, so web mode cannot reach its own bridge this way either.
  const websocket = disposables.add(
    'WebSocket service',
    createWebSocketService({
      onEvents: (batch) => hub.emit('ws.events', batch),
      isRefusedAddress: options.isRefusedAddress,
      userAgent: options.userAgent ?? `Courier/${options.version}`,
    }),
  );

  const secrets = createSecretsWiring({
    dataDir: options.dataDir,
    mode: options.mode,
    httpEngine,
    bodyStore,
    openExternal: options.openExternal,
    onChange: (reason) => hub.emit('variables.changed', { reason }),
    osEncryption: options.osEncryption,
    vaultPassphrase: options.vaultPassphrase,
    createConf: options.createConf,
    scrypt: options.scrypt,
    processEnv: options.processEnv,
  });
  // OAuth flows in progress (their loopback servers, token requests through the engine)
  disposables.add('OAuth flows', secrets.auth);
  // Scripts: one warm QuickJS worker, started at the first send that has a script.
  const scriptRunner = disposables.add('script sandbox', createScriptRunner(options.sandbox ? { early: options.sandbox } : {}));
  if (options.prewarmScripts === true) scriptRunner.prewarm();
  const scripts = createScriptStage({
    runner: scriptRunner,
    variables: secrets.variables,
    readBody: async (bodyId, max) => (await bodyStore.read(bodyId, 0, max)).bytes,
    // pm.sendRequest: the app's own engine and variables; not recorded in history
    sender: {
      engine: httpEngine,
      prepare: secrets.prepare,
      readBody: async (bodyId, max) => (await bodyStore.read(bodyId, 0, max)).bytes,
      releaseBody: (bodyId) => bodyStore.release(bodyId),
    },
  });
  const pipeline = createSendPipeline({
    engine: httpEngine,
    auth: secrets.auth,
    prepare: secrets.prepare,
    recorder,
    credentials: secrets.credentials,
    scripts,
    inFlight: sends,
    tests: { readBody: (id, offset, length) => bodyStore.read(id, offset, length), variables: secrets.variables, session: secrets.session },
  });
  // GraphQL: introspection through the engine, subscriptions over graphql-ws; both prepared like http.send.
  const workspace = disposables.add(
    'workspace',
    createWorkspaceService({
      defaultDir: path.join(options.dataDir, 'workspace'),
      store: secrets.settings,
      pickFolder: options.pickFolder,
      onChange: (change) => hub.emit('workspace.changed', change),
      onError: reportInternal,
    }),
  );
  const graphql = disposables.add(
    'GraphQL subscriptions',
    createGraphqlWiring({
      send: (requestId, spec, sendOptions) => httpEngine.send(requestId, spec, sendOptions),
      bodyStore,
      hub,
      prepare: secrets.prepare,
      isRefusedAddress: options.isRefusedAddress,
      inheritanceChain: (workspacePath) => workspace.inheritanceChain(workspacePath),
    }),
  );
  // A saved request is sent with its collection's and folders' headers, auth and variables under its own.
  const sendFromWorkspace = async (requestId: string, request: HttpRequestSpec, workspacePath: string, iteration: SendIteration | undefined) => {
    const chain = await workspace.inheritanceChain(workspacePath);
    // scripts name their request in errors and pm.info: its name as saved, read only when a script will run
    const scripted = request.scripts !== undefined || chain.some((container) => container.scripts !== undefined);
    const fallback = path.posix.basename(workspacePath).replace(/(\.request)?\.json$/, '');
    const requestName = scripted
      ? await workspace.readRequest(workspacePath).then(
          (saved) => saved.name,
          () => fallback,
        )
      : fallback;
    return pipeline.send(requestId, applyInheritance(request, chain), inheritedLayers(chain), {
      requestName,
      chain,
      workspacePath,
      ...(iteration ? { iteration } : {}),
    });
  };
  const importExport = createImportExportService();
  // imports in progress by the renderer's importId, so 'import.cancel' can stop one
  const imports = new Map<string, AbortController>();
  disposables.onClose('imports', () => {
    for (const controller of imports.values()) controller.abort();
  });
  const parseImport = async ({ text, importId, sourceUrl }: { text: string; importId?: string | undefined; sourceUrl?: string | undefined }) => {
    if (importId === undefined) return importExport.parse(text, { ...(sourceUrl === undefined ? {} : { sourceUrl }) });
    imports.get(importId)?.abort();
    const controller = new AbortController();
    imports.set(importId, controller);
    try {
      return await importExport.parse(text, {
        ...(sourceUrl === undefined ? {} : { sourceUrl }),
        signal: controller.signal,
        onProgress: (phase) => hub.emit('import.progress', { importId, phase }),
      });
    } finally {
      if (imports.get(importId) === controller) imports.delete(importId);
    }
  };

  const runStore = createRunStore({ dir: path.join(options.dataDir, 'runs') });
  // The collection runner drives these same handlers, so a run sends exactly as Send does.
  const runner = disposables.add(
    'collection runner',
    createRunnerWiring({
      handlers: () => handlers,
      emit: (event, payload) => hub.emit(event, payload),
      store: runStore,
      secretValues: () =>
        secrets.variables
          .layers()
          .flatMap((layer) => layer.variables.filter((v) => v.secret && v.value !== null && v.value !== '').map((v) => v.value as string)),
      onInternalError: reportInternal,
    }),
  );

  const handlers: MethodHandlers = {
    'app.info': async () => ({
      name: 'Courier',
      version: options.version,
      mode: options.mode,
      platform: options.platform ?? process.platform,
      dataDir: options.dataDir,
      capabilities: {
        folderDialog: options.pickFolder !== undefined,
        openExternal: options.mode === 'electron',
        osKeychain: osKeychainUsable(options.osEncryption),
      },
      // the secrets' notices are read now: an unlock asked for at start reports after construction
      ...(notices.length + secrets.notices.length > 0 ? { notices: [...notices, ...secrets.notices] } : {}),
    }),
    'http.send': ({ requestId, request, workspacePath, iteration }) =>
      workspacePath === undefined
        ? pipeline.send(requestId, request, [], iteration ? { iteration } : {})
        : sendFromWorkspace(requestId, request, workspacePath, iteration),
    'http.cancel': async ({ requestId, reason }) => ({ cancelled: pipeline.cancel(requestId, reason) }),
    'body.read': async ({ bodyId, offset, length }) => {
      const { bytes, total } = history?.isHistoryBodyId(bodyId) ? await history.readBody(bodyId, offset, length) : await bodyStore.read(bodyId, offset, length);
      return { offset, bytes: exactBytes(bytes), total };
    },
    'body.release': async ({ bodyId }) => {
      // History bodies live as long as their entries; nothing to release.
      if (history?.isHistoryBodyId(bodyId)) return { released: false };
      await recorder.whenCaptured(bodyId);
      return { released: await bodyStore.release(bodyId) };
    },
    'shell.openExternal': async ({ url }) => {
      const safe = parseExternalUrl(url);
      if (safe === null) {
        throw new CourierError('EXTERNAL_URL_REFUSED', 'Only web links (http:// or https://) can be opened outside Courier.', url.slice(0, 200));
      }
      return { opened: (await options.openExternal(safe)) === true };
    },
    ...historyHandlers(() => history, options.version),
    ...cookieHandlers(cookies),
    ...secrets.handlers,
    ...websocketHandlers(
      websocket,
      createWebSocketPreparer(secrets.prepare, (workspacePath) => workspace.inheritanceChain(workspacePath)),
    ),
    ...graphql.handlers,
    // the rename or move has happened by then: a failure to carry the kept runs along is reported, not the user's error
    ...workspaceHandlers(workspace, secrets.credentials, (from, to) => runStore.relocate(from, to).then(() => undefined, reportInternal)),
    'import.parse': parseImport,
    'import.cancel': async ({ importId }) => {
      const controller = imports.get(importId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'import.parseFolder': ({ path: folder }) => importExport.parseFolder(folder),
    'export.brunoFolder': async ({ path: collectionPath, destination }) => {
      // the workspace gives the collection with references and placeholders only; the exporter masks the rest
      const { collection, warnings } = await workspace.exportCollection(collectionPath);
      // the exporters (YAML for OpenAPI among them) load on first export, not with every host's start
      const { toBrunoCollection } = await import('../../shared/exporters');
      const bruno = toBrunoCollection(collection);
      const folder = await importExport.writeFolder(destination, collection.name, bruno.files);
      return { folder, files: bruno.files.length, warnings: [...warnings, ...bruno.warnings] };
    },
    'export.snippet': async ({ request, target }) => importExport.snippet(request, target),
    ...runner.handlers,
  };

  // what may hold secrets waits for an unlock asked for at start; the contract says which methods (waitsForVault)
  for (const name of VAULT_WAITING_METHODS)
    (handlers as Record<string, unknown>)[name] = secrets.afterReady(handlers[name] as (input: unknown) => Promise<unknown>);

  // no events reach the host once it has asked to close
  disposables.onClose('event listeners', () => hub.clear());

  return {
    handlers: checkContract ? checkedHandlers(handlers, reportInternal) : handlers,
    onEvent: (listener) => hub.subscribe(listener),
    // failures were reported through onInternalError as they happened
    close: async () => void (await disposables.close()),
  };
}

/**
 * The bytes as a Uint8Array of their own. A store hands out views into larger buffers (a whole in-memory body, a
 * history frame, Node's Buffer pool), and Electron's structured clone copies a view's entire buffer, not the view.
 */
function exactBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? new Uint8Array(buffer) : new Uint8Array(bytes);
}
