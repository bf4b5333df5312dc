import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  CourierError,
  workspaceSessionSchema,
  type ContainerSettings,
  type HttpRequestSpec,
  type ImportedCollection,
  type SavedRequest,
  type SavedWebSocket,
  type WsRequestSpec,
  type WsSavedMessage,
  type WorkspaceSession,
  type WorkspaceTree,
  type WsWorkspaceSession,
} from '../../../shared/contract';
import { redactStoredCredentials } from '../../../shared/auth';
import { REQUEST_SUFFIX, slugify, WORKSPACE_FILE, WORKSPACE_FORMAT, withoutFileBytes } from '../../../shared/workspace';
import { serializeContainer, serializeRequest, serializeWebSocketRequest, type ContainerFile, type WebSocketFile } from '../../../shared/workspace/files';
import type { SettingsStore } from '../settings-store';
import { writeAtomic } from './files';
import {
  absOf,
  applyRequestText,
  joinRel,
  metaFileOf,
  scanWorkspace,
  treeNodes,
  type ContainerEntry,
  type Entry,
  type RequestEntry,
  type ScannedWorkspace,
} from './scan';
import { exportContainer } from './export-collection';
import { planImport, planImportInto, removeCreated, storageFailure, writePlan } from './import-collections';
import { conflict, emptySettings, invalid, notFound } from './problems';
import { structureOps } from './structure';
import { createFolderWatcher, type FolderWatcher } from './watcher';
import { readWsSession, writeWsSession } from './ws-session';

export interface WorkspaceChange {
  reason: 'external' | 'opened' | 'changed';
  paths: string[];
}

interface WorkspaceServiceOptions {
  /** the default workspace, in the app's data folder; created on first use */
  defaultDir: string;
  /** remembers the open folder and the open tabs */
  store: Pick<SettingsStore, 'get' | 'set'>;
  onChange?: (change: WorkspaceChange) => void;
  /** a native folder dialog (Electron); absent in web mode, where the user types a path */
  pickFolder?: () => Promise<string | null>;
  /** false in tests that do not want watchers; default true */
  watch?: boolean;
  debounceMs?: number;
  onError?: (error: unknown) => void;
}

