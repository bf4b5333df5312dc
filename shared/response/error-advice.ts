import { type ErrorCode } from '../contract';

const TITLES: Partial<Record<ErrorCode, string>> = {
  INVALID_URL: 'The URL is not valid',
  UNSUPPORTED_PROTOCOL: 'That protocol is not supported',
  INVALID_METHOD: 'The method is not valid',
  INVALID_HEADER: 'A header is not valid',
  INVALID_BODY: 'The body could not be sent',
  SELF_REQUEST_REFUSED: 'Courier will not send requests to itself',
  DNS_FAILED: 'The host name could not be found',
  CONNECTION_REFUSED: 'The server refused the connection',
  CONNECTION_RESET: 'The connection was closed unexpectedly',
  CONNECT_TIMEOUT: 'Connecting took too long',
  HEADERS_TIMEOUT: 'The server did not answer in time',
  IDLE_TIMEOUT: 'The server went silent',
  DEADLINE_EXCEEDED: 'The request took longer than allowed',
  CANCELLED: 'Request cancelled',
  TLS_CERT_SELF_SIGNED: "The server's certificate is self-signed",
  TLS_CERT_EXPIRED: "The server's certificate has expired",
  TLS_CERT_HOSTNAME_MISMATCH: 'The certificate is for a different host',
  TLS_CERT_UNTRUSTED: "The server's certificate is not trusted",
  TLS_HANDSHAKE_FAILED: 'A secure connection could not be established',
  PROTOCOL_ERROR: 'The server broke the HTTP protocol',
  HEADERS_TOO_LARGE: 'The response headers are too large',
  CONTENT_LENGTH_MISMATCH: 'The body length does not match Content-Length',
  TRUNCATED_BODY: 'The response body was cut off',
  TOO_MANY_REDIRECTS: 'Too many redirects',
  REDIRECT_LOOP: 'The redirects go round in a loop',
  RESPONSE_TOO_LARGE: 'The response is larger than the limit',
  DECOMPRESSED_TOO_LARGE: 'The decompressed body is larger than the limit',
  TOO_MANY_ENCODINGS: 'Too many content encodings',
  DECODING_FAILED: 'The body could not be decompressed',
  BODY_NOT_FOUND: 'The response body is no longer available',
  ENV_NOT_ALLOWED: 'This request wants a process environment variable',
  // thrown only before anything goes out (post-response scripts report into the Tests tab instead)
  SCRIPT_FAILED: 'A pre-request script stopped the request: nothing was sent',
  VAULT_LOCKED: 'The vault is locked: nothing was sent',
  CREDENTIAL_UNAVAILABLE: 'A credential is not available: nothing was sent',
  SECRET_UNREADABLE: 'A secret could not be read: nothing was sent',
  VARIABLE_NOT_FOUND: 'A variable is not defined: nothing was sent',
  VARIABLE_CYCLE: 'Variables refer to each other in a loop: nothing was sent',
  ENVIRONMENT_NOT_FOUND: 'The environment no longer exists',
  AUTH_FAILED: 'Authentication failed',
  OAUTH_ERROR: 'The OAuth 2.0 flow failed',
  EXTERNAL_URL_REFUSED: 'That address was refused',
  STORAGE_ERROR: 'Courier could not write its data',
};

/** A short headline for a failed request; the bridge error's own message carries the detail and what to do. */
export function errorAdvice(code: ErrorCode): string {
  return TITLES[code] ?? 'The request failed';
}
