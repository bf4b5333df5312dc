import type { AuthKind } from './auth';

/**
 * The contract's plain values (limits, defaults, lists of names), apart from its schemas: no zod here. The renderer
 * needs these at start, and importing them from the schema modules would build every schema (and load zod) before
 * the first paint. Each schema module re-exports its own, so the main process imports them where it always did.
 */

// re-exported by http.ts

/** RFC 9110 token: what a method or header name may contain. */
export const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const DEFAULT_SETTINGS = {
  connectTimeoutMs: 10_000,
  /**
   * whole exchange, redirects included; 0 = no deadline. Five minutes by default, so a body dripping a byte at a
   * time within the idle timeout cannot hold a request (and its connection) forever; event streams are excluded
   * once they start.
   */
  deadlineMs: 300_000,
  /** longest silence while waiting for headers or body bytes */
  idleTimeoutMs: 30_000,
  followRedirects: true,
  maxRedirects: 10,
  /** send credentials and secret-bearing headers on to another origin after a redirect (curl's --location-trusted) */
  keepCredentialsOnRedirect: false,
  /** send the cookie jar's matching cookies and store the response's Set-Cookie (every hop); off: neither */
  useCookieJar: true,
  verifyTls: true,
  /** bytes on the wire */
  maxResponseBytes: 512 * 1024 * 1024,
  /** bytes after decompression */
  maxDecodedBytes: 512 * 1024 * 1024,
} as const;

export const BODY_READ_MAX_BYTES = 8 * 1024 * 1024;

// re-exported by websocket.ts

export const WS_DEFAULT_SETTINGS = {
  connectTimeoutMs: 10_000,
  verifyTls: true,
  /** largest message the server may send us; bigger ones close the connection with 1009 */
  maxMessageBytes: 16 * 1024 * 1024,
  autoReconnect: false,
  /** attempts after an unexpected close before giving up */
  reconnectMaxAttempts: 5,
  reconnectInitialDelayMs: 500,
  reconnectMaxDelayMs: 30_000,
  /** entries the main process keeps per session (the oldest go first) */
  logCap: 10_000,
} as const;

export const WS_STATES = ['connecting', 'open', 'closing', 'closed', 'reconnecting'] as const;

/**
 * Most events in one 'ws.events' or 'http.sse' batch. The window parses and appends a batch in one task, so a batch
 * must fit well within a frame: 500 events of 200 bytes take the web bridge about 1 ms to parse and append, while
 * the 2,000 (WebSocket) to 9,000 (SSE) events a fast sender used to put in one batch took it 4 to 18 times as long.
 */
export const STREAM_BATCH_MAX_EVENTS = 500;

// re-exported by variables.ts

/** Names start with a letter or underscore; "$" is reserved for dynamic values ({{$uuid}}, {{$env.NAME}}). */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// re-exported by history.ts

export const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx', 'error'] as const;

export const HISTORY_PAGE_MAX = 500;

// re-exported by auth.ts

export const OAUTH2_GRANTS = ['client_credentials', 'authorization_code'] as const;

export const AUTH_KIND_LABELS: Record<AuthKind, string> = {
  inherit: 'Inherit from parent',
  none: 'No auth',
  basic: 'Basic',
  bearer: 'Bearer token',
  apikey: 'API key',
  digest: 'Digest',
  oauth2: 'OAuth 2.0',
};

// re-exported by testing.ts

/** What an assertion row looks at. `property` names the header, holds the JSONPath or the regex, per target. */
export const ASSERTION_TARGETS = ['status', 'header', 'responseTime', 'bodySize', 'jsonPath', 'regex', 'body'] as const;

export const ASSERTION_OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'matches',
  'lessThan',
  'lessOrEqual',
  'greaterThan',
  'greaterOrEqual',
  'exists',
  'isEmpty',
  'isType',
  'matchesSchema',
] as const;

export const CAPTURE_SOURCES = ['jsonPath', 'header', 'regex'] as const;

/** request: held in memory for this session only (never written); environment: the active one; collection: the workspace's */
export const CAPTURE_SCOPES = ['request', 'environment', 'collection'] as const;

// re-exported by runner.ts

/**
 * How one request of a run ended, the one status every place reads (totals, the results list, reports, the CLI's
 * exit code, a comparison): passed; failed (no response, or a check failed); skipped (not sent: a WebSocket request);
 * cancelled (it was in flight when the user cancelled it or the run: its error's code is CANCELLED). A cancelled
 * request is neither a pass nor a failure: nothing was learnt about it. shared/runner's requestOutcome computes it.
 */
export const REQUEST_OUTCOMES = ['passed', 'failed', 'skipped', 'cancelled'] as const;

/** the error code of a request stopped by a cancel (the http engine's), which makes its outcome "cancelled" */
export const CANCELLED_ERROR_CODE = 'CANCELLED';

/** the error code of a request still answered 429 after the runner waited the rate limit out and sent it again: failed */
export const RATE_LIMITED_ERROR_CODE = 'RATE_LIMITED';

export const RUN_REPORT_FORMATS = ['json', 'junit', 'html'] as const;

// re-exported by web-protocol.ts

/** Web mode serves the app under a per-launch secret path, /s/<token>/: this constant is the "s". */
export const WEB_SECRET_PATH_PREFIX = 's';

/**
 * The bridge, relative to the app's page (/s/<token>/): the page resolves this name against its own address, so it
 * never needs to know the token, and the token never has to be written into the page.
 */
export const WEB_BRIDGE_NAME = 'bridge';
