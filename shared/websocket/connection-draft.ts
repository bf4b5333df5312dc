import { WS_DEFAULT_SETTINGS, type WsRequestSpecInput, type WsSettings } from '../contract/websocket';
import { createRow, isBlankRow, type KeyValueRow } from '../request';

/** What the user is composing for one session; turned into a contract spec on Connect. */
export interface ConnectionDraft {
  url: string;
  params: KeyValueRow[];
  headers: KeyValueRow[];
  /** comma-separated, in order of preference */
  subprotocols: string;
  settings: WsSettings;
}

export function createConnectionDraft(url = ''): ConnectionDraft {
  return { url, params: [createRow()], headers: [createRow()], subprotocols: '', settings: { ...WS_DEFAULT_SETTINGS } };
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
