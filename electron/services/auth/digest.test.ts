import { describe, expect, it } from 'vitest';
import { parseChallenges } from './challenge';
import { chooseDigestChallenge, digestAuthorization, type DigestChallenge } from './digest';

function chosen(header: string | string[]): DigestChallenge {
  const choice = chooseDigestChallenge(parseChallenges(Array.isArray(header) ? header : [header]));
  if (choice.kind !== 'chosen') throw new Error(`expected a usable challenge, got ${choice.kind}`);
  return choice.challenge;
}

function param(header: string, name: string): string | undefined {
  return new RegExp(`(?:^|[ ,])${name}=(?:"([^"]*)"|([^,\\s]*))`)
    .exec(header)
    ?.slice(1)
    .find((v) => v !== undefined);
}

describe('WWW-Authenticate parsing', () => {
  it('reads several challenges in one header, quoted strings with commas and escapes, and a token68', () => {
    const challenges = parseChallenges([
      'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple, really", Bearer abc.DEF-_~+/==, Digest nonce=xyz,qop="auth,auth-int"',
    ]);
    expect(challenges.map((c) => c.scheme)).toEqual(['Newauth', 'Basic', 'Bearer', 'Digest']);
    expect(Object.fromEntries(challenges[0]?.params ?? [])).toEqual({ realm: 'apps', type: '1', title: 'Login to "apps"' });
    expect(challenges[1]?.params.get('realm')).toBe('simple, really');
    expect(challenges[2]?.token68).toBe('abc.DEF-_~+/==');
    expect(challenges[3]?.params.get('qop')).toBe('auth,auth-int');
    expect(challenges[3]?.raw).toBe('Digest nonce=xyz,qop="auth,auth-int"');
  });

  it('survives garbage without looping or throwing', () => {
    for (const header of ['', ',,,', '"unterminated', 'Digest realm="x', '=== ,, Digest @@@, nonce=1', 'Digest realm=', '\u0000\u00ff']) {
      expect(() => parseChallenges([header])).not.toThrow();
    }
  });
});

describe('choosing a Digest challenge', () => {
  it('prefers the strongest algorithm offered, then the server’s order', () => {
    const challenge = chosen([
      'Digest realm="r", nonce="n1", algorithm=MD5, qop="auth"',
      'Digest realm="r", nonce="n2", algorithm=SHA-256-sess, qop="auth"',
      'Digest realm="r", nonce="n3", algorithm=SHA-256, qop="auth"',
    ]);
    expect(challenge.nonce).toBe('n2');
    expect(challenge.session).toBe(true);
  });

  it('takes auth over auth-int when both are offered, auth-int when it is the only one', () => {
    expect(chosen('Digest realm="r", nonce="n", qop="auth-int, auth"').qop).toBe('auth');
    expect(chosen('Digest realm="r", nonce="n", qop="auth-int"').qop).toBe('auth-int');
    expect(chosen('Digest realm="r", nonce="n"').qop).toBeNull();
  });

  it('reports what it cannot do, and that there was no Digest challenge at all', () => {
    const unsupported = chooseDigestChallenge(parseChallenges(['Digest realm="r", nonce="n", algorithm=SHA-1']));
    expect(unsupported).toMatchObject({ kind: 'unsupported', reasons: ['algorithm SHA-1'] });
    expect(chooseDigestChallenge(parseChallenges(['Basic realm="r"']))).toEqual({ kind: 'none' });
  });
});

describe('Authorization header (RFC test vectors)', () => {
  // RFC 7616 §3.9.1
  const rfc7616 = (algorithm: string): string =>
    `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`;
  const input = {
    username: 'Mufasa',
    password: 'Circle of Life',
    method: 'GET',
    uri: '/dir/index.html',
    body: null,
    cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    nc: 1,
  };

  it('MD5 matches RFC 7616 §3.9.1', () => {
    const header = digestAuthorization({ ...input, challenge: chosen(rfc7616('MD5')) });
    expect(param(header, 'response')).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('qop=auth,');
    expect(param(header, 'opaque')).toBe('FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS');
  });

  it('SHA-256 matches RFC 7616 §3.9.1', () => {
    const header = digestAuthorization({ ...input, challenge: chosen(rfc7616('SHA-256')) });
    expect(param(header, 'response')).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
    expect(param(header, 'algorithm')).toBe('SHA-256');
  });

  it('MD5 with qop=auth matches RFC 2617 §3.5', () => {
    const challenge = chosen(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    const header = digestAuthorization({ ...input, password: 'Circle Of Life', cnonce: '0a4f113b', challenge });
    expect(param(header, 'response')).toBe('6629fae49393a05397450978507c4ef1');
    expect(header).not.toContain('algorithm=');
  });

  it('userhash hashes the username with the realm (RFC 7616 §3.4.4) and sends non-ASCII names as username*', () => {
    const hashed = digestAuthorization({ ...input, challenge: chosen(`${rfc7616('SHA-256')}, userhash=true`) });
    expect(param(hashed, 'username')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).toContain('userhash=true');
    const utf8 = digestAuthorization({ ...input, username: 'Jäsøn Doe', challenge: chosen(rfc7616('SHA-256')) });
    expect(utf8).toContain("username*=UTF-8''J%C3%A4s%C3%B8n%20Doe");
  });
});
