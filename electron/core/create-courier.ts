import { rm } from 'node:fs/promises';
import path from 'node:path';
import { CourierError, type EventName, type HttpRequestSpec, type MethodHandlers } from '../../shared/contract';
import { applyInheritance, inheritedLayers } from '../../shared/workspace';
import { toBrunoCollection } from '../../shared/exporters';
import { createBodyStore } from '../services/body-store';
import { createHistoryService, type HistoryService } from '../services/history';
import { createHttpEngine } from '../services/http';
import { createScriptRunner } from '../services/scripts';
import { createImportExportService } from '../services/import-export';
import { type ConfFactory } from '../services/settings-store';
import { type OsEncryption } from '../services/vault';
import { createWebSocketService } from '../services/websocket';
import { createWorkspaceService } from '../services/workspace';
import { createRunStore } from '../services/run-store';
import { createEventHub, type CourierEventListener } from './event-hub';
import { parseExternalUrl } from './external-url';
import { historyHandlers } from './history-handlers';
import { createGraphqlWiring } from './graphql-handlers';
import { createHistoryRecorder } from './history-recorder';
import { createSendPipeline } from './send-pipeline';
import { createScriptStage } from './script-stage';
import { createRunSpoolDir } from './spool-dir';
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
    onSse: (batch) => hub.emit('http.sse' satisfies EventName, batch),
  });
  // WebSocket (issue 5): the same refused addresses as HTTP, so web mode cannot reach its own bridge this way either.
  const websocket = createWebSocketService({
    onEvents: (batch) => hub.emit('ws.events' satisfies EventName, batch),
    isRefusedAddress: options.isRefusedAddress,
    userAgent: options.userAgent ?? `Courier/${options.version}`,
  });
  const notices: string[] = [];
  let history: HistoryService | null = null;
  if (options.history !== false) try {
    history = createHistoryService({
      dir: path.join(options.dataDir, 'history'),
      nativeBinding: options.sqliteNativeBinding,
      onChange: (change) => hub.emit('history.changed' satisfies EventName, change),
      onInternalError: reportInternal,
    });
    notices.push(...history.notices);
  } catch (error) {
    // History must never keep Courier from starting: requests still work, history answers STORAGE_ERROR.
    reportInternal(error);
    notices.push(`History is unavailable this session: ${error instanceof Error ? error.message : String(error)}`);
  }
  const recorder = createHistoryRecorder({ history: () => history, bodyStore, onError: reportInternal });

  const secrets = createSecretsWiring({
    dataDir: options.dataDir,
    mode: options.mode,
    httpEngine,
    bodyStore,
    openExternal: options.openExternal,
    onChange: (reason) => hub.emit('variables.changed' satisfies EventName, { reason }),
    osEncryption: options.osEncryption,
    vaultPassphrase: options.vaultPassphrase,
    createConf: options.createConf,
    scrypt: options.scrypt,
    processEnv: options.processEnv,
  });
  // Scripts (issue 12): one warm QuickJS worker, started at the first send that has a script.
  const scriptRunner = createScriptRunner();
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
    tests: { readBody: (id, offset, length) => bodyStore.read(id, offset, length), variables: secrets.variables, session: secrets.session },
  });
  // GraphQL (issue 5): introspection through the engine, subscriptions over graphql-ws; both prepared like http.send.
  const { afterReady } = secrets;
  const workspace = createWorkspaceService({
    defaultDir: path.join(options.dataDir, 'workspace'),
    store: secrets.settings,
    pickFolder: options.pickFolder,
    onChange: (change) => hub.emit('workspace.changed' satisfies EventName, change),
    onError: reportInternal,
  });
  const graphql = createGraphqlWiring({
    send: (requestId, spec, sendOptions) => httpEngine.send(requestId, spec, sendOptions),
    bodyStore,
    hub,
    prepare: secrets.prepare,
    isRefusedAddress: options.isRefusedAddress,
    inheritanceChain: (workspacePath) => workspace.inheritanceChain(workspacePath),
  });
  // A saved request is sent with its collection's and folders' headers, auth and variables under its own.
  const sendFromWorkspace = async (requestId: string, request: HttpRequestSpec, workspacePath: string) => {
    const chain = await workspace.inheritanceChain(workspacePath);
    // scripts name their request in errors and pm.info: its name as saved, read only when a script will run
    const scripted = request.scripts !== undefined || chain.some((container) => container.scripts !== undefined);
    const fallback = path.posix.basename(workspacePath).replace(/(\.request)?\.json$/, '');
    const requestName = scripted ? await workspace.readRequest(workspacePath).then((saved) => saved.name, () => fallback) : fallback;
    return pipeline.send(requestId, applyInheritance(request, chain), inheritedLayers(chain), { requestName, chain });
  };
  const importExport = createImportExportService();
  // imports in progress by the renderer's importId, so 'import.cancel' can stop one
  const imports = new Map<string, AbortController>();
  const parseImport = async ({ text, importId, sourceUrl }: { text: string; importId?: string | undefined; sourceUrl?: string | undefined }) => {
    if (importId === undefined) return importExport.parse(text, { ...(sourceUrl === undefined ? {} : { sourceUrl }) });
    imports.get(importId)?.abort();
    const controller = new AbortController();
    imports.set(importId, controller);
    try {
      return await importExport.parse(text, {
        ...(sourceUrl === undefined ? {} : { sourceUrl }),
        signal: controller.signal,
        onProgress: (phase) => hub.emit('import.progress' satisfies EventName, { importId, phase }),
      });
    } finally {
      if (imports.get(importId) === controller) imports.delete(importId);
    }
  };

  // The collection runner (issue 12 §3) drives these same handlers, so a run sends exactly as Send does.
  const runner = createRunnerWiring({
    handlers: () => handlers,
    emit: (event, payload) => hub.emit(event, payload),
    store: createRunStore({ dir: path.join(options.dataDir, 'runs') }),
    secretValues: () =>
      secrets.variables.layers().flatMap((layer) => layer.variables.filter((v) => v.secret && v.value !== null && v.value !== '').map((v) => v.value as string)),
    onInternalError: reportInternal,
  });

  const handlers: MethodHandlers = {
    'app.info': afterReady(async () => ({
      name: 'Courier',
      version: options.version,
      mode: options.mode,
      platform: options.platform ?? process.platform,
      dataDir: options.dataDir,
      // the secrets' notices are read now: an unlock asked for at start reports after construction
      ...(notices.length + secrets.notices.length > 0 ? { notices: [...notices, ...secrets.notices] } : {}),
    })),
    'http.send': afterReady(({ requestId, request, workspacePath }) =>
      workspacePath === undefined ? pipeline.send(requestId, request) : sendFromWorkspace(requestId, request, workspacePath),
    ),
    'http.cancel': async ({ requestId }) => ({ cancelled: pipeline.cancel(requestId) }),
    'body.read': async ({ bodyId, offset, length }) => {
      const { bytes, total } = history?.isHistoryBodyId(bodyId)
        ? await history.readBody(bodyId, offset, length)
        : await bodyStore.read(bodyId, offset, length);
      return { offset, dataBase64: Buffer.from(bytes).toString('base64'), total };
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
        throw new CourierError(
          'EXTERNAL_URL_REFUSED',
          'Only web links (http:// or https://) can be opened outside Courier.',
          url.slice(0, 200),
        );
      }
      return { opened: (await options.openExternal(safe)) === true };
    },
    ...historyHandlers(() => history, options.version),
    ...secrets.handlers,
    ...websocketHandlers(websocket, createWebSocketPreparer(secrets.prepare, (workspacePath) => workspace.inheritanceChain(workspacePath))),
    ...graphql.handlers,
    ...workspaceHandlers(workspace, secrets.credentials, afterReady),
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
      const bruno = toBrunoCollection(collection);
      const folder = await importExport.writeFolder(destination, collection.name, bruno.files);
      return { folder, files: bruno.files.length, warnings: [...warnings, ...bruno.warnings] };
    },
    'export.snippet': async ({ request, target }) => importExport.snippet(request, target),
    ...runner.handlers,
  };

  let closing: Promise<void> | null = null;
  return {
    handlers,
    onEvent: (listener) => hub.subscribe(listener),
    close() {
      // In-flight requests end first so nothing writes into the body store while it shuts down.
      closing ??= (async () => {
        hub.clear();
        for (const controller of imports.values()) controller.abort();
        await runner.close();
        await workspace.close();
        await secrets.auth.close();
        await websocket.close();
        await graphql.close();
        await scriptRunner.close();
        await httpEngine.close();
        await recorder.drain();
        await history?.close();
        await bodyStore.close();
        await rm(spoolDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
