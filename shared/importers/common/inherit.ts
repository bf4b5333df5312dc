import type { KeyValue } from '../../contract';

/**
 * Courier folders keep neither headers nor variables, so importers write a parent's onto the requests below it; the
 * request's own of the same name win, as the tools that wrote them send it.
 */
export function mergeHeaders(parent: readonly KeyValue[], own: readonly KeyValue[]): KeyValue[] {
  const mine = new Set(own.filter((header) => header.enabled).map((header) => header.name.toLowerCase()));
  return [...parent.filter((header) => !mine.has(header.name.toLowerCase())), ...own];
}

export function mergeVariables(parent: readonly KeyValue[], own: readonly KeyValue[]): KeyValue[] {
  const mine = new Set(own.map((variable) => variable.name));
  return [...parent.filter((variable) => !mine.has(variable.name)), ...own];
}