export interface WorkspaceService {
  tree(): Promise<WorkspaceTree>;
  open(folder: string | null): Promise<WorkspaceTree>;
  pickFolder(): Promise<{ supported: boolean; path: string | null }>;
  readRequest(rel: string): Promise<SavedRequest>;
  saveRequest(rel: string, request: HttpRequestSpec): Promise<{ path: string; warnings: string[] }>;
  createRequest(parent: string, name: string, request: HttpRequestSpec): Promise<{ path: string; warnings: string[] }>;
  readWebSocket(rel: string): Promise<SavedWebSocket>;
  saveWebSocket(rel: string, request: WsRequestSpec, messages: readonly WsSavedMessage[]): Promise<{ path: string; warnings: string[] }>;
  createWebSocket(parent: string, name: string, request: WsRequestSpec, messages: readonly WsSavedMessage[]): Promise<{ path: string; warnings: string[] }>;
  createContainer(parent: string | null, name: string): Promise<{ path: string }>;
  readContainer(rel: string): Promise<ContainerSettings>;
  saveContainer(rel: string, settings: ContainerSettings): Promise<{ warnings: string[] }>;
  rename(rel: string, name: string): Promise<{ path: string }>;
  duplicate(rel: string): Promise<{ path: string }>;
  move(rel: string, parent: string | null, index: number): Promise<{ path: string }>;
  delete(rel: string): Promise<{ undoToken: string }>;
  undoDelete(token: string): Promise<{ path: string }>;
  /**
   * New collections from an import, all or nothing; warnings name the item ("Petstore / Users / Login: …"). With
   * `into` (a collection or folder), the one imported collection's items are added there instead, and `into` says where.
   */
  importCollections(collections: readonly ImportedCollection[], into?: string): Promise<ImportedIntoWorkspace>;
  /** A collection or folder and everything below it, for an exporter; files that cannot be read are skipped and named. */
  exportCollection(rel: string): Promise<{ collection: ImportedCollection; warnings: string[] }>;
  session(): WorkspaceSession;
  saveSession(session: WorkspaceSession): void;
  wsSession(): WsWorkspaceSession;
  saveWsSession(session: WsWorkspaceSession): void;
  /** For sending a saved request: its collection's and folders' settings, collection first. */
  inheritanceChain(rel: string): Promise<ContainerSettings[]>;
  /** Re-reads the folder now (what the watcher does after a change). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

interface ImportedIntoWorkspace {
  collections: { name: string; path: string }[];
  into?: { name: string; path: string; added: string[] };
  warnings: string[];
}

const ROOT_KEY = 'workspace.root';
const SESSION_KEY = 'workspace.session';

const isDirectory = (folder: string): Promise<boolean> =>
  stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );

export function createWorkspaceService(options: WorkspaceServiceOptions): WorkspaceService {
  const report = options.onError ?? ((error: unknown) => console.error('Workspace:', error));
  const emit = (change: WorkspaceChange) => options.onChange?.(change);
  let root = '';
  let scan: ScannedWorkspace | null = null;
  let watcher: FolderWatcher | null = null;
  let closed = false;

  // Every operation runs alone: a rescan never interleaves with a half-done move.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const current = (): ScannedWorkspace => {
    if (!scan) throw new CourierError('INTERNAL', 'The workspace is not open.');
    return scan;
  };

  async function load(folder: string): Promise<void> {
    const next = await scanWorkspace(folder);
    root = folder;
    scan = next;
    watcher?.sync(next.dirs);
  }

  /** Reads the folder again; reports which request files and rows differ from what Courier last knew. */
  async function rescan(): Promise<string[]> {
    const before = scan;
    await load(root);
    if (!before || !scan) return [];
    const changed: string[] = [];
    for (const [rel, entry] of scan.entries) {
      const old = before.entries.get(rel);
      if (!old || old.kind !== entry.kind || old.name !== entry.name || old.error !== entry.error) changed.push(rel);
      else if (entry.kind === 'request' && old.kind === 'request' && old.text !== entry.text) changed.push(rel);
      else if (entry.kind !== 'request' && old.kind !== 'request' && old.children.join('\n') !== entry.children.join('\n')) changed.push(rel);
    }
    for (const rel of before.entries.keys()) if (!scan.entries.has(rel)) changed.push(rel);
    if (before.collections.join('\n') !== scan.collections.join('\n') && changed.length === 0) changed.push('');
    return changed;
  }

  const ready = (async () => {
    if (options.watch !== false) {
      watcher = createFolderWatcher(() => {
        void serial(async () => {
          if (closed) return;
          // The open folder itself was removed (a `courier run` deleting its temporary workspace, a user deleting
          // the folder): there is nothing to rescan, and the next read says the folder is gone.
          if (!(await isDirectory(root))) return;
          const changed = await rescan();
          if (changed.length > 0) emit({ reason: 'external', paths: changed.filter((p) => p !== '') });
        }).catch(report);
      }, options.debounceMs ?? 150);
    }
    const stored = options.store.get(ROOT_KEY);
    if (typeof stored === 'string') {
      if (await isDirectory(stored)) return load(stored);
    }
    await mkdir(options.defaultDir, { recursive: true });
    return load(options.defaultDir);
  })();

  const op = <T>(work: () => Promise<T>): Promise<T> => ready.then(() => serial(work));

  const tree = (): WorkspaceTree => {
    const s = current();
    return { root, name: s.root.name, isDefault: path.resolve(root) === path.resolve(options.defaultDir), nodes: treeNodes(s) };
  };

