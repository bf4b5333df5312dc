import type { ImportedFolder, ImportedItem, ImportResult } from '../../../shared/contract';
import type { MessagePort } from 'node:worker_threads';

/** The steps of an import, in order, as the window shows them. */
export type ImportPhase = 'parsing' | 'resolving' | 'converting';

export interface ImportWorkerInput {
  text: string;
  sourceUrl?: string;
}

/**
 * What the worker starts with; the text follows in `chunks` messages (strings), one per turn of the main event loop:
 * copying a 58 MB text into the worker in one go would stall the main thread for a quarter of a second.
 */
export interface ImportWorkerData {
  sourceUrl?: string;
  chunks: number;
  /**
   * Where every ImportWorkerMessage goes, in order. The main thread takes them one at a time with
   * receiveMessageOnPort, as many as fit in a few milliseconds per turn of its event loop: a 'message' listener would
   * be handed every queued message in one go. The worker's own port only carries READY nudges.
   */
  results: MessagePort;
}

/** the worker's nudge on its own port: a message waits on `results` */
export const READY = 'ready';

/** characters per message of the text: copying 2 MB at once took 10–30 ms of the main thread on a loaded machine */
export const TEXT_CHUNK = 512 * 1024;
/** the main thread's answer to each 'items' message: it frees a place in the worker's window (RESULT_WINDOW) */
export const NEXT_BATCH = 'next';
/**
 * 'items' messages the worker may have unanswered. One at a time cost a round trip per batch, each needing both
 * threads scheduled, seconds on a loaded machine. The main thread takes them one by one (see ImportWorkerData), so the
 * window only bounds the memory of messages waiting, not how much it decodes per turn.
 */
export const RESULT_WINDOW = 6;

/**
 * Posts `messages`, pausing whenever `window` 'items' messages are unanswered until `next` brings NEXT_BATCH; stops
 * (false) when anything else arrives (the main thread ended the conversation).
 */
export async function postWithWindow(messages: Iterable<ImportWorkerMessage>, post: (message: ImportWorkerMessage) => void, next: () => Promise<unknown>, window: number): Promise<boolean> {
  let unanswered = 0;
  for (const message of messages) {
    post(message);
    if (message.type !== 'items') continue;
    unanswered += 1;
    while (unanswered >= window) {
      if ((await next()) !== NEXT_BATCH) return false;
      unanswered -= 1;
    }
  }
  return true;
}

/** One item of the result tree, placed under the folder at `parent` (indices from the collection down). */
export interface ItemEntry {
  collection: number;
  parent: number[];
  item: ImportedItem;
}

export type ImportWorkerMessage =
  | { type: 'progress'; phase: ImportPhase }
  /** the result without its items, then the items in batches, then 'done' */
  | { type: 'head'; result: ImportResult }
  | { type: 'items'; entries: ItemEntry[] }
  | { type: 'done' }
  | { type: 'error'; code: 'INVALID_IMPORT' | 'INTERNAL'; message: string };

/**
 * A large result (Graph's tens of thousands of requests) in messages of a bounded size. The worker waits for
 * NEXT_BATCH after each 'items' message, so the main thread decodes one batch per turn of its event loop (Node
 * delivers every queued message of a port in one go, which would be the whole tree at once).
 */
export function* resultMessages(result: ImportResult, batchSize: number): Generator<ImportWorkerMessage> {
  yield { type: 'head', result: { ...result, collections: result.collections.map((collection) => ({ ...collection, items: [] })) } };
  let entries: ItemEntry[] = [];
  const stack: { collection: number; parent: number[]; items: ImportedItem[]; start: number }[] = result.collections.map((collection, index) => ({ collection: index, parent: [], items: collection.items, start: 0 })).reverse();
  while (stack.length > 0) {
    const { collection, parent, items, start } = stack.pop()!;
    for (let index = start; index < items.length; index += 1) {
      const item = items[index]!;
      entries.push({ collection, parent, item: item.type === 'folder' ? { ...item, items: [] } : item });
      if (entries.length >= batchSize) {
        yield { type: 'items', entries };
        entries = [];
      }
      if (item.type === 'folder') {
        // depth first, so a folder's children follow it before its next sibling is placed
        stack.push({ collection, parent, items, start: index + 1 });
        stack.push({ collection, parent: [...parent, index], items: item.items, start: 0 });
        break;
      }
    }
  }
  if (entries.length > 0) yield { type: 'items', entries };
  yield { type: 'done' };
}

/** Puts the result back together on the receiving side, in the order resultMessages sent it. */
export function placeEntries(result: ImportResult, entries: readonly ItemEntry[]): void {
  for (const { collection, parent, item } of entries) {
    let items = result.collections[collection]!.items;
    for (const index of parent) items = (items[index] as ImportedFolder).items;
    items.push(item);
  }
}
