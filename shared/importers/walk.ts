import type { ImportedItem, ImportedRequest, ImportResult } from '../contract';

/** Every request of an item tree with its folder path, in order. */
export function flattenRequests(items: readonly ImportedItem[], path: readonly string[] = []): { path: string[]; request: ImportedRequest }[] {
  return items.flatMap((item) => (item.type === 'folder' ? flattenRequests(item.items, [...path, item.name]) : [{ path: [...path], request: item }]));
}

export function countRequests(result: ImportResult): number {
  return result.collections.reduce((sum, collection) => sum + flattenRequests(collection.items).length, 0);
}
