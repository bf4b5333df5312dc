import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { startHttpServer, type TestServer } from './servers';

/**
 * An HTTP server that demands Digest authentication and checks answers as RFC 7616 §3.4 specifies (with the RFC 2069
 * form when it offers no qop). Written from the RFC, not from the client: a shared misreading would otherwise pass.
 */
export interface DigestOffer {
  /** as sent in the challenge; null leaves the parameter out (which means MD5) */
  algorithm: string | null;
  /** e.g. "auth", "auth-int", "auth,auth-int"; null leaves qop out (RFC 2069) */
  qop: string | null;
}

export interface DigestServerConfig {
  username: string;
  password: string;
  realm: string;
  /** one challenge each, in this order */
  offers: DigestOffer[];
  /** all challenges in one WWW-Authenticate header (with a Basic one first), as some servers send them */
  oneHeader: boolean;
  userhash: boolean;
  opaque: string | null;
  /** the next nonce issued is declared stale when it is first answered correctly (the flag then turns itself off) */
  staleNextNonce: boolean;
  /** answer a 401 without any Digest challenge */
  basicOnly: boolean;
  /** never answer requests that carry Authorization (to cancel the second request) */
  hangAuthorized: boolean;
  /** never answer requests without Authorization (to cancel the first request) */
  hangUnauthorized: boolean;
}

export interface DigestAttempt {
  method: string;
  url: string;
  authorization: string | null;
  status: number;
  /** why an answer was refused, for test failure messages */
  reason: string | null;
}

export interface TestDigestServer extends TestServer {
  config: DigestServerConfig;
  attempts: DigestAttempt[];
}

const HASH_OF: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

interface NonceState {
  offer: DigestOffer;
  stale: boolean;
  staleOnUse: boolean;
  counts: Set<string>;
}

/** Authorization: Digest name=value, name="quoted \" value", … → lowercased names, unescaped values. */
function parseDigestCredentials(header: string): Map<string, string> | null {
  const match = /^Digest\s+(.*)$/is.exec(header);
  if (!match) return null;
  const params = new Map<string, string>();
  const re = /([A-Za-z0-9_*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))\s*(?:,|$)/gy;
  const text = (match[1] as string).trim();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] as string);
    params.set((m[1] as string).toLowerCase(), value);
    while (text[re.lastIndex] === ' ') re.lastIndex++;
  }
  return params;
}

