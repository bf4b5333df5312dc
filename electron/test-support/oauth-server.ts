import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { startHttpServer, type TestServer } from './servers';

/**
 * A small but real OAuth 2.0 authorization server (RFC 6749, PKCE per RFC 7636) for tests. The authorization
 * endpoint decides at once (no login page) and 302s back to the redirect URI, so a test can play the browser by
 * fetching the authorization URL and following redirects.
 */
interface OAuthClient {
  id: string;
  /** absent: a public client (PKCE only) */
  secret?: string;
}

type TokenMode =
  /** a normal token response */
  | 'ok'
  /** the same, form-encoded, as GitHub answers when not asked for JSON */
  | 'form'
  /** 400 with an RFC 6749 §5.2 error object */
  | 'error'
  /** 200 with an error object, as GitHub does */
  | 'error-200'
  /** an error whose description quotes the client secret it was sent (a careless or hostile server) */
  | 'echo-secret'
  /** 200 text/html */
  | 'garbage'
  /** 500 text/plain */
  | 'server-error'
  /** 200 JSON without access_token */
  | 'no-access-token'
  /** never answers (for cancellation) */
  | 'hang';

export interface OAuthServerConfig {
  tokenMode: TokenMode;
  /** seconds, or null to leave expires_in out */
  expiresIn: number | null;
  /** 'rotate': a new refresh token each refresh, the old one revoked; 'keep': the answer has no refresh_token */
  refreshTokens: 'rotate' | 'keep';
  /** issue refresh tokens at all (for client credentials too) */
  issueRefreshTokens: boolean;
  authorizeMode: 'approve' | 'access_denied' | 'wrong_state';
}

export interface TokenRequestRecord {
  grantType: string | null;
  /** how the client authenticated */
  clientAuth: 'basic' | 'body' | 'none';
  clientId: string | null;
  form: Record<string, string>;
  headers: IncomingMessage['headers'];
}

export interface TestOAuthServer extends TestServer {
  tokenUrl: string;
  authorizationUrl: string;
  config: OAuthServerConfig;
  tokenRequests: TokenRequestRecord[];
  /** true for an access token this server issued and has not replaced */
  isActiveAccessToken(token: string): boolean;
  /** forgets every refresh token issued so far (a revocation) */
  revokeRefreshTokens(): void;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string | null;
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** application/x-www-form-urlencoded decoding of one Basic credential half (RFC 6749 §2.3.1). */
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

export async function startOAuthServer(options: { clients: OAuthClient[]; config?: Partial<OAuthServerConfig> }): Promise<TestOAuthServer> {
  const config: OAuthServerConfig = {
    tokenMode: 'ok',
    expiresIn: 3600,
    refreshTokens: 'rotate',
    issueRefreshTokens: true,
    authorizeMode: 'approve',
    ...options.config,
  };
  const clients = new Map(options.clients.map((client) => [client.id, client]));
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, { clientId: string; scope: string | null }>();
  const accessTokens = new Set<string>();
  const tokenRequests: TokenRequestRecord[] = [];
  const token = (prefix: string): string => `${prefix}_${randomBytes(24).toString('base64url')}`;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(text);
  };
  const oauthError = (res: ServerResponse, status: number, error: string, description: string, headers: Record<string, string> = {}): void =>
    json(res, status, { error, error_description: description }, headers);

