import { CourierError } from '../../../shared/contract';
import { formatDuration, timeoutSettingNote } from '../../../shared/request';

/** Where in the exchange a failure happened; the same OS error means different things in each. */
export type FailurePhase = 'connect' | 'waiting' | 'body';

export interface FailureContext {
  host: string;
  phase: FailurePhase;
  /** Content-Length the server announced, when it did */
  expectedBodyBytes: number | null;
  receivedBodyBytes: number;
  idleTimeoutMs: number;
  /** false while the response head has not been parsed (undici rejects a malformed head before we see it) */
  headersReceived?: boolean;
  /** the response head as read off the wire, when captured */
  responseHead?: string | null;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA', 'ENODATA']);
const TLS_SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const TLS_UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'INVALID_CA',
  'CERT_REVOKED',
]);

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

/** Turns a certificate verification failure into the user-facing error for it. */
export function tlsVerificationError(code: string, host: string, validTo: string | null): CourierError {
  const trustHint = 'Turn off TLS verification for this request only if you trust it.';
  if (TLS_SELF_SIGNED.has(code)) {
    return new CourierError('TLS_CERT_SELF_SIGNED', `The server ${host} uses a self-signed certificate. ${trustHint}`, code);
  }
  if (code === 'CERT_HAS_EXPIRED') {
    const until = validTo ? ` (valid until ${validTo})` : '';
    return new CourierError('TLS_CERT_EXPIRED', `The server's certificate has expired${until}. ${trustHint}`, code);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
    return new CourierError('TLS_CERT_HOSTNAME_MISMATCH', `The server's certificate is not valid for ${host}. ${trustHint}`, code);
  }
  if (TLS_UNTRUSTED.has(code)) {
    return new CourierError('TLS_CERT_UNTRUSTED', `The server's certificate for ${host} is not signed by an authority Courier trusts. ${trustHint}`, code);
  }
  return new CourierError('TLS_HANDSHAKE_FAILED', `The secure connection to ${host} could not be set up.`, code || undefined);
}

/** Every failure leaves the engine as a CourierError with a plain message; nothing else (no stacks) gets out. */
export function toCourierError(error: unknown, context: FailureContext): CourierError {
  if (error instanceof CourierError) return error;
  const code = codeOf(error);
  const { host } = context;
  if (DNS_CODES.has(code)) {
    return new CourierError('DNS_FAILED', `Could not resolve host ${host} — check the spelling or your network.`, code);
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new CourierError('CONNECTION_REFUSED', `${host} refused the connection. Is the server running on that port?`, code);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new CourierError('CONNECTION_REFUSED', `${host} cannot be reached from this network.`, code);
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new CourierError('CONNECT_TIMEOUT', `Connecting to ${host} took too long.`, code);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new CourierError(
        'HEADERS_TIMEOUT',
        `${host} accepted the request but sent no complete response headers within ${formatDuration(context.idleTimeoutMs)} ${timeoutSettingNote('Idle timeout')}.`,
        code,
      );
    case 'UND_ERR_BODY_TIMEOUT':
      return new CourierError(
        'IDLE_TIMEOUT',
        `${host} stopped sending the response body for more than ${formatDuration(context.idleTimeoutMs)} ${timeoutSettingNote('Idle timeout')}.`,
        code,
      );
    case 'UND_ERR_HEADERS_OVERFLOW':
      return new CourierError('HEADERS_TOO_LARGE', `The response headers from ${host} are too large to accept.`, code);
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      // undici reports any parser error in a head that has a Content-Length as a length mismatch; llhttp refuses
      // a head whose framing is ambiguous (request smuggling's favourite) before any body byte is read.
      if (context.headersReceived === false) return ambiguousFraming(context, code);
      return contentLengthMismatch(context, code);
    case 'ECONNRESET':
    case 'EPIPE':
      return new CourierError('CONNECTION_RESET', resetMessage(context), code);
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return closedEarly(context, code);
    default:
      break;
  }
  // undici's parser errors carry no code; the name and llhttp's reason tell them apart.
  const parserError = code.startsWith('HPE_') || (error instanceof Error && error.name === 'HTTPParserError');
  if (parserError) {
    const chunked = code === 'HPE_INVALID_CHUNK_SIZE' || /chunk/i.test(error instanceof Error ? error.message : '');
    const what = chunked ? 'a malformed chunked body' : 'a response that is not valid HTTP';
    return new CourierError('PROTOCOL_ERROR', `${host} sent ${what}.`, code || (error as Error).message.slice(0, 200));
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return tlsVerificationError(code, host, null);
  if (code.startsWith('UND_ERR_') || code.startsWith('E')) {
    return new CourierError('PROTOCOL_ERROR', `The exchange with ${host} failed before a complete response arrived.`, code);
  }
  return new CourierError('INTERNAL', 'Something went wrong inside Courier while sending the request.');
}

function ambiguousFraming(context: FailureContext, code: string): CourierError {
  if (context.responseHead != null && hasConflictingFraming(context.responseHead)) {
    return new CourierError(
      'PROTOCOL_ERROR',
      `The server ${context.host} sent conflicting Content-Length / Transfer-Encoding headers, so where its response ends is ambiguous; Courier refused it.`,
      code,
    );
  }
  return new CourierError('PROTOCOL_ERROR', `${context.host} sent a response that is not valid HTTP.`, code);
}

/** Content-Length together with Transfer-Encoding, or Content-Length given more than once (RFC 9112 §6.3). */
function hasConflictingFraming(head: string): boolean {
  let lengths = 0;
  let transferEncoding = false;
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name === 'content-length') lengths += line.slice(colon + 1).split(',').length;
    else if (name === 'transfer-encoding') transferEncoding = true;
  }
  return lengths > 1 || (lengths > 0 && transferEncoding);
}

function resetMessage(context: FailureContext): string {
  if (context.phase === 'body') return `${context.host} reset the connection while sending the response body.`;
  if (context.phase === 'waiting') return `${context.host} reset the connection before sending a response.`;
  return `${context.host} reset the connection while connecting.`;
}

function contentLengthMismatch(context: FailureContext, code: string): CourierError {
  return new CourierError(
    'CONTENT_LENGTH_MISMATCH',
    `${context.host} announced ${context.expectedBodyBytes ?? '?'} body bytes but closed the connection after ${context.receivedBodyBytes}.`,
    code,
  );
}

function closedEarly(context: FailureContext, code: string): CourierError {
  if (context.phase === 'body') {
    if (context.expectedBodyBytes !== null && context.receivedBodyBytes < context.expectedBodyBytes) {
      return contentLengthMismatch(context, code);
    }
    return new CourierError('TRUNCATED_BODY', `${context.host} closed the connection before the response body was complete.`, code);
  }
  return new CourierError('CONNECTION_RESET', `${context.host} closed the connection without sending a response.`, code);
}