export async function startDigestServer(overrides: Partial<DigestServerConfig> = {}): Promise<TestDigestServer> {
  const config: DigestServerConfig = {
    username: 'Mufasa',
    password: 'Circle of Life',
    realm: 'http-auth@example.org',
    offers: [{ algorithm: 'SHA-256', qop: 'auth' }],
    oneHeader: false,
    userhash: false,
    opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
    staleNextNonce: false,
    basicOnly: false,
    hangAuthorized: false,
    hangUnauthorized: false,
    ...overrides,
  };
  const nonces = new Map<string, NonceState>();
  const attempts: DigestAttempt[] = [];

  const challenge = (res: ServerResponse, stale: boolean): void => {
    if (config.basicOnly) {
      res.setHeader('WWW-Authenticate', `Basic realm="${config.realm}"`);
      return;
    }
    const values = config.offers.map((offer) => {
      const nonce = randomBytes(24).toString('base64');
      nonces.set(nonce, { offer, stale: false, staleOnUse: config.staleNextNonce, counts: new Set() });
      const parts = [`realm="${config.realm}"`];
      if (offer.qop !== null) parts.push(`qop="${offer.qop}"`);
      if (offer.algorithm !== null) parts.push(`algorithm=${offer.algorithm}`);
      parts.push(`nonce="${nonce}"`);
      if (config.opaque !== null) parts.push(`opaque="${config.opaque}"`);
      parts.push('charset=UTF-8');
      if (config.userhash) parts.push('userhash=true');
      if (stale) parts.push('stale=true');
      return `Digest ${parts.join(', ')}`;
    });
    config.staleNextNonce = false;
    res.setHeader('WWW-Authenticate', config.oneHeader ? [`Basic realm="${config.realm}", ${values.join(', ')}`] : values);
  };

  // Returns why the answer is wrong, 'stale' for a right answer to an expired nonce, or null when it is right.
  const verify = (req: IncomingMessage, body: Buffer, header: string): string | null => {
    const p = parseDigestCredentials(header);
    if (!p) return 'not Digest';
    const nonce = p.get('nonce') ?? '';
    const state = nonces.get(nonce);
    if (!state) return 'unknown nonce';
    const offer = state.offer;
    const algorithm = p.get('algorithm') ?? null;
    if ((algorithm ?? 'MD5').toUpperCase() !== (offer.algorithm ?? 'MD5').toUpperCase()) return `algorithm ${algorithm} not the one offered with this nonce`;
    const upper = (offer.algorithm ?? 'MD5').toUpperCase();
    const sess = upper.endsWith('-SESS');
    const hashName = HASH_OF[sess ? upper.slice(0, -5) : upper];
    if (!hashName) return `server misconfigured: ${upper}`;
    const H = (data: string | Buffer): string => createHash(hashName).update(data).digest('hex');
    if (p.get('realm') !== config.realm) return 'realm';
    if (p.get('uri') !== req.url) return `uri ${p.get('uri')} is not the request-target ${req.url}`;
    if (config.opaque !== null && p.get('opaque') !== config.opaque) return 'opaque not echoed';

    // §3.4.4: a hashed username, the extended username* form, or the plain one.
    let username: string;
    if ((p.get('userhash') ?? 'false').toLowerCase() === 'true') {
      if (p.get('username') !== H(`${config.username}:${config.realm}`)) return 'userhash';
      username = config.username;
    } else if (p.has('username*')) {
      const ext = /^UTF-8''(.*)$/i.exec(p.get('username*') as string);
      if (!ext || p.has('username')) return 'username* malformed or sent with username';
      username = decodeURIComponent(ext[1] as string);
    } else {
      username = p.get('username') ?? '';
    }
    if (username !== config.username) return 'username';

    const qop = p.get('qop') ?? null;
    const cnonce = p.get('cnonce') ?? null;
    const nc = p.get('nc') ?? null;
    if (offer.qop === null) {
      if (qop !== null) return 'qop sent though none was offered';
    } else {
      const offered = offer.qop.split(',').map((value) => value.trim());
      if (qop === null || !offered.includes(qop)) return `qop ${qop} not offered`;
      if (nc === null || !/^[0-9a-f]{8}$/i.test(nc) || !cnonce) return 'nc or cnonce missing';
      if (state.counts.has(nc.toLowerCase())) return 'nonce count replayed';
    }
    if (sess && !cnonce) return 'cnonce missing for -sess';

    // §3.4.2: A1 = unq(username) ":" unq(realm) ":" passwd, and for -sess H(that) ":" unq(nonce) ":" unq(cnonce)
    const a1 = sess ? `${H(`${username}:${config.realm}:${config.password}`)}:${nonce}:${cnonce}` : `${username}:${config.realm}:${config.password}`;
    // §3.4.3: A2 = Method ":" request-uri, plus ":" H(entity-body) for auth-int
    const a2 = qop === 'auth-int' ? `${req.method}:${req.url}:${H(body)}` : `${req.method}:${req.url}`;
    // §3.4.1: response = KD(H(A1), unq(nonce) ":" nc ":" unq(cnonce) ":" unq(qop) ":" H(A2)); RFC 2069 without qop.
    const expected = qop === null ? H(`${H(a1)}:${nonce}:${H(a2)}`) : H(`${H(a1)}:${nonce}:${nc}:${cnonce}:${qop}:${H(a2)}`);
    if (p.get('response') !== expected) return 'response does not match (wrong password?)';
    if (nc !== null) state.counts.add(nc.toLowerCase());
    if (state.stale) return 'stale';
    if (state.staleOnUse) {
      state.stale = true;
      return 'stale';
    }
    return null;
  };

  const server = await startHttpServer((req, res, body) => {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Unprotected: sends the client on to ?to= (a path on this server), to test answering after a redirect.
    if (target.pathname === '/redirect') {
      res.writeHead(302, { location: target.searchParams.get('to') ?? '/' }).end();
      return;
    }
    const authorization = req.headers.authorization ?? null;
    const attempt: DigestAttempt = { method: req.method ?? '', url: req.url ?? '', authorization, status: 0, reason: null };
    attempts.push(attempt);
    if (authorization === null) {
      if (config.hangUnauthorized) return;
      attempt.status = 401;
      challenge(res, false);
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('Authentication required');
      return;
    }
    if (config.hangAuthorized) return;
    const problem = verify(req, body, authorization);
    if (problem !== null) {
      attempt.status = 401;
      attempt.reason = problem;
      challenge(res, problem === 'stale');
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end(problem === 'stale' ? 'Nonce expired' : 'Wrong credentials');
      return;
    }
    attempt.status = 200;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ authenticated: true, method: req.method, url: req.url, bodyBase64: body.toString('base64') }));
  });
  return { ...server, config, attempts };
}
