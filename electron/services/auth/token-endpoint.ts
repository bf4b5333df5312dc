import { CourierError, type HttpExchange, type HttpRequestSpec, type KeyValue, type OAuth2Auth, type RequestSettings } from '../../../shared/contract';
import { oneLine, redact } from './redact';

/** What a token endpoint answered (RFC 6749 §5.1), normalised. */
export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  refreshToken: string | null;
  scope: string | null;
  /** seconds, as sent; null when the server did not say */
  expiresIn: number | null;
}

export interface TokenEndpointIo {
  /** sends one request through the HTTP engine (the caller picks the id and tracks it for cancellation) */
  send: (spec: HttpRequestSpec) => Promise<HttpExchange>;
  readBody: (bodyId: string) => Promise<Uint8Array>;
  releaseBody: (bodyId: string) => Promise<unknown>;
}

const EXCERPT_MAX = 2048;
// A token response is a few KB at most; a server sending more is broken or hostile and is not read into memory.
const RESPONSE_MAX_BYTES = 1024 * 1024;

export function requireTokenUrl(auth: OAuth2Auth): void {
  if (auth.tokenUrl.trim() === '') throw new CourierError('AUTH_FAILED', 'Enter the token URL in the Auth tab.');
  if (auth.clientId.trim() === '') throw new CourierError('AUTH_FAILED', 'Enter the client ID in the Auth tab.');
}

/** RFC 6749 §2.3.1: the id and secret are form-urlencoded before they are joined and base64-encoded. */
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** Every spelling of the client secret that might come back in an answer, for redaction. */
export function clientSecretSpellings(auth: OAuth2Auth): string[] {
  if (auth.clientSecret === '') return [];
  return [auth.clientSecret, formEncode(auth.clientSecret), encodeURIComponent(auth.clientSecret), basicCredentials(auth)];
}

function basicCredentials(auth: OAuth2Auth): string {
  return Buffer.from(`${formEncode(auth.clientId)}:${formEncode(auth.clientSecret)}`, 'utf8').toString('base64');
}

/**
 * POSTs a token request and returns the token, or throws OAUTH_ERROR with the server's own words. `hidden` are the
 * values in this request that must never appear in an error (code, verifier, refresh token).
 */
export async function requestToken(
  io: TokenEndpointIo,
  auth: OAuth2Auth,
  settings: RequestSettings,
  grantFields: [string, string][],
  hidden: string[],
): Promise<TokenResponse> {
  requireTokenUrl(auth);
  const headers: KeyValue[] = [{ name: 'Accept', value: 'application/json', enabled: true }];
  const fields = [...grantFields];
  if (auth.clientSecret === '') {
    // A public client (a native app with PKCE, RFC 8252 §8.4) has no secret to authenticate with, only its id.
    fields.push(['client_id', auth.clientId]);
  } else if (auth.clientAuth === 'basic') {
    headers.push({ name: 'Authorization', value: `Basic ${basicCredentials(auth)}`, enabled: true });
  } else {
    fields.push(['client_id', auth.clientId], ['client_secret', auth.clientSecret]);
  }
  const spec: HttpRequestSpec = {
    method: 'POST',
    url: auth.tokenUrl.trim(),
    params: [],
    headers,
    body: { kind: 'form', fields: fields.map(([name, value]) => ({ name, value, enabled: true })) },
    settings: {
      ...settings,
      // The form carries the client secret: a redirect must not carry it on to wherever the server points.
      followRedirects: false,
      maxResponseBytes: Math.min(settings.maxResponseBytes, RESPONSE_MAX_BYTES),
      maxDecodedBytes: Math.min(settings.maxDecodedBytes, RESPONSE_MAX_BYTES),
    },
    auth: { kind: 'none' },
    variables: [],
  };
  const exchange = await io.send(spec);
  let bytes: Uint8Array;
  try {
    bytes = await io.readBody(exchange.body.id);
  } finally {
    await io.releaseBody(exchange.body.id);
  }
  return parseTokenResponse(exchange, Buffer.from(bytes).toString('utf8'), [...clientSecretSpellings(auth), ...hidden]);
}

