import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { HttpRequestSpec, WorkspaceNode } from '../../../shared/contract';
import {
  COLLECTION_FILE,
  FOLDER_FILE,
  nameFromEntry,
  orderEntries,
  REQUEST_SUFFIX,
  WORKSPACE_FILE,
  WORKSPACE_FORMAT,
  NEWER_FORMAT_WORDS,
} from '../../../shared/workspace';
import { parseContainer, parseRequestFile, describeJsonError, type ContainerFile, type WebSocketFile } from '../../../shared/workspace/files';
import { readFailure, readWorkspaceFile } from './safe-read';

export interface ContainerEntry {
  kind: 'collection' | 'folder';
  path: string;
  /** the file or folder name inside its parent */
  entry: string;
  name: string;
  parent: string | null;
  /** children's paths in display order */
  children: string[];
  /** null when there is no collection.json / folder.json yet, or it is unreadable (see error) */
  file: ContainerFile | null;
  error?: string;
}

export interface RequestEntry {
  kind: 'request';
  path: string;
  entry: string;
  name: string;
  parent: string;
  /** the file's text as last read or written: an external edit is a difference from it */
  text: string;
  /** an HTTP request file (no kind); null for a WebSocket file or an unreadable one */
  request: HttpRequestSpec | null;
  /** a `"kind": "websocket"` file */
  websocket?: WebSocketFile | null;
  error?: string;
}

export type Entry = ContainerEntry | RequestEntry;

export interface RootInfo {
  name: string;
  order: string[];
  error?: string;
}

export interface ScannedWorkspace {
  root: RootInfo;
  collections: string[];
  entries: Map<string, Entry>;
  /** every folder scanned (absolute), for the watchers */
  dirs: string[];
}

export const metaFileOf = (kind: 'collection' | 'folder'): string => (kind === 'collection' ? COLLECTION_FILE : FOLDER_FILE);
const isHidden = (name: string): boolean => name.startsWith('.');
export const joinRel = (parent: string | null, entry: string): string => (parent === null ? entry : `${parent}/${entry}`);
export const absOf = (root: string, rel: string | null): string => (rel === null ? root : path.join(root, ...rel.split('/')));

const READ_SLICE = 250;

function parseRoot(text: string | null, fallbackName: string, readError?: string): RootInfo {
  if (readError !== undefined) return { name: fallbackName, order: [], error: readError };
  if (text === null) return { name: fallbackName, order: [] };
  try {
    const value = JSON.parse(text) as { format?: unknown; name?: unknown; order?: unknown };
    // a newer layout may order things differently: listed as an error, so its order is never rewritten
    if (typeof value.format === 'number' && value.format > WORKSPACE_FORMAT) {
      return {
        name: fallbackName,
        order: [],
        error: `${WORKSPACE_FILE} ${NEWER_FORMAT_WORDS} (workspace file format ${value.format}; this Courier reads up to format ${WORKSPACE_FORMAT}). Update Courier to change the workspace's order.`,
      };
    }
    const order = Array.isArray(value.order) ? value.order.filter((x): x is string => typeof x === 'string') : [];
    return { name: typeof value.name === 'string' && value.name.trim() !== '' ? value.name : fallbackName, order };
  } catch (error) {
    return { name: fallbackName, order: [], error: describeJsonError(error as SyntaxError) };
  }
}

/** courier-workspace.json, or what stopped Courier from reading it (as the root's error: its order is then not rewritten). */
function readRoot(root: string): RootInfo {
  try {
    return parseRoot(readWorkspaceFile(root, path.join(root, WORKSPACE_FILE)), path.basename(root));
  } catch (error) {
    return parseRoot(null, path.basename(root), readFailure(error));
  }
}

