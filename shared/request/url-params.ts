import { createRowId, type KeyValueRow } from './rows';
import { indexOutsideVariables, segmentVariables, splitOutsideVariables } from './variables';

/**
 * The URL bar and the params table show the same query two ways. The URL text is the source of truth for enabled
 * params (it is what gets sent); disabled rows exist only in the table. Text the user typed is kept byte for byte
 * unless they edit the very row it belongs to, so "a+b", "%41" or "{{token}}" never get rewritten behind their back.
 * Text typed into the table is encoded as the server will read it back: "a+b" there becomes "a%2Bb" in the URL.
 */

export interface ParamRow extends KeyValueRow {
  /**
   * The row's text as it appeared in the URL. While the decoded name/value still match it, it is written back
   * unchanged; value null means the pair had no "=" ("?flag").
   */
  raw?: { name: string; value: string | null };
}

interface UrlParts {
  /** everything before "?" (scheme, host, path) */
  base: string;
  /** the raw query without "?"; null when the URL has no "?" */
  query: string | null;
  /** "#…" including the hash, or "" */
  fragment: string;
}

interface QueryPair {
  name: string;
  value: string;
  rawName: string;
  rawValue: string | null;
}

export function splitUrl(url: string): UrlParts {
  const hashAt = indexOutsideVariables(url, '#');
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = indexOutsideVariables(beforeHash, '?');
  if (queryAt === -1) return { base: beforeHash, query: null, fragment };
  return { base: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1), fragment };
}

/** Percent-decodes runs of %XX outside variables; a run that is not valid UTF-8 stays as typed. "+" stays "+". */
export function decodeQueryComponent(raw: string): string {
  return segmentVariables(raw)
    .map((segment) =>
      segment.variable
        ? segment.text
        : segment.text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
            try {
              return decodeURIComponent(run);
            } catch {
              return run;
            }
          }),
    )
    .join('');
}

// Characters that would change the query's structure or that a browser would escape anyway. "+" is one of them:
// servers read a bare "+" in a query as a space, so a "+" typed into the table must travel as %2B to arrive as "+".
const ALWAYS_ENCODED = new Set(['%', '&', '#', ' ', '"', '<', '>', '`', '+']);

/** The inverse of decodeQueryComponent for text typed into a row; variables pass through untouched. */
export function encodeQueryComponent(text: string, part: 'name' | 'value'): string {
  return segmentVariables(text)
    .map((segment) => {
      if (segment.variable) return segment.text;
      let out = '';
      for (const char of segment.text) {
        const code = char.codePointAt(0) ?? 0;
        const needs = ALWAYS_ENCODED.has(char) || (part === 'name' && char === '=') || code < 0x20 || code === 0x7f || code > 0x7e;
        out += needs ? encodeURIComponent(char) : char;
      }
      return out;
    })
    .join('');
}

/** Parses a raw query (without "?"). Empty segments ("a=1&&b=2") carry nothing and are skipped. */
export function parseQuery(query: string): QueryPair[] {
  if (query === '') return [];
  const pairs: QueryPair[] = [];
  for (const segment of splitOutsideVariables(query, '&')) {
    if (segment === '') continue;
    const eq = indexOutsideVariables(segment, '=');
    const rawName = eq === -1 ? segment : segment.slice(0, eq);
    const rawValue = eq === -1 ? null : segment.slice(eq + 1);
    pairs.push({ name: decodeQueryComponent(rawName), value: decodeQueryComponent(rawValue ?? ''), rawName, rawValue });
  }
  return pairs;
}

/**
 * The table after the user edited the URL: enabled rows take the URL's pairs in order (keeping their ids so focus
 * and React keys survive), extra pairs become new rows, rows the URL no longer has go away, disabled rows stay put.
 */
export function syncParamsFromUrl(url: string, previous: readonly ParamRow[], newId: () => string = createRowId): ParamRow[] {
  const pairs = parseQuery(splitUrl(url).query ?? '');
  const rows: ParamRow[] = [];
  let next = 0;
  for (const row of previous) {
    if (!row.enabled) {
      rows.push(row);
      continue;
    }
    const pair = pairs[next];
    if (!pair) continue;
    next += 1;
    rows.push({ ...row, name: pair.name, value: pair.value, raw: { name: pair.rawName, value: pair.rawValue } });
  }
  for (const pair of pairs.slice(next)) {
    rows.push({ id: newId(), name: pair.name, value: pair.value, enabled: true, raw: { name: pair.rawName, value: pair.rawValue } });
  }
  return rows;
}

function rowToQuerySegment(row: ParamRow): string {
  const raw = row.raw;
  const name = raw && decodeQueryComponent(raw.name) === row.name ? raw.name : encodeQueryComponent(row.name, 'name');
  if (raw && raw.value !== null && decodeQueryComponent(raw.value) === row.value) return `${name}=${raw.value}`;
  // "?flag" stays "?flag" until the user gives it a value
  if (row.value === '') return raw && raw.value !== null ? `${name}=` : name;
  return `${name}=${encodeQueryComponent(row.value, 'value')}`;
}

/** The URL after the user edited the table: the query is rebuilt from enabled, non-blank rows; base and #fragment stay. */
export function buildUrlFromParams(url: string, rows: readonly ParamRow[]): string {
  const { base, fragment } = splitUrl(url);
  const segments = rows.filter((row) => row.enabled && (row.name !== '' || row.value !== '')).map(rowToQuerySegment);
  return segments.length === 0 ? base + fragment : `${base}?${segments.join('&')}${fragment}`;
}

/** The params table for a URL nobody has edited in the table yet. */
export function paramsFromUrl(url: string, newId: () => string = createRowId): ParamRow[] {
  return syncParamsFromUrl(url, [], newId);
}
