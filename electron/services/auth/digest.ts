import { createHash } from 'node:crypto';
import { type AuthChallenge } from './challenge';

/**
 * HTTP Digest (RFC 7616, with the RFC 2617 and RFC 2069 forms servers still send): choosing a challenge and
 * computing the Authorization header. Pure: the caller supplies the cnonce.
 */

const HASHES = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' } as const;
type HashName = keyof typeof HASHES;

// Stronger first: RFC 7616 §3.7 asks clients to use the strongest algorithm they understand when offered several.
const STRENGTH: readonly HashName[] = ['SHA-512-256', 'SHA-256', 'MD5'];

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | null;
  /** the algorithm token as the server spelled it (echoed back), or null when it sent none (= MD5) */
  algorithmToken: string | null;
  hash: HashName;
  session: boolean;
  /** null: the server sent no qop (RFC 2069 form) */
  qop: 'auth' | 'auth-int' | null;
  userhash: boolean;
  stale: boolean;
  raw: string;
}

/** Why a Digest challenge cannot be answered, in words for the user; null when it can. */
function problemOf(challenge: AuthChallenge): string | null {
  const algorithm = challenge.params.get('algorithm');
  if (algorithm !== undefined && parseAlgorithm(algorithm) === null) return `algorithm ${algorithm}`;
  if (!challenge.params.has('nonce')) return 'a challenge without a nonce';
  const qop = challenge.params.get('qop');
  if (qop !== undefined && chooseQop(qop) === null) return `qop ${qop}`;
  return null;
}

function parseAlgorithm(token: string): { hash: HashName; session: boolean } | null {
  const upper = token.toUpperCase();
  const session = upper.endsWith('-SESS');
  const base = session ? upper.slice(0, -'-SESS'.length) : upper;
  return base in HASHES ? { hash: base as HashName, session } : null;
}

function chooseQop(offered: string): 'auth' | 'auth-int' | null {
  const options = offered.split(',').map((option) => option.trim().toLowerCase());
  // auth protects nothing less in practice and needs no body hash, so it wins when both are offered.
  if (options.includes('auth')) return 'auth';
  if (options.includes('auth-int')) return 'auth-int';
  return null;
}

type DigestChoice = { kind: 'none' } | { kind: 'unsupported'; reasons: string[]; raw: string } | { kind: 'chosen'; challenge: DigestChallenge };

export function chooseDigestChallenge(challenges: readonly AuthChallenge[]): DigestChoice {
  const digest = challenges.filter((challenge) => challenge.scheme.toLowerCase() === 'digest');
  if (digest.length === 0) return { kind: 'none' };
  const usable: DigestChallenge[] = [];
  const reasons: string[] = [];
  for (const challenge of digest) {
    const problem = problemOf(challenge);
    if (problem !== null) {
      reasons.push(problem);
      continue;
    }
    const params = challenge.params;
    const algorithmToken = params.get('algorithm') ?? null;
    const algorithm = parseAlgorithm(algorithmToken ?? 'MD5') as { hash: HashName; session: boolean };
    const qop = params.get('qop');
    usable.push({
      realm: params.get('realm') ?? '',
      nonce: params.get('nonce') as string,
      opaque: params.get('opaque') ?? null,
      algorithmToken,
      hash: algorithm.hash,
      session: algorithm.session,
      qop: qop === undefined ? null : chooseQop(qop),
      userhash: (params.get('userhash') ?? '').toLowerCase() === 'true',
      stale: (params.get('stale') ?? '').toLowerCase() === 'true',
      raw: challenge.raw,
    });
  }
  if (usable.length === 0) return { kind: 'unsupported', reasons, raw: digest.map((challenge) => challenge.raw).join('\n') };
  // Stable: among equals the server's order (its preference) stands.
  usable.sort((a, b) => STRENGTH.indexOf(a.hash) - STRENGTH.indexOf(b.hash));
  return { kind: 'chosen', challenge: usable[0] as DigestChallenge };
}

export function algorithmLabel(challenge: DigestChallenge): string {
  return challenge.algorithmToken ?? 'MD5';
}

interface DigestInput {
  challenge: DigestChallenge;
  username: string;
  password: string;
  method: string;
  /** the request-target as sent: path and query */
  uri: string;
  /** the exact body bytes, needed only for qop=auth-int */
  body: Buffer | null;
  cnonce: string;
  nc: number;
}

export function digestAuthorization(input: DigestInput): string {
  const { challenge } = input;
  const H = (data: string | Buffer): string => createHash(HASHES[challenge.hash]).update(data).digest('hex');
  const nc = input.nc.toString(16).padStart(8, '0');
  let ha1 = H(`${input.username}:${challenge.realm}:${input.password}`);
  if (challenge.session) ha1 = H(`${ha1}:${challenge.nonce}:${input.cnonce}`);
  const ha2 = challenge.qop === 'auth-int' ? H(`${input.method}:${input.uri}:${H(input.body ?? Buffer.alloc(0))}`) : H(`${input.method}:${input.uri}`);
  const response =
    challenge.qop === null ? H(`${ha1}:${challenge.nonce}:${ha2}`) : H(`${ha1}:${challenge.nonce}:${nc}:${input.cnonce}:${challenge.qop}:${ha2}`);

  const parts: string[] = [];
  if (challenge.userhash) {
    parts.push(`username="${H(`${input.username}:${challenge.realm}`)}"`);
  } else if (/^[\x20-\x7e]*$/.test(input.username)) {
    parts.push(`username=${quote(input.username)}`);
  } else {
    // A quoted-string carries only ISO-8859-1 reliably; RFC 7616 §3.4.4 uses the RFC 8187 extended form instead.
    parts.push(`username*=UTF-8''${encodeRfc8187(input.username)}`);
  }
  parts.push(`realm=${quote(challenge.realm)}`, `uri=${quote(input.uri)}`);
  if (challenge.algorithmToken !== null) parts.push(`algorithm=${challenge.algorithmToken}`);
  parts.push(`nonce=${quote(challenge.nonce)}`);
  if (challenge.qop !== null) parts.push(`nc=${nc}`);
  // -sess hashes the cnonce into HA1, so it must travel even in the RFC 2069 form that otherwise has none.
  if (challenge.qop !== null || challenge.session) parts.push(`cnonce=${quote(input.cnonce)}`);
  if (challenge.qop !== null) parts.push(`qop=${challenge.qop}`);
  parts.push(`response="${response}"`);
  if (challenge.opaque !== null) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
