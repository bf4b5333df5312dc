import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_SECRET_PATH_PREFIX } from '../../../shared/contract';

/** A fresh secret per launch: 32 random bytes, base64url, so it is a single path segment as it stands. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hashing first gives equal-length inputs, so neither the content nor the length of the token leaks through timing. */
function constantTimeEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB);
}

export type AuthVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** What a request path means once its secret prefix has been checked. */
export type SecretPath =
  /** "/s/<token>/rest": rest is the path inside the app, always starting with "/". */
  | { kind: 'inside'; rest: string }
  /** "/s/<token>" with no trailing slash: the page's relative asset URLs need one. */
  | { kind: 'bare' }
  /** Anything else: no prefix, another token, a prefix spelled differently. */
  | { kind: 'outside' };

export interface WebAuth {
  readonly token: string;
  /** "/s/<token>/": where the app lives; the page, its assets and the bridge are all under it. */
  readonly basePath: string;
  /** Splits a parsed request path at the secret prefix, comparing the token segment in constant time. */
  matchSecretPath(pathname: string): SecretPath;
  /** Host header exactly 127.0.0.1:<port> or localhost:<port>: anything else is a DNS-rebinding attempt. */
  checkHost(request: IncomingMessage): AuthVerdict;
  /** Origin exactly this server's own origin (the one named by the Host header). */
  checkOrigin(request: IncomingMessage): AuthVerdict;
}

/**
 * The token is a secret path, never a cookie: browsers do not isolate cookies by port, so a cookie set by this
 * server would be sent to every other server on 127.0.0.1 the user opens (their dev server, the API under test), and
 * any of them could replay it. A path is sent only to this origin, and Referrer-Policy: no-referrer keeps it out of
 * the Referer of everything the page loads or navigates to.
 */
export function createWebAuth(token: string, port: number): WebAuth {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const prefix = `/${WEB_SECRET_PATH_PREFIX}/`;

  return {
    token,
    basePath: `${prefix}${token}/`,
    matchSecretPath(pathname) {
      if (!pathname.startsWith(prefix)) return { kind: 'outside' };
      const afterPrefix = pathname.slice(prefix.length);
      const slash = afterPrefix.indexOf('/');
      const segment = slash === -1 ? afterPrefix : afterPrefix.slice(0, slash);
      if (!constantTimeEqual(segment, token)) return { kind: 'outside' };
      return slash === -1 ? { kind: 'bare' } : { kind: 'inside', rest: afterPrefix.slice(slash) };
    },
    checkHost(request) {
      const host = request.headers.host?.toLowerCase();
      return host && allowedHosts.has(host) ? { ok: true } : { ok: false, status: 403, reason: 'Forbidden: unexpected Host header.' };
    },
    checkOrigin(request) {
      const host = request.headers.host?.toLowerCase();
      const origin = request.headers.origin?.toLowerCase();
      return host && allowedHosts.has(host) && origin === `http://${host}` ? { ok: true } : { ok: false, status: 403, reason: 'Forbidden: unexpected Origin.' };
    },
  };
}
