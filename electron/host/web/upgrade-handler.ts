import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WEB_BRIDGE_PATH } from '../../../shared/contract';
import type { WebAuth } from './auth';
import type { BridgeSockets } from './bridge-socket';
import { parseRequestTarget } from './request-handler';

function refuse(socket: Duplex, status: number, text: string): void {
  const body = `${text}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  );
}

/**
 * The WebSocket upgrade is the door to every method, so it gets all three checks: exact Host (DNS rebinding),
 * exact Origin (another site's page in the same browser would send its own), and the session cookie.
 */
export function createUpgradeHandler(auth: WebAuth, bridge: BridgeSockets) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(request.url);
    if (!target || target.pathname !== WEB_BRIDGE_PATH) return refuse(socket, 404, 'Not found.');
    for (const verdict of [auth.checkHost(request), auth.checkOrigin(request), auth.checkCookie(request)]) {
      if (!verdict.ok) return refuse(socket, verdict.status, verdict.reason);
    }
    bridge.accept(request, socket, head);
  };
}
