import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEB_BRIDGE_NAME } from '../../../shared/contract';
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

const UNAUTHORIZED_HINT = 'Unauthorized: open the URL printed by npm run web (it changes on every start).';

/**
 * Every HTTP request: exact Host, then the secret prefix /s/<token>/, which is stripped before the static files are
 * looked up (so the traversal rules of the static-files service apply to the rest unchanged). There is no cookie and
 * no other way in. The old "/?token=" form is refused like any other tokenless path rather than redirected: the
 * token changes on every start, so no bookmark of it can still be valid, and a redirect would only be one more place
 * that writes the token into a response.
 */
export function createRequestHandler(
  auth: WebAuth,
  staticRoot: string,
  onInternalError: (error: unknown) => void,
  /** the request carried the right Host and token: its connection is the app's (see connection-guard.ts) */
  onAuthorized: (request: IncomingMessage) => void = () => undefined,
) {
  const bridgePath = `/${WEB_BRIDGE_NAME}`;
  return (request: IncomingMessage, response: ServerResponse): void => {
    const host = auth.checkHost(request);
    if (!host.ok) return sendText(response, host.status, host.reason);

    const target = parseRequestTarget(request.url);
    if (!target) return sendText(response, 400, 'Bad request.');

    const match = auth.matchSecretPath(target.pathname);
    if (match.kind === 'outside') {
      // Never echo the path: it may hold a mistyped or stale token.
      return sendText(response, 401, target.pathname === '/' ? UNAUTHORIZED_HINT : 'Unauthorized.');
    }
    onAuthorized(request);

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      // Nothing here accepts writes; a cross-site form post gets the same 403 a foreign upgrade does.
      const origin = auth.checkOrigin(request);
      if (!origin.ok) return sendText(response, origin.status, origin.reason);
      return sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }

    // The token was just checked and the Location is relative, so this sends the browser nowhere but here.
    if (match.kind === 'bare') return sendText(response, 308, 'Moved.', { Location: `${auth.basePath}${target.search}` });

    if (match.rest === bridgePath) return sendText(response, 426, 'Upgrade required.', { Upgrade: 'websocket' });

    sendStaticFile(response, staticRoot, match.rest).catch((error: unknown) => {
      onInternalError(error);
      if (!response.headersSent) sendText(response, 500, 'Internal error.');
      else response.destroy();
    });
  };
}
