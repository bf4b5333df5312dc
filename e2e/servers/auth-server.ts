import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small authorization server and protected API for the end-to-end tests: Digest (RFC 7616, MD5 with qop=auth),
 * OAuth 2.0 client credentials and authorization code with PKCE (RFC 6749, RFC 7636), refresh tokens, token
 * endpoints that fail the ways real ones do (an error object, an HTML page where JSON belongs), and a recorder that
 * keeps exactly what arrived (Courier masks credentials in what it shows, so the response is no proof).
 */
export interface AuthServer {
  url: string;
  /** every request to /api/record and below, in arrival order */
  recorded(): RecordedRequest[];
  /** what the token endpoint was sent, in order (form fields and the Authorization header) */
  tokenRequests(): TokenRequest[];
  /** what the authorization endpoint was asked, in order */
  authorizeRequests(): URLSearchParams[];
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  /** path and query, as sent */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TokenRequest {
  path: string;
  authorization: string | undefined;
  fields: Record<string, string>;
}

export const AUTH_FIXTURE = {
  digest: { realm: 'courier-e2e', username: 'ann', password: 'digest-pw' },
  client: { id: 'courier-e2e', secret: 'client-secret-e2e' },
  /** seconds */
  expiresIn: 300,
} as const;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const token = (prefix: string) => `${prefix}-${randomBytes(12).toString('base64url')}`;

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Parses `Digest a="b", c=d` into its fields. */
function digestFields(header: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of header.replace(/^Digest\s+/i, '').matchAll(/([a-z0-9-]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/gi)) {
    fields[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return fields;
}

export async function startAuthServer(): Promise<AuthServer> {
  const recorded: RecordedRequest[] = [];
  const tokenRequests: TokenRequest[] = [];
  const authorizeRequests: URLSearchParams[] = [];
  const nonces = new Set<string>();
  /** code → what the authorization request said, for checking the token request */
  const codes = new Map<string, { challenge: string; redirectUri: string; clientId: string; scope: string }>();
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();

  const issue = (scope: string, withRefresh: boolean) => {
    const access = token('at');
    accessTokens.add(access);
    const body: Record<string, unknown> = { access_token: access, token_type: 'Bearer', expires_in: AUTH_FIXTURE.expiresIn, scope };
    if (withRefresh) {
      const refresh = token('rt');
      refreshTokens.add(refresh);
      body.refresh_token = refresh;
    }
    return body;
  };

  const clientOk = (authorization: string | undefined, fields: Record<string, string>): boolean => {
    const { id, secret } = AUTH_FIXTURE.client;
    if (authorization?.startsWith('Basic ')) {
      const [user, pass] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
      return decodeURIComponent(user ?? '') === id && decodeURIComponent(pass ?? '') === secret;
    }
    return fields.client_id === id && (fields.client_secret === undefined || fields.client_secret === secret);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://auth');
    void (async () => {
      if (url.pathname === '/api/record' || url.pathname.startsWith('/api/record/')) {
        const body = await readBody(req);
        recorded.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: { ...req.headers }, body });
        json(res, 200, { recorded: recorded.length });
        return;
      }
      switch (url.pathname) {
        case '/favicon.ico':
          res.writeHead(204);
          res.end();
          return;
        case '/oauth/stall': {
          // a sign-in page the user never finishes
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<!doctype html><title>Sign in</title><link rel="icon" href="data:,"><p>Sign in to continue… (this page never answers)</p>');
          return;
        }
        case '/digest': {
          const { realm, username, password } = AUTH_FIXTURE.digest;
          const header = req.headers.authorization;
          if (header?.startsWith('Digest ')) {
            const f = digestFields(header);
            const ha1 = md5(`${f.username}:${realm}:${password}`);
            const ha2 = md5(`${req.method}:${f.uri}`);
            const expected = md5(`${ha1}:${f.nonce}:${f.nc}:${f.cnonce}:${f.qop}:${ha2}`);
            if (f.username === username && f.realm === realm && nonces.has(f.nonce ?? '') && f.response === expected) {
              json(res, 200, { authenticated: true, user: f.username, scheme: 'Digest', uri: f.uri });
              return;
            }
          }
          const nonce = randomBytes(16).toString('hex');
          nonces.add(nonce);
          res.writeHead(401, {
            'www-authenticate': `Digest realm="${realm}", qop="auth", algorithm=MD5, nonce="${nonce}", opaque="${md5(realm)}"`,
            'content-type': 'text/plain',
          });
          res.end('digest credentials required');
          return;
        }
        case '/oauth/authorize': {
          const q = url.searchParams;
          authorizeRequests.push(new URLSearchParams(q));
          const redirectUri = q.get('redirect_uri') ?? '';
          const back = new URL(redirectUri);
          if (q.get('client_id') !== AUTH_FIXTURE.client.id || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
            back.searchParams.set('error', 'invalid_request');
            back.searchParams.set('error_description', 'client_id or PKCE challenge missing');
          } else {
            const code = token('code');
            codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri, clientId: q.get('client_id') ?? '', scope: q.get('scope') ?? '' });
            back.searchParams.set('code', code);
          }
          back.searchParams.set('state', q.get('state') ?? '');
          // the user "signs in" at once: straight back to Courier's loopback listener
          res.writeHead(302, { location: back.href, 'cache-control': 'no-store' });
          res.end();
          return;
        }
        case '/oauth/token':
        case '/oauth/error-token':
        case '/oauth/garbage-token': {
          const body = await readBody(req);
          const fields = Object.fromEntries(new URLSearchParams(body));
          tokenRequests.push({ path: url.pathname, authorization: req.headers.authorization, fields });
          if (url.pathname === '/oauth/error-token') {
            json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed (unknown client e2e)' });
            return;
          }
          if (url.pathname === '/oauth/garbage-token') {
            res.writeHead(502, { 'content-type': 'text/html' });
            res.end('<html><body><h1>502 Bad Gateway</h1><p>upstream exploded</p></body></html>');
            return;
          }
          if (!clientOk(req.headers.authorization, fields)) {
            json(res, 401, { error: 'invalid_client', error_description: 'bad client credentials' });
            return;
          }
          switch (fields.grant_type) {
            case 'client_credentials':
              json(res, 200, issue(fields.scope ?? '', false));
              return;
            case 'authorization_code': {
              const grant = codes.get(fields.code ?? '');
              codes.delete(fields.code ?? '');
              const challenge = createHash('sha256')
                .update(fields.code_verifier ?? '')
                .digest('base64url');
              if (!grant || grant.challenge !== challenge || grant.redirectUri !== fields.redirect_uri) {
                json(res, 400, { error: 'invalid_grant', error_description: 'code, verifier or redirect_uri does not match' });
                return;
              }
              json(res, 200, issue(grant.scope, true));
              return;
            }
            case 'refresh_token':
              if (!refreshTokens.has(fields.refresh_token ?? '')) {
                json(res, 400, { error: 'invalid_grant', error_description: 'unknown refresh token' });
                return;
              }
              json(res, 200, issue('refreshed', false));
              return;
            default:
              json(res, 400, { error: 'unsupported_grant_type' });
              return;
          }
        }
        case '/api/me': {
          const header = req.headers.authorization ?? '';
          const bearer = /^Bearer (.+)$/.exec(header)?.[1];
          if (!bearer || !accessTokens.has(bearer)) {
            json(res, 401, { error: 'invalid_token' });
            return;
          }
          json(res, 200, { authenticated: true, scheme: 'Bearer', tokenPrefix: bearer.slice(0, 3) });
          return;
        }
        default:
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
      }
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    recorded: () => [...recorded],
    tokenRequests: () => [...tokenRequests],
    authorizeRequests: () => [...authorizeRequests],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