  const authorize = (url: URL, res: ServerResponse): void => {
    const q = url.searchParams;
    const client = clients.get(q.get('client_id') ?? '');
    const redirectUri = q.get('redirect_uri') ?? '';
    // RFC 8252 §7.3: a loopback redirect may use any port, but must be http on the loopback IP.
    if (!client || !/^http:\/\/127\.0\.0\.1:\d+\/callback$/.test(redirectUri)) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('unknown client or redirect_uri');
      return;
    }
    const back = new URL(redirectUri);
    const state = q.get('state');
    const respond = (params: Record<string, string>): void => {
      for (const [name, value] of Object.entries(params)) back.searchParams.set(name, value);
      res.writeHead(302, { location: back.href });
      res.end();
    };
    if (q.get('response_type') !== 'code') return respond({ error: 'unsupported_response_type', ...(state ? { state } : {}) });
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      return respond({ error: 'invalid_request', error_description: 'PKCE with S256 is required', ...(state ? { state } : {}) });
    }
    if (config.authorizeMode === 'access_denied') {
      return respond({ error: 'access_denied', error_description: 'The resource owner said no (test server)', ...(state ? { state } : {}) });
    }
    const code = token('code');
    codes.set(code, { clientId: client.id, redirectUri, challenge: q.get('code_challenge') as string, scope: q.get('scope') });
    respond({ code, state: config.authorizeMode === 'wrong_state' ? 'not-the-state-you-sent' : (state ?? '') });
  };

  const issue = (res: ServerResponse, clientId: string, scope: string | null, refresh: 'new' | 'none'): void => {
    const access = token('at');
    accessTokens.add(access);
    const body: Record<string, unknown> = { access_token: access, token_type: 'Bearer' };
    if (config.expiresIn !== null) body.expires_in = config.expiresIn;
    if (scope) body.scope = scope;
    if (refresh === 'new' && config.issueRefreshTokens) {
      const refreshToken = token('rt');
      refreshTokens.set(refreshToken, { clientId, scope });
      body.refresh_token = refreshToken;
    }
    if (config.tokenMode === 'form') {
      res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' });
      res.end(new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, String(v)])).toString());
      return;
    }
    json(res, 200, body);
  };

  const tokenEndpoint = (req: IncomingMessage, res: ServerResponse, raw: Buffer): void => {
    if (req.method !== 'POST') return oauthError(res, 405, 'invalid_request', 'POST only');
    if (!/^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
      return oauthError(res, 400, 'invalid_request', 'form-encoded body required');
    }
    const form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    // Client authentication (RFC 6749 §2.3.1): Basic or body, never both.
    const authorization = req.headers.authorization ?? '';
    let clientAuth: TokenRequestRecord['clientAuth'] = 'none';
    let clientId = form.client_id ?? null;
    let secret: string | null = form.client_secret ?? null;
    if (/^basic /i.test(authorization)) {
      const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0 || form.client_secret !== undefined) return oauthError(res, 400, 'invalid_request', 'one client authentication method only');
      clientAuth = 'basic';
      clientId = formDecode(decoded.slice(0, colon));
      secret = formDecode(decoded.slice(colon + 1));
      if (form.client_id !== undefined && form.client_id !== clientId) return oauthError(res, 400, 'invalid_request', 'client_id mismatch');
    } else if (secret !== null) {
      clientAuth = 'body';
    }
    tokenRequests.push({ grantType: form.grant_type ?? null, clientAuth, clientId, form, headers: req.headers });

    switch (config.tokenMode) {
      case 'hang':
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body><h1>Welcome to nginx!</h1></body></html>');
        return;
      case 'server-error':
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal Server Error: the token database is on fire');
        return;
      case 'no-access-token':
        return json(res, 200, { token_type: 'Bearer', expires_in: 60, refresh_token: 'rt_half_a_response_secret' });
      case 'error':
        return json(res, 400, {
          error: 'invalid_scope',
          error_description: 'The requested scope "admin" is not allowed for this client',
          error_uri: 'https://auth.example/docs/errors#invalid_scope',
        });
      case 'error-200':
        return json(res, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
      case 'echo-secret':
        return json(res, 401, { error: 'invalid_client', error_description: `client ${clientId} sent secret ${secret} which is wrong`, echoed_form: form });
      default:
        break;
    }

    const client = clients.get(clientId ?? '');
    if (!client) return oauthError(res, 401, 'invalid_client', 'Unknown client', clientAuth === 'basic' ? { 'www-authenticate': 'Basic realm="test"' } : {});
    if (client.secret !== undefined && client.secret !== secret) {
      return oauthError(res, 401, 'invalid_client', 'Client authentication failed', clientAuth === 'basic' ? { 'www-authenticate': 'Basic realm="test"' } : {});
    }
    switch (form.grant_type) {
      case 'client_credentials':
        if (client.secret === undefined) return oauthError(res, 400, 'unauthorized_client', 'public clients cannot use client_credentials');
        return issue(res, client.id, form.scope ?? null, 'new');
      case 'authorization_code': {
        const grant = codes.get(form.code ?? '');
        codes.delete(form.code ?? ''); // single use (RFC 6749 §4.1.2)
        if (!grant || grant.clientId !== client.id) return oauthError(res, 400, 'invalid_grant', 'Unknown or used authorization code');
        if (form.redirect_uri !== grant.redirectUri) return oauthError(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
        const verifier = form.code_verifier ?? '';
        // RFC 7636 §4.6: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) == code_challenge
        if (!VERIFIER.test(verifier) || createHash('sha256').update(verifier, 'ascii').digest('base64url') !== grant.challenge) {
          return oauthError(res, 400, 'invalid_grant', 'PKCE verification failed');
        }
        return issue(res, client.id, grant.scope, 'new');
      }
      case 'refresh_token': {
        const known = refreshTokens.get(form.refresh_token ?? '');
        if (!known || known.clientId !== client.id) return oauthError(res, 400, 'invalid_grant', 'The refresh token is invalid or was revoked');
        if (config.refreshTokens === 'rotate') refreshTokens.delete(form.refresh_token as string);
        return issue(res, client.id, known.scope, config.refreshTokens === 'rotate' ? 'new' : 'none');
      }
      default:
        return oauthError(res, 400, 'unsupported_grant_type', `grant_type ${form.grant_type ?? '(none)'} is not supported`);
    }
  };

  const server = await startHttpServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/authorize' && req.method === 'GET') return authorize(url, res);
    if (url.pathname === '/token') return tokenEndpoint(req, res, body);
    res.writeHead(404).end();
  });
  return {
    ...server,
    tokenUrl: `${server.origin}/token`,
    authorizationUrl: `${server.origin}/authorize`,
    config,
    tokenRequests,
    isActiveAccessToken: (value) => accessTokens.has(value),
    revokeRefreshTokens: () => refreshTokens.clear(),
  };
}