/** Reads the whole workspace: folders first (cheap), then every request file with bounded concurrency. */
export async function scanWorkspace(root: string): Promise<ScannedWorkspace> {
  const entries = new Map<string, Entry>();
  const dirs: string[] = [root];
  const requestFiles: RequestEntry[] = [];
  const rootInfo = readRoot(root);

  const scanContainer = async (rel: string, entryName: string, parent: string | null, kind: 'collection' | 'folder'): Promise<void> => {
    const abs = absOf(root, rel);
    dirs.push(abs);
    const listing = await readdir(abs, { withFileTypes: true });
    const metaName = metaFileOf(kind);
    let metaText: string | null = null;
    let readError: string | undefined;
    if (listing.some((d) => d.isFile() && d.name === metaName)) {
      try {
        metaText = readWorkspaceFile(root, path.join(abs, metaName));
      } catch (error) {
        readError = readFailure(error);
      }
    }
    const parsed =
      readError !== undefined
        ? ({ ok: false, error: readError } as const)
        : metaText === null
          ? null
          : parseContainer(metaText, entryName, joinRel(rel, metaName));
    const container: ContainerEntry = {
      kind,
      path: rel,
      entry: entryName,
      name: parsed?.ok ? parsed.value.settings.name : entryName,
      parent,
      children: [],
      file: parsed?.ok ? parsed.value : null,
      ...(parsed && !parsed.ok ? { error: parsed.error } : {}),
    };
    entries.set(rel, container);
    const childNames = listing
      .filter((d) => !isHidden(d.name) && ((d.isDirectory() && d.name !== 'node_modules') || (d.isFile() && d.name.endsWith(REQUEST_SUFFIX))))
      .map((d) => d.name);
    const ordered = orderEntries(childNames, container.file?.order ?? []);
    container.children = ordered.map((name) => joinRel(rel, name));
    const subfolders: Promise<void>[] = [];
    for (const d of listing) {
      if (isHidden(d.name)) continue;
      const childRel = joinRel(rel, d.name);
      if (d.isDirectory() && d.name !== 'node_modules') subfolders.push(scanContainer(childRel, d.name, rel, 'folder'));
      else if (d.isFile() && d.name.endsWith(REQUEST_SUFFIX)) {
        const request: RequestEntry = { kind: 'request', path: childRel, entry: d.name, name: nameFromEntry(d.name), parent: rel, text: '', request: null };
        entries.set(childRel, request);
        requestFiles.push(request);
      }
    }
    await Promise.all(subfolders);
  };

  const top = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && !isHidden(d.name) && d.name !== 'node_modules');
  await Promise.all(top.map((d) => scanContainer(d.name, d.name, null, 'collection')));
  const collections = orderEntries(
    top.map((d) => d.name),
    rootInfo.order,
  );

  // Request files are small: reading them synchronously in slices costs a fraction of four thread-pool hops per
  // file (open, stat, read, close), and yielding between slices keeps the process answering meanwhile.
  for (let start = 0; start < requestFiles.length; start += READ_SLICE) {
    for (const request of requestFiles.slice(start, start + READ_SLICE)) {
      try {
        const text = readWorkspaceFile(root, absOf(root, request.path));
        if (text === null) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
        request.text = text;
      } catch (error) {
        request.error = readFailure(error);
        continue;
      }
      applyRequestText(request, request.text);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { root: rootInfo, collections, entries, dirs };
}

export function applyRequestText(request: RequestEntry, text: string): void {
  request.text = text;
  const parsed = parseRequestFile(text, request.path);
  if (parsed.ok) {
    const value = parsed.value;
    request.request = value.kind === 'http' ? value.request : null;
    request.websocket = value.kind === 'websocket' ? { request: value.request, messages: value.messages } : null;
    request.name = value.name ?? nameFromEntry(request.entry);
    delete request.error;
  } else {
    request.request = null;
    request.websocket = null;
    request.name = nameFromEntry(request.entry);
    request.error = parsed.error;
  }
}

/** The tree in display order, depth first. */
export function treeNodes(scan: ScannedWorkspace): WorkspaceNode[] {
  const nodes: WorkspaceNode[] = [];
  const visit = (rel: string, depth: number) => {
    const entry = scan.entries.get(rel);
    if (!entry) return;
    const node: WorkspaceNode = { path: rel, kind: entry.kind, name: entry.name, depth, parent: entry.parent };
    if (entry.kind === 'request' && entry.request) node.method = entry.request.method;
    if (entry.kind === 'request' && entry.websocket) {
      node.method = 'WS';
      node.protocol = 'websocket';
    }
    if (entry.error) node.error = entry.error;
    nodes.push(node);
    if (entry.kind !== 'request') for (const child of entry.children) visit(child, depth + 1);
  };
  for (const collection of scan.collections) visit(collection, 0);
  return nodes;
}
