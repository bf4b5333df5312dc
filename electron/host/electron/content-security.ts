import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../core';

/**
 * Every response in the session carries the app's CSP, replacing whatever the response said. The courier://
 * protocol handler sends the same header itself; this covers anything that does not come through it.
 */
export function enforceContentSecurityPolicy(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
}
