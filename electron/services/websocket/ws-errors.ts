import { CourierError } from '../../../shared/contract';
import { tlsVerificationError } from '../http';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA', 'ENODATA']);
const TLS_HINT = /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO_VERIFY|UNABLE_TO_GET/;

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/** What the `ws` package or the socket under it reported, as one plainly worded error. */
export function toWsError(error: unknown, host: string, context: { open: boolean; maxMessageBytes: number; connectTimeoutMs: number }): CourierError {
  if (error instanceof CourierError) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'WS_ERR_INVALID_UTF8') {
    return new CourierError('WS_INVALID_MESSAGE', 'The server sent a text message that is not valid UTF-8, so the connection was closed (1007).', code);
  }
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
    return new CourierError(
      'WS_MESSAGE_TOO_LARGE',
      `The server sent a message larger than the limit of ${context.maxMessageBytes} bytes, so the connection was closed (1009). Raise the limit in Settings if you expect such messages.`,
      code,
    );
  }
  if (code.startsWith('WS_ERR_')) {
    return new CourierError('PROTOCOL_ERROR', `The server broke the WebSocket protocol (${message}); the connection was closed.`, code);
  }
  if (message === 'Opening handshake has timed out') {
    return new CourierError('CONNECT_TIMEOUT', `${host} did not complete the WebSocket handshake within ${context.connectTimeoutMs} ms.`);
  }
  if (code === 'SELF_REQUEST_REFUSED') {
    return new CourierError('SELF_REQUEST_REFUSED', 'Courier does not connect to its own web server.', host);
  }
  if (DNS_CODES.has(code)) return new CourierError('DNS_FAILED', `The host name ${host} could not be found.`, code);
  if (code === 'ECONNREFUSED') return new CourierError('CONNECTION_REFUSED', `${host} refused the connection. Is the server running?`, code);
  if (code === 'ECONNRESET' || code === 'EPIPE' || message === 'socket hang up') {
    return new CourierError(
      'CONNECTION_RESET',
      context.open ? `${host} reset the connection.` : `${host} closed the connection during the handshake.`,
      code || undefined,
    );
  }
  if (code === 'ETIMEDOUT') return new CourierError('CONNECT_TIMEOUT', `Connecting to ${host} timed out.`, code);
  if (TLS_HINT.test(code)) return tlsVerificationError(code, host, null);
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return tlsVerificationError(code, host, null);
  return new CourierError('PROTOCOL_ERROR', `The WebSocket connection to ${host} failed: ${message.slice(0, 200)}`, code || undefined);
}
