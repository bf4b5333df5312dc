// Plain values only, no zod: the renderer imports this at start, and zod's schemas cost start-up time to build.
/**
 * Every error that crosses the bridge carries one of these codes. Clients match on codes, never on messages,
 * so messages can be reworded for users without breaking anything.
 */
export const ERROR_CODES = [
  // bridge and input
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED_CALLER',
  'INTERNAL',
  // request composition
  'INVALID_URL',
  'UNSUPPORTED_PROTOCOL',
  'INVALID_METHOD',
  'INVALID_HEADER',
  'INVALID_BODY',
  'SELF_REQUEST_REFUSED',
  // network
  'DNS_FAILED',
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'CONNECT_TIMEOUT',
  'HEADERS_TIMEOUT',
  'IDLE_TIMEOUT',
  'DEADLINE_EXCEEDED',
  'CANCELLED',
  // TLS
  'TLS_CERT_SELF_SIGNED',
  'TLS_CERT_EXPIRED',
  'TLS_CERT_HOSTNAME_MISMATCH',
  'TLS_CERT_UNTRUSTED',
  'TLS_HANDSHAKE_FAILED',
  // protocol and body
  'PROTOCOL_ERROR',
  'HEADERS_TOO_LARGE',
  'CONTENT_LENGTH_MISMATCH',
  'TRUNCATED_BODY',
  'TOO_MANY_REDIRECTS',
  'REDIRECT_LOOP',
  'RESPONSE_TOO_LARGE',
  'DECOMPRESSED_TOO_LARGE',
  'TOO_MANY_ENCODINGS',
  'DECODING_FAILED',
  // bodies kept by reference
  'BODY_NOT_FOUND',
  // shell
  'EXTERNAL_URL_REFUSED',
  // history
  'HISTORY_NOT_FOUND',
  'INVALID_HAR',
  // import and export
  'INVALID_IMPORT',
  'STORAGE_ERROR',
  // variables, vault and auth
  'VARIABLE_CYCLE',
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  /** too many wrong passphrases: detail is the wait in milliseconds before the next try */
  'VAULT_THROTTLED',
  'SECRET_UNREADABLE',
  /** {{$env.NAME}} of a name the user has not allowed; detail is JSON { names, host } (see envNotAllowedDetail) */
  'ENV_NOT_ALLOWED',
  /** an Auth tab credential that is not there to send (a masked placeholder, a vault entry gone or unreadable) */
  'CREDENTIAL_UNAVAILABLE',
  'ENVIRONMENT_NOT_FOUND',
  'VARIABLE_NOT_FOUND',
  'AUTH_FAILED',
  'OAUTH_ERROR',
  'OAUTH_FLOW_NOT_FOUND',
  // WebSocket
  'WS_HANDSHAKE_REJECTED',
  'WS_NOT_OPEN',
  'WS_SESSION_NOT_FOUND',
  'WS_MESSAGE_TOO_LARGE',
  'WS_INVALID_MESSAGE',
  // scripts: a pre-request script that failed or hit a limit stops the send; detail names nothing secret
  'SCRIPT_FAILED',
  // GraphQL
  'GRAPHQL_INTROSPECTION_FAILED',
  'GRAPHQL_SUBSCRIPTION_FAILED',
  // workspace
  'WORKSPACE_NOT_FOUND',
  'WORKSPACE_FILE_INVALID',
  'WORKSPACE_CONFLICT',
  /** a collection of that name (any case) exists already: detail is the name taken */
  'NAME_TAKEN',
  // collection runner
  'RUN_NOT_FOUND',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
