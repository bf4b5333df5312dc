import { CourierError, type WsRequestSpec } from '../../../shared/contract';

/**
 * The URL the upgrade goes to: ws(s):// (http(s):// mapped, as browsers do), enabled params appended to the URL's
 * own query byte for byte, the fragment dropped.
 */
export function composeWsUrl(spec: Pick<WsRequestSpec, 'url' | 'params'>): URL {
  let text = spec.url.trim();
  if (text === '') throw new CourierError('INVALID_URL', 'Enter a ws:// or wss:// URL to connect to.');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) text = `ws://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CourierError('INVALID_URL', `"${spec.url.slice(0, 200)}" is not a valid URL.`, spec.url.slice(0, 200));
  }
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new CourierError('UNSUPPORTED_PROTOCOL', `WebSocket connections use ws:// or wss://, not ${url.protocol}//.`, url.protocol);
  }
  if (url.hostname === '') throw new CourierError('INVALID_URL', `The URL "${spec.url.slice(0, 200)}" has no host name.`);
  url.hash = '';
  const extra = spec.params.filter((row) => row.enabled && row.name !== '').map((row) => `${encodeURIComponent(row.name)}=${encodeURIComponent(row.value)}`);
  if (extra.length > 0) url.search = url.search === '' ? `?${extra.join('&')}` : `${url.search}&${extra.join('&')}`;
  return url;
}

export function defaultPort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'wss:' ? 443 : 80;
}
