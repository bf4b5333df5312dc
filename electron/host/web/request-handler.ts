import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEB_BRIDGE_PATH, WEB_TOKEN_PARAM } from '../../../shared/contract';
import type { WebAuth } from './auth';
import { sendText } from './security-headers';
import { sendStaticFile } from './static-response';

/** Parses an origin-form request target ("/path?query"); anything else (absolute-form, "*") is refused. */
export function parseRequestTarget(rawUrl: string | undefined): URL | null {
  if (!rawUrl || !rawUrl.startsWith('/') || rawUrl.startsWith('//')) return null;
  try {
    return new URL(rawUrl, 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/**
 * Every HTTP request: exact Host, then the token. The first page load carries ?token=; it is exchanged for an
 * HttpOnly cookie and a redirect to the same address without it, so the token leaves the address bar and history,
 * and assets and the WebSocket upgrade authenticate with the cookie.
 */
export function createRequestHandler(auth: WebAuth, staticRoot: string, onInternalError: (error: unknown) => void) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const host = auth.checkHost(request);
    if (!host.ok) return sendText(response, host.status, host.reason);

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      // Nothing here accepts writes; a cross-site form post gets the same 403 a foreign upgrade does.
      const origin = auth.checkOrigin(request);
      if (!origin.ok) return sendText(response, origin.status, origin.reason);
      return sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }

    const target = parseRequestTarget(request.url);
    if (!target) return sendText(response, 400, 'Bad request.');

    if (target.searchParams.has(WEB_TOKEN_PARAM)) {
      if (!auth.tokenMatches(target.searchParams.get(WEB_TOKEN_PARAM))) {
        return sendText(response, 401, 'Unauthorized: this link is not valid for this Courier; open the one it printed.');
      }
      target.searchParams.delete(WEB_TOKEN_PARAM);
      // One leading slash only: "//host/..." in Location would send the browser to another site.
      const location = `/${target.pathname.replace(/^[/\\]+/, '')}${target.search}`;
      return sendText(response, 303, 'Signed in.', {
        Location: location,
        'Set-Cookie': auth.sessionCookie(),
      });
    }

    const cookie = auth.checkCookie(request);
    if (!cookie.ok) return sendText(response, cookie.status, cookie.reason);

    if (target.pathname === WEB_BRIDGE_PATH) return sendText(response, 426, 'Upgrade required.', { Upgrade: 'websocket' });

    sendStaticFile(response, staticRoot, target.pathname).catch((error: unknown) => {
      onInternalError(error);
      if (!response.headersSent) sendText(response, 500, 'Internal error.');
      else response.destroy();
    });
  };
}
