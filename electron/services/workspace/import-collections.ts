import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { CourierError, httpRequestSpecSchema, type ImportedCollection, type ImportedItem } from '../../../shared/contract';
import { COLLECTION_FILE, FOLDER_FILE, REQUEST_SUFFIX, slugify } from '../../../shared/workspace';
import { serializeContainer, serializeRequest } from '../../../shared/workspace/files';
import { absOf, joinRel } from './scan';

const NAME_MAX = 200;
/** files written between two yields to the event loop */
const WRITE_SLICE = 250;

/** Everything an import will write, worked out in memory before the first byte reaches the disk. */
interface ImportPlan {
  /** new folders, each after its parent; the first of each collection is the collection itself */
  dirs: string[];
  files: { rel: string; text: string }[];
  collections: { name: string; path: string }[];
  /** the new entries at the top of what the import writes into, in order: removed again if a write fails */
  tops: string[];
  /** what did not go into the files, one line per item ("Petstore / Users / Login: …") */
  warnings: string[];
}

/** Taken names compared as a case-insensitive file system would, so "Users" and "users" never collide on macOS. */
function uniqueIn(taken: Set<string>, base: string, suffix: string): string {
  let candidate = `${base}${suffix}`;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base}-${n}${suffix}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const displayName = (name: string, fallback: string): string => name.trim().slice(0, NAME_MAX).trim() || fallback;

