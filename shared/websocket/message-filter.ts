import type { WsMessage } from '../contract/websocket';

export interface MessageFilter {
  direction: 'all' | 'sent' | 'received';
  kind: 'all' | 'text' | 'binary' | 'control';
  /** case-insensitive substring of the text (binary payloads are not searched) */
  search: string;
}

export const NO_FILTER: MessageFilter = { direction: 'all', kind: 'all', search: '' };

export function isFilterActive(filter: MessageFilter): boolean {
  return filter.direction !== 'all' || filter.kind !== 'all' || filter.search.trim() !== '';
}

export function matchesFilter(message: WsMessage, filter: MessageFilter, needle = filter.search.trim().toLowerCase()): boolean {
  if (filter.direction !== 'all' && message.direction !== filter.direction) return false;
  if (filter.kind === 'control') {
    if (message.kind !== 'ping' && message.kind !== 'pong' && message.kind !== 'close') return false;
  } else if (filter.kind !== 'all' && message.kind !== filter.kind) return false;
  if (needle !== '') return message.text !== undefined && message.text.toLowerCase().includes(needle);
  return true;
}

export function filterMessages(messages: readonly WsMessage[], filter: MessageFilter): readonly WsMessage[] {
  if (!isFilterActive(filter)) return messages;
  const needle = filter.search.trim().toLowerCase();
  return messages.filter((message) => matchesFilter(message, filter, needle));
}