  const entryOf = (rel: string): Entry => {
    const entry = current().entries.get(rel);
    if (!entry) throw notFound(rel);
    return entry;
  };
  const requestOf = (rel: string): RequestEntry & { request: HttpRequestSpec } => {
    const entry = entryOf(rel);
    if (entry.kind !== 'request') throw notFound(rel);
    if (entry.websocket) throw conflict('This is a WebSocket request: it opens in the WebSocket view.', rel);
    if (entry.error || !entry.request) throw invalid(rel, entry.error ?? 'unreadable');
    return entry as RequestEntry & { request: HttpRequestSpec };
  };
  const websocketOf = (rel: string): RequestEntry & { websocket: WebSocketFile } => {
    const entry = entryOf(rel);
    if (entry.kind !== 'request') throw notFound(rel);
    if (entry.error) throw invalid(rel, entry.error);
    if (!entry.websocket) throw conflict('This is an HTTP request, not a WebSocket request.', rel);
    return entry as RequestEntry & { websocket: WebSocketFile };
  };
  /** A request file's text under a name, whatever its kind: rename and duplicate keep what the file composes. */
  const requestText = (rel: string, name: string): string => {
    const entry = entryOf(rel);
    if (entry.kind === 'request' && entry.websocket && !entry.error) return serializeWebSocketRequest(name, entry.websocket).text;
    return serializeRequest(name, requestOf(rel).request).text;
  };

  /** Writes a new request file (HTTP or WebSocket) into a collection or folder, last in its order. */
  async function createRequestFile(parent: string, name: string, stored: { text: string; warnings: string[] }) {
    const container = containerOf(parent);
    if (container.error) throw invalid(parent, container.error);
    const dir = absOf(root, parent);
    const entry = await uniqueEntry(dir, slugify(name), REQUEST_SUFFIX);
    await writeAtomic(path.join(dir, entry), stored.text);
    await writeOrder(parent, [...childEntries(parent), entry]);
    const rel = joinRel(parent, entry);
    await afterStructureChange([rel]);
    return { path: rel, warnings: stored.warnings };
  }

  /** Rewrites a request file when its text changed (an unchanged save writes nothing). */
  async function rewriteRequestFile(rel: string, entry: RequestEntry, stored: { text: string; warnings: string[] }) {
    if (stored.text !== entry.text) {
      await writeAtomic(absOf(root, rel), stored.text);
      applyRequestText(entry, stored.text);
      emit({ reason: 'changed', paths: [rel] });
    }
    return { path: rel, warnings: stored.warnings };
  }
  const containerOf = (rel: string): ContainerEntry => {
    const entry = entryOf(rel);
    if (entry.kind === 'request') throw notFound(rel);
    return entry;
  };
  const childEntries = (parent: string | null): string[] =>
    parent === null ? [...current().collections] : containerOf(parent).children.map((child) => child.slice(parent.length + 1));
  const takenIn = (dir: string) => async (candidate: string) =>
    stat(path.join(dir, candidate)).then(
      () => true,
      () => false,
    );

  async function uniqueEntry(dir: string, base: string, suffix: string): Promise<string> {
    const taken = takenIn(dir);
    // Asks the disk rather than the index: a file git added a moment ago may not be scanned yet.
    let candidate = `${base}${suffix}`;
    for (let n = 2; await taken(candidate); n += 1) candidate = `${base}-${n}${suffix}`;
    return candidate;
  }

  async function writeContainer(rel: string, file: ContainerFile): Promise<string[]> {
    const entry = containerOf(rel);
    const stored = serializeContainer(file);
    await writeAtomic(path.join(absOf(root, rel), metaFileOf(entry.kind)), stored.text);
    return stored.warnings;
  }

  /** Refuses up front, before anything moves, when the parent's order lives in a file Courier could not read. */
  function assertOrderWritable(parent: string | null): void {
    if (parent === null) {
      const info = current().root;
      if (info.error) throw invalid(WORKSPACE_FILE, info.error);
      return;
    }
    const entry = containerOf(parent);
    if (entry.error) throw invalid(parent, entry.error);
  }

  /** Writes the order of a parent's children; refuses to touch a file it could not read. */
  async function writeOrder(parent: string | null, order: string[]): Promise<void> {
    if (parent === null) {
      const info = current().root;
      if (info.error) throw invalid(WORKSPACE_FILE, info.error);
      const text = `${JSON.stringify({ format: WORKSPACE_FORMAT, name: info.name, order }, null, 2)}\n`;
      await writeAtomic(path.join(root, WORKSPACE_FILE), text);
      return;
    }
    const entry = containerOf(parent);
    if (entry.error) throw invalid(parent, entry.error);
    await writeContainer(parent, { settings: entry.file?.settings ?? emptySettings(entry.name), order });
  }

