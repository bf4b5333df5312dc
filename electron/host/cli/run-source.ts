import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dispatch, type ImportResult, type MethodHandlers, type WorkspaceNode, type WorkspaceTree } from '../../../shared/contract';
import { COLLECTION_FILE, WORKSPACE_FILE } from '../../../shared/workspace';
import { InputError } from './input-error';

interface RunSource {
  /** what to run, as workspace paths */
  paths: string[];
  nodes: WorkspaceNode[];
  /** the importer's warnings for a collection file (scripts it could not keep, say) */
  warnings: string[];
  /** removes what the source needed (the temporary workspace of an imported file) */
  dispose(): Promise<void>;
}

async function call<T>(handlers: MethodHandlers, method: string, input: unknown, where: string): Promise<T> {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new InputError(`${where}: ${result.error.message}`);
  return result.value as T;
}

/**
 * The app's own importers (what import.parse runs), called in this process: import.parse starts a worker thread so a
 * huge file cannot stall the app's windows, which costs a CLI most of a second and buys it nothing. Loaded only when
 * a file is given, so a workspace run does not load them at all.
 */
export async function importFileText(text: string, file: string): Promise<ImportResult> {
  const { importText, ImportFormatError } = await import('../../../shared/importers');
  try {
    return await importText(text);
  } catch (error) {
    if (error instanceof ImportFormatError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

/**
 * A collection file goes through the app's importers and the workspace's import into a temporary workspace folder,
 * so it runs exactly as it would after File → Import.
 */
async function importFile(handlers: MethodHandlers, file: string): Promise<RunSource> {
  const text = await readFile(file, 'utf8');
  if (text.trim() === '') throw new InputError(`${file} is empty.`);
  const parsed = await importFileText(text, file);
  if (parsed.collections.length === 0) throw new InputError(`${file} (${parsed.formatLabel}) holds no collection to run.`);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'courier-run-workspace-'));
  try {
    await call(handlers, 'workspace.open', { path: folder }, folder);
    const saved = await call<{ collections: { path: string }[]; warnings: string[] }>(
      handlers,
      'workspace.importCollections',
      { collections: parsed.collections },
      file,
    );
    const tree = await call<WorkspaceTree>(handlers, 'workspace.tree', {}, folder);
    return {
      paths: saved.collections.map((collection) => collection.path),
      nodes: tree.nodes,
      warnings: [...parsed.warnings.map((warning) => `${warning.item}: ${warning.message}`), ...saved.warnings],
      dispose: () => rm(folder, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** A workspace folder runs all its collections; a collection folder runs itself (its parent opened as the workspace). */
export async function openRunSource(handlers: MethodHandlers, source: string): Promise<RunSource> {
  const absolute = path.resolve(source);
  const info = await stat(absolute).catch(() => null);
  if (info === null) throw new InputError(`${source} does not exist.`);
  if (info.isFile()) return importFile(handlers, absolute);
  const isCollection = existsSync(path.join(absolute, COLLECTION_FILE));
  if (!isCollection && !existsSync(path.join(absolute, WORKSPACE_FILE))) {
    throw new InputError(`${source} is neither a Courier workspace (no ${WORKSPACE_FILE}) nor a collection folder (no ${COLLECTION_FILE}).`);
  }
  const root = isCollection ? path.dirname(absolute) : absolute;
  const tree = await call<WorkspaceTree>(handlers, 'workspace.open', { path: root }, root);
  const paths = isCollection ? [path.basename(absolute)] : tree.nodes.filter((node) => node.kind === 'collection').map((node) => node.path);
  if (paths.length === 0) throw new InputError(`${source} has no collection.`);
  const broken = tree.nodes.filter((node) => node.error !== undefined && paths.some((p) => node.path === p || node.path.startsWith(`${p}/`)));
  return {
    paths,
    nodes: tree.nodes,
    warnings: broken.map((node) => `${node.path} cannot be read and is left out: ${node.error}`),
    dispose: async () => undefined,
  };
}

/**
 * --folder: by the names the app shows ("Users/Admin", from a collection down, with or without the collection's
 * name) or by the folder's path in the workspace.
 */
export function findFolder(nodes: readonly WorkspaceNode[], roots: readonly string[], wanted: string): string {
  const within = nodes.filter((node) => node.kind !== 'request' && roots.some((root) => node.path === root || node.path.startsWith(`${root}/`)));
  const byPath = new Map(nodes.map((node) => [node.path, node]));
  const namesOf = (node: WorkspaceNode): string[] => {
    const names = [node.name];
    for (let parent = node.parent; parent !== null; parent = byPath.get(parent)?.parent ?? null) names.unshift(byPath.get(parent)?.name ?? '');
    return names;
  };
  const target = wanted
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean)
    .join('/');
  const match =
    within.find((node) => node.path === target || node.path.endsWith(`/${target}`)) ??
    within.find((node) => namesOf(node).join('/') === target || namesOf(node).slice(1).join('/') === target);
  if (!match) {
    const known = within
      .filter((node) => node.kind === 'folder')
      .map((node) => namesOf(node).join('/'))
      .slice(0, 20);
    throw new InputError(`--folder "${wanted}": no such folder. Folders: ${known.length > 0 ? known.join(', ') : 'none'}.`);
  }
  return match.path;
}
