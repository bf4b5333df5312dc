import { type HeaderList, type HistoryFilter } from '../../../shared/contract';
import { SEARCHED_BODY_BYTES } from '../../../shared/history-view/search-scope';

/** ids are sent_at × ID_SLOTS + n (see schema.ts) */
export const ID_SLOTS = 1024;

/**
 * Only the first 64 KB of a text body is indexed: enough for nearly any API payload a person searches, and it bounds
 * the trigram index (about 3 bytes per indexed character) for huge ones. The history panel's search hint says so.
 */
export const INDEXED_BODY_BYTES = SEARCHED_BODY_BYTES;

const TEXT_TYPE =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|csv|x-ndjson|ld\+json|problem\+json)\b)/i;

/**
 * The searchable text of a body prefix, or '' for binary. The Content-Type decides when it says text; otherwise the
 * bytes do (no NUL and valid UTF-8 up to a multi-byte character the cut may have split).
 */
export function searchableBodyText(prefix: Buffer, contentType: string | null): string {
  if (prefix.length === 0) return '';
  const declaredText = contentType !== null && TEXT_TYPE.test(contentType.trim());
  const declaredBinary =
    contentType !== null && /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|x-protobuf|protobuf)/i.test(contentType.trim());
  if (declaredBinary) return '';
  if (!declaredText) {
    const probe = prefix.subarray(0, 8192);
    if (probe.includes(0)) return '';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(probe, { stream: true });
    } catch {
      return '';
    }
  }
  return compactText(new TextDecoder('utf-8').decode(prefix));
}

// JSON and form punctuation; what is left (words, numbers, ids, emails, paths, dashed names) is what people search.
const BODY_SEPARATORS = /[\s{}[\]",:;=&<>()'`]+/;

/**
 * Each distinct token of a body once, in first-seen order. A JSON body repeats its keys and many values; indexing
 * each token once keeps the trigram index (and the work of matching common words) several times smaller, and a
 * substring of any token is still found.
 */
function compactText(text: string): string {
  const seen = new Set<string>();
  for (const token of text.split(BODY_SEPARATORS)) if (token !== '') seen.add(token);
  return [...seen].join(' ');
}

export function headerText(headers: HeaderList): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

/**
 * FTS5 query for what the user typed: each whitespace-separated term must occur as a substring (trigram), so each is
 * quoted as a phrase. Terms under three characters cannot use the trigram index: beside longer terms they are
 * dropped; on their own they are matched with LIKE on the URL.
 */
function ftsQuery(text: string): { match: string | null; short: string[] } {
  // Quotes, braces and commas split terms too, so a pasted '"status":"failed"' still finds status … failed.
  const terms = text.split(/[\s"{}[\],]+/).filter(Boolean);
  const long = terms.filter((term) => [...term].length >= 3);
  // Beside a longer term a short one narrows nothing worth a scan ("of", "id"); alone it is looked for in URLs.
  const short = long.length > 0 ? [] : terms;
  return { match: long.length > 0 ? long.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND ') : null, short };
}

export function statusClassOf(status: number | null): 'error' | '1xx' | '2xx' | '3xx' | '4xx' | '5xx' {
  if (status === null || status < 100 || status > 599) return 'error';
  return `${Math.floor(status / 100)}xx` as '1xx' | '2xx' | '3xx' | '4xx' | '5xx';
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** "localhost:8080" and "[::1]:3000" name a port; "localhost", "[::1]" and "example.com" do not. */
function hasPort(host: string): boolean {
  return /:\d*$/.test(host) && !/^[^[]*:.*:/.test(host);
}

/** What a filter becomes in SQL over `entries e`: an FTS5 MATCH (or null) and the other conditions. */
export function whereOf(filter: HistoryFilter): { match: string | null; sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  let match: string | null = null;
  if (filter.text && filter.text.trim() !== '') {
    const query = ftsQuery(filter.text);
    match = query.match;
    for (const term of query.short) {
      clauses.push("e.url LIKE ? ESCAPE '\\'");
      params.push(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  if (filter.methods && filter.methods.length > 0) {
    clauses.push(`e.method IN (${filter.methods.map(() => '?').join(',')})`);
    params.push(...filter.methods);
  }
  if (filter.statusClasses && filter.statusClasses.length > 0) {
    clauses.push(`e.status_class IN (${filter.statusClasses.map(() => '?').join(',')})`);
    params.push(...filter.statusClasses);
  }
  if (filter.host && filter.host.trim() !== '') {
    const host = filter.host.trim().toLowerCase();
    if (hasPort(host)) {
      clauses.push('e.host = ?');
      params.push(host);
    } else {
      // "localhost" is that host on any port: "localhost" itself or "localhost:<port>" (";" sorts right after ":"),
      // written as a range so the host index still answers it
      clauses.push('(e.host = ? OR (e.host >= ? AND e.host < ?))');
      params.push(host, `${host}:`, `${host};`);
    }
  }
  if (filter.from !== undefined) {
    clauses.push('e.id >= ?');
    params.push(filter.from * ID_SLOTS);
  }
  if (filter.to !== undefined) {
    clauses.push('e.id < ?');
    params.push((filter.to + 1) * ID_SLOTS);
  }
  if (filter.pinnedOnly) clauses.push('e.pinned = 1');
  if (filter.savedPath !== undefined) {
    clauses.push('e.saved_path = ?');
    params.push(filter.savedPath);
  }
  return { match, sql: clauses.length > 0 ? clauses.join(' AND ') : '', params };
}
