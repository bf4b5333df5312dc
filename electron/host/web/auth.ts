import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret per launch: 32 random bytes, URL- and cookie-safe. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hashing first gives equal-length inputs, so neither the content nor the length of the token leaks through timing. */
function constantTimeEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB);
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    // The first cookie of a name wins, as in browsers; later ones cannot override it.
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export type AuthVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface WebAuth {
  readonly token: string;
  readonly cookieName: string;
  /** The Set-Cookie value that lets the page, its assets and its WebSocket authenticate without the token in the URL. */
  sessionCookie(): string;
  tokenMatches(candidate: string | null | undefined): boolean;
  /** Host header exactly 127.0.0.1:<port> or localhost:<port>: anything else is a DNS-rebinding attempt. */
  checkHost(request: IncomingMessage): AuthVerdict;
  /** Origin exactly this server's own origin (the one named by the Host header). */
  checkOrigin(request: IncomingMessage): AuthVerdict;
  checkCookie(request: IncomingMessage): AuthVerdict;
}

export function createWebAuth(token: string, port: number): WebAuth {
  // Cookies are not isolated by port, so the name carries it: two Courier servers on one machine keep separate ones.
  const cookieName = `courier_token_${port}`;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const tokenMatches = (candidate: string | null | undefined) => typeof candidate === 'string' && constantTimeEqual(candidate, token);

  return {
    token,
    cookieName,
    sessionCookie: () => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    tokenMatches,
    checkHost(request) {
      const host = request.headers.host?.toLowerCase();
      return host && allowedHosts.has(host) ? { ok: true } : { ok: false, status: 403, reason: 'Forbidden: unexpected Host header.' };
    },
    checkOrigin(request) {
      const host = request.headers.host?.toLowerCase();
      const origin = request.headers.origin?.toLowerCase();
      return host && allowedHosts.has(host) && origin === `http://${host}`
        ? { ok: true }
        : { ok: false, status: 403, reason: 'Forbidden: unexpected Origin.' };
    },
    checkCookie(request) {
      return tokenMatches(parseCookies(request.headers.cookie).get(cookieName))
        ? { ok: true }
        : { ok: false, status: 401, reason: 'Unauthorized: open the link Courier printed when it started.' };
    },
  };
}
