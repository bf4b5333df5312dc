import type { ImportedFolder, ImportedItem, ImportResult } from '../../../shared/contract';
import type { ImportWorkerMessage } from './import-worker-protocol';

/** One item of the result tree, placed under the folder at `parent` (indices from the collection down). */
export interface ItemEntry {
  collection: number;
  parent: number[];
  item: ImportedItem;
  /**
   * The request's body text is the conversation's texts[bodyText] (its own text is left empty). A large description
   * gives one example body to many operations: in a Graph-sized one, 2.2 KB of the 3 KB each request took to send
   * and to keep, for a few dozen distinct bodies per thousand requests. Sent once, it is also one string on the
   * receiving side, as it was in the worker, instead of a copy per request for the main thread's heap to carry.
   */
  bodyText?: number;
}

export interface BatchLimits {
  /** entries per message */
  entries: number;
  /** estimated bytes per message (see sizeOf): what the main thread decodes in one go */
  bytes: number;
}

/** body texts shorter than this travel inside their request: a place in the table would save nothing */
const SHARED_TEXT_MIN = 64;

/**
 * About what a value costs structured clone, in bytes: the text of its strings and keys plus a little per value.
 * Cheap to compute (no allocation) and close enough to bound a message: requests without their shared bodies came
 * out within a fifth of v8.serialize's size.
 */
export function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 2;
  let size = 2;
  if (Array.isArray(value)) {
    for (const element of value) size += sizeOf(element);
    return size;
  }
  // for…in rather than Object.entries: no array per object, a fifth of the time over Graph's 37,845 requests
  for (const key in value) size += key.length + 2 + sizeOf((value as Record<string, unknown>)[key]);
  return size;
}

/**
 * A large result (Graph's tens of thousands of requests) in messages of a bounded size, depth first, so that a
 * folder's children follow it before its next sibling is placed. A message closes at `limits.entries` entries or
 * once its estimated size reaches `limits.bytes`, so one message is never more than that plus one item.
 */
export function* resultMessages(result: ImportResult, limits: BatchLimits): Generator<ImportWorkerMessage> {
  yield { type: 'head', result: { ...result, collections: result.collections.map((collection) => ({ ...collection, items: [] })) } };
  const shared = new Map<string, number>();
  let entries: ItemEntry[] = [];
  let texts: string[] = [];
  let bytes = 0;
  const entryOf = (collection: number, parent: number[], item: ImportedItem): ItemEntry => {
    if (item.type === 'folder') return { collection, parent, item: { ...item, items: [] } };
    const body = item.request.body;
    if ((body.kind !== 'json' && body.kind !== 'text') || body.text.length < SHARED_TEXT_MIN) return { collection, parent, item };
    let index = shared.get(body.text);
    if (index === undefined) {
      index = shared.size;
      shared.set(body.text, index);
      texts.push(body.text);
      bytes += body.text.length;
    }
    return { collection, parent, item: { ...item, request: { ...item.request, body: { ...body, text: '' } } }, bodyText: index };
  };
  const stack: { collection: number; parent: number[]; items: ImportedItem[]; start: number }[] = result.collections
    .map((collection, index) => ({ collection: index, parent: [], items: collection.items, start: 0 }))
    .reverse();
  while (stack.length > 0) {
    const { collection, parent, items, start } = stack.pop()!;
    for (let index = start; index < items.length; index += 1) {
      const item = items[index]!;
      const entry = entryOf(collection, parent, item);
      entries.push(entry);
      bytes += sizeOf(entry.item) + 16;
      if (entries.length >= limits.entries || bytes >= limits.bytes) {
        yield { type: 'items', entries, texts };
        entries = [];
        texts = [];
        bytes = 0;
      }
      if (item.type === 'folder') {
        stack.push({ collection, parent, items, start: index + 1 });
        stack.push({ collection, parent: [...parent, index], items: item.items, start: 0 });
        break;
      }
    }
  }
  if (entries.length > 0) yield { type: 'items', entries, texts };
  yield { type: 'done' };
}

/** Puts the result back together on the receiving side from its 'head' and 'items' messages, in the order sent. */
export class ResultAssembler {
  private readonly texts: string[] = [];

  constructor(readonly result: ImportResult) {}

  add(entries: readonly ItemEntry[], texts: readonly string[]): void {
    for (const text of texts) this.texts.push(text);
    for (const { collection, parent, item, bodyText } of entries) {
      if (bodyText !== undefined && item.type === 'request') {
        const text = this.texts[bodyText];
        const body = item.request.body;
        if (text === undefined || (body.kind !== 'json' && body.kind !== 'text'))
          throw new Error(`The import sent a request whose body (${bodyText}) never came.`);
        body.text = text;
      }
      let items = this.result.collections[collection]!.items;
      for (const index of parent) items = (items[index] as ImportedFolder).items;
      items.push(item);
    }
  }
}
