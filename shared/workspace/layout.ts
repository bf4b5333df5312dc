import { CONTAINER_FILE_FORMAT, currentVersion, REQUEST_FILE_FORMAT } from './format-upgrades';

/** File names of the workspace layout (see electron/services/workspace/README.md). */
export const WORKSPACE_FILE = 'courier-workspace.json';
export const COLLECTION_FILE = 'collection.json';
export const FOLDER_FILE = 'folder.json';
export const REQUEST_SUFFIX = '.request.json';
export const WORKSPACE_FORMAT = 1;
/**
 * Request files: 1 (no "format" key) had no "inherit" auth, and "none" in a collection took the collection's auth;
 * 2 says "inherit" by leaving auth out and writes an explicit {"kind":"none"} for No auth. Each change is one step in
 * format-upgrades/, so the current version is the number of steps + 1.
 */
export const REQUEST_FORMAT = currentVersion(REQUEST_FILE_FORMAT);
/**
 * 3 adds "tests". A file is written with the lowest format that holds what it says: one without tests stays
 * format 2, byte for byte, so older Courier versions keep reading it; one with tests is 3, so an older version refuses
 * it ("written by a newer Courier") rather than reading it and dropping its tests on the next save.
 */
export const REQUEST_FORMAT_WITHOUT_TESTS = 2;
/** collection.json and folder.json: 1 had no "format" key; 2 writes it. */
export const CONTAINER_FORMAT = currentVersion(CONTAINER_FILE_FORMAT);

// "request-2" before "request-10", as a person reads them; a fixed locale keeps the order the same on every machine.
// Made on first use: a collator costs a cold page 15 ms of ICU set-up, and this module is on the renderer's start path.
let natural: Intl.Collator | null = null;
const naturalOrder = (a: string, b: string) => (natural ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })).compare(a, b);

/** Children in the parent's `order`; anything not listed (added by hand, by git) follows, by name. */
export function orderEntries(entries: readonly string[], order: readonly string[]): string[] {
  const present = new Set(entries);
  const listed = order.filter((name, index) => present.has(name) && order.indexOf(name) === index);
  const listedSet = new Set(listed);
  const rest = entries.filter((name) => !listedSet.has(name)).sort(naturalOrder);
  return [...listed, ...rest];
}

/** The display name a file gets when it does not say: its slug without the suffix. */
export function nameFromEntry(entry: string): string {
  return entry.endsWith(REQUEST_SUFFIX) ? entry.slice(0, -REQUEST_SUFFIX.length) : entry;
}

/** Where an item's path went when it, or a folder above it, moved from `from` to `to`; null when it did not move. */
export function movedPath(path: string, from: string, to: string): string | null {
  if (path === from) return to;
  if (path.startsWith(`${from}/`)) return `${to}${path.slice(from.length)}`;
  return null;
}