function header(exchange: HttpExchange, lowerName: string): string | null {
  for (const [name, value] of exchange.response.headers) if (name.toLowerCase() === lowerName) return value;
  return null;
}

function parseFields(contentType: string, text: string): Record<string, unknown> | null {
  // GitHub answers form-encoded unless asked for JSON; some servers label JSON text/plain, so JSON is tried for
  // everything else.
  if (/application\/x-www-form-urlencoded/i.test(contentType)) return Object.fromEntries(new URLSearchParams(text.trim()));
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// Anything token-like in a garbled answer is hidden too: it may be half of a real token response.
const SENSITIVE_FIELD = /^(access_token|refresh_token|id_token|token|code|code_verifier|assertion)$|secret|password/i;

function sensitiveValues(fields: Record<string, unknown> | null): string[] {
  if (fields === null) return [];
  return Object.entries(fields)
    .filter(([name, value]) => SENSITIVE_FIELD.test(name) && typeof value === 'string')
    .map(([, value]) => value as string);
}

function parseTokenResponse(exchange: HttpExchange, text: string, hidden: string[]): TokenResponse {
  const { status } = exchange.response;
  const contentType = header(exchange, 'content-type') ?? '';
  const fields = parseFields(contentType, text);
  const secrets = [...hidden, ...sensitiveValues(fields)];
  // Even the reason phrase comes from the server, which may echo what it was sent.
  const statusText = oneLine(redact(exchange.response.statusText, secrets), 100);
  const excerpt = (): string => {
    const safe = redact(text, secrets);
    if (safe.trim() === '') return '(empty body)';
    return safe.length > EXCERPT_MAX ? `${safe.slice(0, EXCERPT_MAX)}…` : safe;
  };

  // RFC 6749 §5.2 says 400, but GitHub and others send the error object with a 200: the field decides.
  if (fields !== null && typeof fields.error === 'string' && fields.error !== '') {
    const error = oneLine(redact(fields.error, secrets), 200);
    const description = typeof fields.error_description === 'string' ? oneLine(redact(fields.error_description, secrets), 1000) : '';
    const message = description === '' ? `The authorization server refused: ${error}` : `The authorization server refused: ${error}: ${description}`;
    throw new CourierError('OAUTH_ERROR', message, excerpt());
  }
  if (status >= 300 && status < 400) {
    const location = header(exchange, 'location');
    throw new CourierError(
      'OAUTH_ERROR',
      `The token endpoint answered with a redirect (${status}${location ? ` to ${oneLine(redact(location, secrets), 300)}` : ''}). Courier does not send client credentials on to another address; put the final URL in the token URL.`,
      `HTTP ${status} ${statusText}\n${excerpt()}`,
    );
  }
  const accessToken = fields?.access_token;
  if (status < 200 || status >= 300 || fields === null || typeof accessToken !== 'string' || accessToken === '') {
    throw new CourierError(
      'OAUTH_ERROR',
      `The authorization server answered with something that is not a token response (HTTP ${status}${statusText ? ` ${statusText}` : ''}).`,
      `HTTP ${status} ${statusText}${contentType ? `, ${oneLine(contentType, 200)}` : ''}\n${excerpt()}`,
    );
  }
  return {
    accessToken,
    tokenType: typeof fields.token_type === 'string' && fields.token_type.trim() !== '' ? fields.token_type.trim() : 'Bearer',
    refreshToken: typeof fields.refresh_token === 'string' && fields.refresh_token !== '' ? fields.refresh_token : null,
    scope: typeof fields.scope === 'string' ? fields.scope : null,
    expiresIn: seconds(fields.expires_in),
  };
}

/** expires_in is a number per RFC 6749, but a string in some servers' answers (and always in a form answer). */
function seconds(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : null;
}