/** "Petstore", then "Petstore 2", "Petstore 3": two collections of the same name would be told apart by path only. */
function uniqueName(taken: Set<string>, base: string): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
    const suffix = ` ${n}`;
    candidate = `${base.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function refused(item: string, error: unknown): CourierError {
  const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new CourierError('INVALID_IMPORT', `Nothing was imported: “${item}” could not be turned into a file. ${why}`, item);
}

/**
 * Turns imported items into planned folders and files. Containers and requests go through the same serializers as every
 * save, so literal credentials become placeholders here too, each with a warning naming the item. Throws
 * INVALID_IMPORT, naming the item, when something cannot be serialized.
 */
function itemWriter(plan: ImportPlan) {
  const serialize = (trail: string[], write: () => { text: string; warnings: string[] }): string => {
    const label = trail.join(' / ');
    let stored: { text: string; warnings: string[] };
    try {
      stored = write();
    } catch (error) {
      throw refused(label, error);
    }
    for (const warning of stored.warnings) plan.warnings.push(`${label}: ${warning}`);
    return stored.text;
  };

  /** `taken`: the entries already in `dirRel` (lower case); returns the new entries in order */
  const addItems = (dirRel: string, items: readonly ImportedItem[], trail: string[], taken = new Set<string>([COLLECTION_FILE, FOLDER_FILE])): string[] => {
    const order: string[] = [];
    for (const item of items) {
      if (item.type === 'folder') {
        const name = displayName(item.name, 'Untitled folder');
        const itemTrail = [...trail, name];
        const entry = uniqueIn(taken, slugify(name), '');
        const rel = joinRel(dirRel, entry);
        plan.dirs.push(rel);
        const childOrder = addItems(rel, item.items, itemTrail);
        const stored = serialize(itemTrail, () =>
          serializeContainer({
            settings: { name, variables: [], headers: [], auth: { kind: 'none' }, ...(item.scripts ? { scripts: item.scripts } : {}) },
            order: childOrder,
          }),
        );
        plan.files.push({ rel: joinRel(rel, FOLDER_FILE), text: stored });
        order.push(entry);
      } else {
        const name = displayName(item.name, 'Untitled request');
        const itemTrail = [...trail, name];
        const entry = uniqueIn(taken, slugify(name), REQUEST_SUFFIX);
        const text = serialize(itemTrail, () => serializeRequest(name, httpRequestSpecSchema.parse(item.request)));
        plan.files.push({ rel: joinRel(dirRel, entry), text });
        order.push(entry);
      }
    }
    return order;
  };
  return { serialize, addItems };
}

/**
 * Lays out the imported collections as workspace files: one folder per collection below the workspace, its folders
 * and requests in the importer's order, unique file names among siblings. Nothing has been written when it throws.
 */
export function planImport(collections: readonly ImportedCollection[], existing: { entries: Iterable<string>; names: Iterable<string> }): ImportPlan {
  const plan: ImportPlan = { dirs: [], files: [], collections: [], tops: [], warnings: [] };
  const { serialize, addItems } = itemWriter(plan);
  const topEntries = new Set([...existing.entries].map((entry) => entry.toLowerCase()));
  const topNames = new Set([...existing.names].map((name) => name.toLowerCase()));
  for (const collection of collections) {
    const name = uniqueName(topNames, displayName(collection.name, 'Imported collection'));
    const entry = uniqueIn(topEntries, slugify(name), '');
    plan.dirs.push(entry);
    plan.collections.push({ name, path: entry });
    plan.tops.push(entry);
    const order = addItems(entry, collection.items, [name]);
    const text = serialize([name], () =>
      serializeContainer({
        settings: { name, variables: collection.variables, headers: [], auth: collection.auth, ...(collection.scripts ? { scripts: collection.scripts } : {}) },
        order,
      }),
    );
    plan.files.push({ rel: joinRel(entry, COLLECTION_FILE), text });
  }
  return plan;
}

/**
 * Lays out one imported collection's items inside an existing collection or folder (`target`), after what is there:
 * file names are kept apart from the entries already in it, as in a new collection. Only items can go there: a
 * collection that brings its own variables, auth or scripts would lose them, so it is refused (INVALID_IMPORT).
 */
export function planImportInto(collections: readonly ImportedCollection[], target: { path: string; name: string }, entries: Iterable<string>): ImportPlan {
  const [collection, ...more] = collections;
  if (!collection || more.length > 0) {
    throw new CourierError('INVALID_IMPORT', 'Nothing was imported: only the requests of one import can be added to an existing collection.');
  }
  if (collection.variables.length > 0 || collection.auth.kind !== 'none' || collection.scripts) {
    throw new CourierError(
      'INVALID_IMPORT',
      `Nothing was imported: “${collection.name}” has its own variables, auth or scripts, which an existing collection cannot take. Import it as a new collection.`,
      collection.name,
    );
  }
  const plan: ImportPlan = { dirs: [], files: [], collections: [], tops: [], warnings: [] };
  const taken = new Set([COLLECTION_FILE, FOLDER_FILE, ...entries].map((entry) => entry.toLowerCase()));
  const order = itemWriter(plan).addItems(target.path, collection.items, [target.name], taken);
  plan.tops.push(...order.map((entry) => joinRel(target.path, entry)));
  return plan;
}

/**
 * Writes a plan into the workspace folder. Folders must not exist (whatever is there belongs to someone else) and
 * files are created with 'wx' (never over a file that appeared meanwhile). Like the scan's reads, the writes are
 * synchronous in slices with a yield between them: request files are small, and three thread-pool hops per file
 * (open, write, close) cost several times the write itself. On any failure every top entry this call created (a
 * collection's folder, or an item added to an existing collection) is removed and the error is thrown again as
 * STORAGE_ERROR: an import is all or nothing.
 */
export async function writePlan(root: string, plan: ImportPlan, report: (error: unknown) => void): Promise<void> {
  const created: string[] = [];
  const tops = new Set(plan.tops);
  try {
    for (const dir of plan.dirs) {
      mkdirSync(absOf(root, dir));
      if (tops.has(dir)) created.push(dir);
    }
    for (let start = 0; start < plan.files.length; start += WRITE_SLICE) {
      for (const file of plan.files.slice(start, start + WRITE_SLICE)) {
        writeFileSync(absOf(root, file.rel), file.text, { encoding: 'utf8', flag: 'wx' });
        if (tops.has(file.rel)) created.push(file.rel);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    await removeCreated(root, created, report);
    throw storageFailure(error);
  }
}

export async function removeCreated(root: string, dirs: readonly string[], report: (error: unknown) => void): Promise<void> {
  for (const dir of dirs) await rm(path.join(root, dir), { recursive: true, force: true }).catch(report);
}

export function storageFailure(error: unknown): CourierError {
  if (error instanceof CourierError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return new CourierError(
    'STORAGE_ERROR',
    'Nothing was imported: the collection could not be written to the workspace folder. Check that the folder is writable and has free space.',
    code ?? (error instanceof Error ? error.message : String(error)),
  );
}
