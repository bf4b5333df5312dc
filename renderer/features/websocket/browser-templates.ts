import { parseTemplates, templateStorageKey, type MessageTemplate } from '../../../shared/websocket';

/**
 * Saved messages of a connection that has no request file: kept in the browser's storage, keyed by the URL without
 * its query, as before collections held WebSocket requests. In web mode the origin (and so this storage) changes with
 * each launch, which is why a saved WebSocket request keeps its messages in its file instead.
 */
export function loadBrowserTemplates(url: string): MessageTemplate[] {
  try {
    return parseTemplates(localStorage.getItem(templateStorageKey(url)));
  } catch {
    return [];
  }
}

export function storeBrowserTemplates(url: string, list: MessageTemplate[]): void {
  try {
    localStorage.setItem(templateStorageKey(url), JSON.stringify(list));
  } catch {
    // storage full or unavailable: the templates just are not kept
  }
}