  async function afterStructureChange(paths: string[]): Promise<void> {
    await rescan();
    emit({ reason: 'changed', paths });
  }

  const structure = structureOps({
    root: () => root,
    entryOf,
    requestOf,
    requestText,
    containerOf,
    childEntries,
    uniqueEntry,
    writeOrder,
    assertOrderWritable,
    afterStructureChange,
    report,
    hasEntry: (rel) => current().entries.has(rel),
  });

  /**
   * Collections are told apart by name alone (the Save dialog's list, the runner, exports), so two of one name, in
   * any case, are refused here, where every way of creating or renaming one passes. `except`: the one being renamed.
   */
  function assertCollectionNameFree(name: string, except: string | null = null): void {
    const wanted = name.trim().toLowerCase();
    for (const rel of current().collections) {
      if (rel === except) continue;
      const taken = current().entries.get(rel)?.name ?? rel;
      if (taken.trim().toLowerCase() === wanted) {
        throw new CourierError('NAME_TAKEN', `A collection named "${taken}" already exists. Choose another name.`, taken);
      }
    }
  }

  async function createContainerIn(parent: string | null, name: string): Promise<{ path: string }> {
    const kind = parent === null ? 'collection' : 'folder';
    if (parent === null) assertCollectionNameFree(name);
    assertOrderWritable(parent);
    const dir = absOf(root, parent);
    const entry = await uniqueEntry(dir, slugify(name), '');
    const order = [...childEntries(parent), entry];
    await mkdir(path.join(dir, entry));
    await writeAtomic(path.join(dir, entry, metaFileOf(kind)), serializeContainer({ settings: emptySettings(name.trim()), order: [] }).text);
    await writeOrder(parent, order);
    const rel = joinRel(parent, entry);
    await afterStructureChange([rel]);
    return { path: rel };
  }

  /**
   * One call for a whole import (a thousand requests is one round trip, files written in batches). The plan is made
   * in memory first, so a request that cannot be serialized stops it before anything is written; the workspace order
   * is written last, and a failure before or during it removes every folder the import created. It runs in the
   * queue like every operation, so the watcher's re-read comes after it and never sees half an import.
   */
  async function importCollections(collections: readonly ImportedCollection[]) {
    assertOrderWritable(null);
    const entries = await readdir(root).catch((error: unknown) => {
      throw storageFailure(error);
    });
    const names = current().collections.map((rel) => current().entries.get(rel)?.name ?? rel);
    const plan = planImport(collections, { entries, names });
    await writePlan(root, plan, report);
    const added = plan.collections.map((collection) => collection.path);
    try {
      await writeOrder(null, [...childEntries(null), ...added]);
    } catch (error) {
      await removeCreated(root, added, report);
      throw storageFailure(error);
    }
    await afterStructureChange(added);
    return { collections: plan.collections, warnings: plan.warnings };
  }

  /** Like importCollections, into an existing container: its order is written last, after every new file. */
  async function importInto(collections: readonly ImportedCollection[], into: string): Promise<ImportedIntoWorkspace> {
    const container = containerOf(into);
    if (container.error) throw invalid(into, container.error);
    const entries = await readdir(absOf(root, into)).catch((error: unknown) => {
      throw storageFailure(error);
    });
    const plan = planImportInto(collections, { path: into, name: container.name }, entries);
    await writePlan(root, plan, report);
    try {
      await writeOrder(into, [...childEntries(into), ...plan.tops.map((rel) => rel.slice(into.length + 1))]);
    } catch (error) {
      await removeCreated(root, plan.tops, report);
      throw storageFailure(error);
    }
    await afterStructureChange(plan.tops);
    return { collections: [], into: { name: container.name, path: into, added: plan.tops }, warnings: plan.warnings };
  }

