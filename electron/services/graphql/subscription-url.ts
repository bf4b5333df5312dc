import { CourierError } from '../../../shared/contract';

/** The WebSocket URL for a GraphQL endpoint given as http(s)://…, which is how users usually have it. */
export function subscriptionUrl(raw: string, params: readonly { name: string; value: string; enabled?: boolean }[] = []): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CourierError('INVALID_URL', `"${raw.trim().slice(0, 200)}" is not a valid URL.`, raw.slice(0, 200));
  }
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new CourierError('UNSUPPORTED_PROTOCOL', `GraphQL subscriptions need an http(s):// or ws(s):// URL, not ${url.protocol}//.`, url.protocol);
  }
  for (const param of params) if (param.enabled !== false) url.searchParams.append(param.name, param.value);
  url.hash = '';
  return url.toString();
}
