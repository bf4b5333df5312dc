import type { Session } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * Courier needs no camera, microphone, location, notifications, USB or HID, so every request is refused. The single
 * exception is writing text to the clipboard from the app's own page ("copy response", "copy as curl").
 */
const ALLOWED_FOR_APP = new Set(['clipboard-sanitized-write']);

function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_FOR_APP.has(permission) && isAppUrl(requestingUrl);
}

export function denyPermissionsByDefault(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