  return {
    tree: () => op(async () => tree()),
    open: (folder) =>
      op(async () => {
        const target = folder === null ? options.defaultDir : path.resolve(folder);
        if (folder === null) await mkdir(target, { recursive: true });
        if (!(await isDirectory(target)))
          throw new CourierError('WORKSPACE_NOT_FOUND', 'There is no folder at that path. Type the full path of an existing folder.', target);
        await load(target);
        options.store.set(ROOT_KEY, folder === null ? null : target);
        emit({ reason: 'opened', paths: [] });
        return tree();
      }),
    pickFolder: async () => (options.pickFolder ? { supported: true, path: await options.pickFolder() } : { supported: false, path: null }),
    readRequest: (rel) =>
      op(async () => {
        const entry = requestOf(rel);
        return { path: rel, name: entry.name, request: entry.request };
      }),
    saveRequest: (rel, request) =>
      op(async () => {
        const entry = requestOf(rel);
        return rewriteRequestFile(rel, entry, serializeRequest(entry.name, request));
      }),
    createRequest: (parent, name, request) => op(() => createRequestFile(parent, name, serializeRequest(name.trim(), request))),
    readWebSocket: (rel) =>
      op(async () => {
        const entry = websocketOf(rel);
        return { path: rel, name: entry.name, request: entry.websocket.request, messages: entry.websocket.messages };
      }),
    saveWebSocket: (rel, request, messages) =>
      op(async () => {
        const entry = websocketOf(rel);
        return rewriteRequestFile(rel, entry, serializeWebSocketRequest(entry.name, { request, messages: [...messages] }));
      }),
    createWebSocket: (parent, name, request, messages) =>
      op(() => createRequestFile(parent, name, serializeWebSocketRequest(name.trim(), { request, messages: [...messages] }))),
    createContainer: (parent, name) => op(() => createContainerIn(parent, name)),
    readContainer: (rel) =>
      op(async () => {
        const entry = containerOf(rel);
        if (entry.error) throw invalid(rel, entry.error);
        return entry.file?.settings ?? emptySettings(entry.name);
      }),
    saveContainer: (rel, settings) =>
      op(async () => {
        const entry = containerOf(rel);
        if (entry.error) throw invalid(rel, entry.error);
        const warnings = await writeContainer(rel, { settings, order: entry.file?.order ?? childEntries(rel) });
        await afterStructureChange([rel]);
        return { warnings };
      }),
    rename: (rel, name) =>
      op(() => {
        if (entryOf(rel).parent === null) assertCollectionNameFree(name, rel);
        return structure.rename(rel, name);
      }),
    duplicate: (rel) => op(() => structure.duplicate(rel)),
    move: (rel, parent, index) => op(() => structure.move(rel, parent, index)),
    delete: (rel) => op(() => structure.delete(rel)),
    undoDelete: (token) => op(() => structure.undoDelete(token)),
    importCollections: (collections, into) => op(() => (into === undefined ? importCollections(collections) : importInto(collections, into))),
    exportCollection: (rel) => op(async () => exportContainer(rel, { entryOf, containerOf })),
    session: () => {
      const parsed = workspaceSessionSchema.safeParse(options.store.get(SESSION_KEY));
      return parsed.success ? parsed.data : { tabs: [], activeId: null };
    },
    saveSession: (session) => {
      // Unsaved drafts sit in the settings file: typed credentials are masked there exactly as in history.
      const safe = { ...session, tabs: session.tabs.map((tab) => ({ ...tab, request: withoutFileBytes(redactStoredCredentials(tab.request)) })) };
      options.store.set(SESSION_KEY, safe);
    },
    wsSession: () => readWsSession(options.store),
    saveWsSession: (session) => writeWsSession(options.store, session),
    inheritanceChain: (rel) =>
      op(async () => {
        const chain: ContainerSettings[] = [];
        let parent = entryOf(rel).parent;
        while (parent !== null) {
          const container = containerOf(parent);
          chain.unshift(container.file?.settings ?? emptySettings(container.name));
          parent = container.parent;
        }
        return chain;
      }),
    refresh: () =>
      op(async () => {
        const changed = await rescan();
        if (changed.length > 0) emit({ reason: 'external', paths: changed.filter((p) => p !== '') });
      }),
    close: async () => {
      closed = true;
      watcher?.close();
      await ready.catch(() => undefined);
      await queue.catch(() => undefined);
    },
  };
}
