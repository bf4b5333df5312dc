import type { RequestAuth } from '../contract/auth';
import type { HttpRequestSpec, WsRequestSpec, WsRequestSpecInput, WsSettings } from '../contract';
import { DEFAULT_SETTINGS, WS_DEFAULT_SETTINGS } from '../contract/values';
import { createRow, isBlankRow, type KeyValueRow } from '../request';

/** What the user is composing for one session; turned into a contract spec on Connect. */
export interface ConnectionDraft {
  url: string;
  params: KeyValueRow[];
  headers: KeyValueRow[];
  /** comma-separated, in order of preference */
  subprotocols: string;
  settings: WsSettings;
  /** the handshake's auth, as for an HTTP request (Digest excepted: a handshake cannot answer a challenge) */
  auth: RequestAuth;
}

export function createConnectionDraft(url = ''): ConnectionDraft {
  return { url, params: [createRow()], headers: [createRow()], subprotocols: '', settings: { ...WS_DEFAULT_SETTINGS }, auth: { kind: 'none' } };
}

/** A saved request back in the form (a WebSocket request file opened from the tree); one blank row to type into. */
export function draftFromWsSpec(spec: WsRequestSpec): ConnectionDraft {
  const toRows = (list: WsRequestSpec['headers']) => [
    ...list.map((row) => createRow({ name: row.name, value: row.value, enabled: row.enabled !== false })),
    createRow(),
  ];
  return {
    url: spec.url,
    params: toRows(spec.params),
    headers: toRows(spec.headers),
    subprotocols: spec.subprotocols.join(', '),
    settings: { ...spec.settings },
    auth: spec.auth,
  };
}

const rows = (list: readonly KeyValueRow[]) =>
  list.filter((row) => !isBlankRow(row)).map((row) => ({ name: row.name, value: row.value, enabled: row.enabled }));

export function buildWsSpec(draft: ConnectionDraft): WsRequestSpecInput {
  return {
    url: draft.url.trim(),
    params: rows(draft.params),
    headers: rows(draft.headers),
    subprotocols: draft.subprotocols
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
    settings: draft.settings,
    auth: draft.auth,
  };
}

/** The handshake as an HTTP request, for what only exists for those (the OAuth 2.0 token box). */
export function handshakeAsHttpRequest(draft: ConnectionDraft): HttpRequestSpec {
  return {
    method: 'GET',
    url: draft.url.trim(),
    params: rows(draft.params),
    headers: rows(draft.headers),
    body: { kind: 'none' },
    settings: { ...DEFAULT_SETTINGS },
    auth: draft.auth,
    variables: [],
  };
}

/** The tab's title: host and path, or a placeholder until there is a URL. (No URL class here: shared has no DOM or Node.) */
export function sessionTitle(url: string): string {
  const text = url.trim();
  if (text === '') return 'New connection';
  const rest = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^@/]*@/, '');
  const withoutQuery = rest.split(/[?#]/)[0] ?? '';
  const title = withoutQuery.endsWith('/') ? withoutQuery.slice(0, -1) : withoutQuery;
  return title === '' ? text.slice(0, 40) : title.slice(0, 80);
}

/**
 * Tab titles told apart: two connections to the same address would read the same, so the second and later ones get
 * " (2)", " (3)"… in tab order, as a file manager names copies.
 */
export function distinctTitles(titles: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const count = (seen.get(title) ?? 0) + 1;
    seen.set(title, count);
    return count === 1 ? title : `${title} (${count})`;
  });
}
