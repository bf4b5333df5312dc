import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WEB_BRIDGE_NAME } from '../../../shared/contract';
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
 * exact Origin (a page of another site, or of another port on 127.0.0.1, would send its own), and the secret path
 * /s/<token>/bridge. Each check stands alone: knowing the token is not enough from a foreign page.
 */
export function createUpgradeHandler(auth: WebAuth, bridge: BridgeSockets, onAuthorized: (request: IncomingMessage) => void = () => undefined) {
  const bridgePath = `/${WEB_BRIDGE_NAME}`;
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    for (const verdict of [auth.checkHost(request), auth.checkOrigin(request)]) {
      if (!verdict.ok) return refuse(socket, verdict.status, verdict.reason);
    }
    const target = parseRequestTarget(request.url);
    if (!target) return refuse(socket, 400, 'Bad request.');
    const match = auth.matchSecretPath(target.pathname);
    if (match.kind !== 'inside') return refuse(socket, 401, 'Unauthorized.');
    if (match.rest !== bridgePath) return refuse(socket, 404, 'Not found.');
    // The app's WebSocket lives as long as the page: it must never be dropped as an idle stranger.
    onAuthorized(request);
    bridge.accept(request, socket, head);
  };
}
