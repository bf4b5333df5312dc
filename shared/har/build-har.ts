import { type BridgeError } from '../contract';
import { type Har, type HarEntry } from './har-schema';
import { maskSecrets } from './mask';

export interface HarBody {
  mimeType: string;
  /** decoded bytes */
  size: number;
  /** the body as text, or base64 when `base64` */
  text: string;
  base64: boolean;
}

/** One history entry, flattened to what HAR holds. Headers in wire order, duplicates kept. */
export interface HarSourceEntry {
  sentAt: number;
  totalMs: number;
  method: string;
  url: string;
  httpVersion: string;
  requestHeaders: [string, string][];
  requestBody: HarBody | null;
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: [string, string][];
    body: HarBody | null;
    headersSize: number;
    /** bytes on the wire (compressed) */
    bodySize: number;
    redirectURL: string;
  } | null;
  timings: { dns: number; connect: number; tls: number; wait: number; download: number } | null;
  serverIPAddress: string | null;
  error: BridgeError | null;
  pinned: boolean;
}

function httpVersionLabel(version: string): string {
  return /^HTTP\//i.test(version) ? version : `HTTP/${version}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The response of an entry that has none (a failed exchange, an exported request never sent): status 0, as browsers write. */
export function noHarResponse(): HarEntry['response'] {
  return {
    status: 0,
    statusText: '',
    httpVersion: '',
    headers: [],
    cookies: [],
    content: { size: 0, mimeType: '' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  };
}

export function queryStringOf(url: string): { name: string; value: string }[] {
  const query = url.split('#', 1)[0]?.split('?').slice(1).join('?') ?? '';
  if (query === '') return [];
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? { name: safeDecode(pair), value: '' } : { name: safeDecode(pair.slice(0, at)), value: safeDecode(pair.slice(at + 1)) };
    });
}

function nameValues(headers: [string, string][]): { name: string; value: string }[] {
  return maskSecrets(headers).map(([name, value]) => ({ name, value }));
}

function toHarEntry(source: HarSourceEntry): HarEntry {
  const t = source.timings;
  const entry: HarEntry = {
    startedDateTime: new Date(source.sentAt).toISOString(),
    time: source.totalMs,
    request: {
      method: source.method,
      url: source.url,
      httpVersion: httpVersionLabel(source.httpVersion),
      headers: nameValues(source.requestHeaders),
      queryString: queryStringOf(source.url),
      cookies: [],
      headersSize: -1,
      bodySize: source.requestBody?.size ?? 0,
      ...(source.requestBody
        ? {
            postData: {
              mimeType: source.requestBody.mimeType,
              text: source.requestBody.text,
              ...(source.requestBody.base64 ? { _encoding: 'base64' } : {}),
            },
          }
        : {}),
    },
    response: source.response
      ? {
          status: source.response.status,
          statusText: source.response.statusText,
          httpVersion: httpVersionLabel(source.response.httpVersion),
          headers: nameValues(source.response.headers),
          cookies: [],
          content: {
            size: source.response.body?.size ?? 0,
            mimeType: source.response.body?.mimeType ?? '',
            ...(source.response.body ? { text: source.response.body.text } : {}),
            ...(source.response.body?.base64 ? { encoding: 'base64' } : {}),
          },
          redirectURL: source.response.redirectURL,
          headersSize: source.response.headersSize,
          bodySize: source.response.bodySize,
        }
      : // HAR has no place for a failed exchange; status 0 is what browsers write, and _error says why.
        noHarResponse(),
    cache: {},
    timings: {
      blocked: -1,
      dns: t ? t.dns : -1,
      connect: t ? t.connect + t.tls : -1,
      ssl: t && t.tls > 0 ? t.tls : -1,
      send: 0,
      wait: t ? t.wait : -1,
      receive: t ? t.download : -1,
    },
    ...(source.serverIPAddress ? { serverIPAddress: source.serverIPAddress } : {}),
    ...(source.error ? { _error: source.error } : {}),
    ...(source.pinned ? { _pinned: true } : {}),
  };
  return entry;
}

export function buildHar(entries: HarSourceEntry[], creatorVersion: string): Har {
  return { log: { version: '1.2', creator: { name: 'Courier', version: creatorVersion }, entries: entries.map(toHarEntry) } };
}
