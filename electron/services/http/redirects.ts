import { CourierError } from '../../../shared/contract';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials meant for one origin must not leak to another (what browsers and curl do); a user-set Host would
// point the new origin's request at the old virtual host.
const CROSS_ORIGIN_DROPPED = new Set(['authorization', 'cookie', 'proxy-authorization', 'host']);
const BODY_HEADERS = new Set(['content-type', 'content-encoding', 'content-language', 'content-location']);

export interface HopRequest {
  method: string;
  url: URL;
  headers: [string, string][];
  body: Buffer | null;
}

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

export function resolveLocation(base: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    throw new CourierError('PROTOCOL_ERROR', `The server redirected to an invalid address ("${location.slice(0, 200)}").`, location.slice(0, 200));
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new CourierError('UNSUPPORTED_PROTOCOL', `The server redirected to ${next.protocol}// which Courier cannot follow.`, next.protocol);
  }
  return next;
}

/** The request for the next hop, following browser rules, and which user headers were dropped on the way. */
export function followRedirect(current: HopRequest, status: number, target: URL): { next: HopRequest; droppedHeaders: string[] } {
  let method = current.method;
  let body = current.body;
  let headers = current.headers;
  const droppedHeaders: string[] = [];
  // 303 always becomes GET; 301/302 turn POST into GET as every browser does; 307/308 keep method and body.
  if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
    method = 'GET';
    body = null;
    headers = headers.filter(([name]) => !BODY_HEADERS.has(name.toLowerCase()));
  }
  if (target.origin !== current.url.origin) {
    headers = headers.filter(([name]) => {
      if (!CROSS_ORIGIN_DROPPED.has(name.toLowerCase())) return true;
      droppedHeaders.push(name);
      return false;
    });
  }
  return { next: { method, url: target, headers, body }, droppedHeaders };
}
