import { CourierError } from '../../../shared/contract';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials meant for one origin must not leak to another (what browsers and curl do); a user-set Host would
// point the new origin's request at the old virtual host.
const CROSS_ORIGIN_DROPPED = new Set(['authorization', 'cookie', 'proxy-authorization', 'host']);
const BODY_HEADERS = new Set(['content-type', 'content-encoding', 'content-language', 'content-location']);

/**
 * What the preparer knows carries a credential or a secret value: header names (any case) and query parameter
 * names. They are dropped on a hop to another origin like Authorization and Cookie.
 */
export interface SensitiveParts {
  headers: readonly string[];
  queryParams: readonly string[];
}

interface CrossOriginPolicy {
  sensitive: SensitiveParts;
  /** the per-request opt-in (settings.keepCredentialsOnRedirect): send them on anyway, as curl's --location-trusted */
  keepCredentials: boolean;
}

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

interface FollowedRedirect {
  next: HopRequest;
  /** user headers left out of the next hop */
  droppedHeaders: string[];
  /** query parameters taken out of the Location before following it */
  droppedQueryParams: string[];
  /** credentials sent on to another origin because the request opted in */
  keptHeaders: string[];
}

const NO_POLICY: CrossOriginPolicy = { sensitive: { headers: [], queryParams: [] }, keepCredentials: false };

/** The request for the next hop, following browser rules, and which user headers were dropped on the way. */
export function followRedirect(current: HopRequest, status: number, target: URL, policy: CrossOriginPolicy = NO_POLICY): FollowedRedirect {
  let method = current.method;
  let body = current.body;
  let headers = current.headers;
  let url = target;
  const droppedHeaders: string[] = [];
  const droppedQueryParams: string[] = [];
  const keptHeaders: string[] = [];
  // 303 always becomes GET; 301/302 turn POST into GET as every browser does; 307/308 keep method and body.
  if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
    method = 'GET';
    body = null;
    headers = headers.filter(([name]) => !BODY_HEADERS.has(name.toLowerCase()));
  }
  if (target.origin !== current.url.origin) {
    const sensitive = new Set(policy.sensitive.headers.map((name) => name.toLowerCase()));
    headers = headers.filter(([name]) => {
      const lower = name.toLowerCase();
      const credential = CROSS_ORIGIN_DROPPED.has(lower) || sensitive.has(lower);
      if (!credential) return true;
      if (policy.keepCredentials && lower !== 'host') {
        keptHeaders.push(name);
        return true;
      }
      droppedHeaders.push(name);
      return false;
    });
    // A Location that repeats the query (http → https, a trailing slash) would hand an API key to the new origin.
    if (!policy.keepCredentials && policy.sensitive.queryParams.length > 0) {
      const names = new Set(policy.sensitive.queryParams);
      const present = [...new Set([...target.searchParams.keys()].filter((name) => names.has(name)))];
      if (present.length > 0) {
        url = new URL(target.href);
        for (const name of present) url.searchParams.delete(name);
        if (url.search === '?') url.search = '';
        droppedQueryParams.push(...present);
      }
    }
  }
  return { next: { method, url, headers, body }, droppedHeaders, droppedQueryParams, keptHeaders };
}
