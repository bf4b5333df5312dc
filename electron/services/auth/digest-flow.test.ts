import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HttpRequestSpecInput } from '../../../shared/contract';
import { echoHandler, startDigestServer, startHttpServer, trapUnhandledErrors, type DigestServerConfig, type TestDigestServer } from '../../test-support';
import { createAuthRig, nextId, settle, spec, type AuthRig } from './test-harness';

trapUnhandledErrors();

let rig: AuthRig;
let server: TestDigestServer;
const defaults: DigestServerConfig = {
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
};

beforeAll(async () => {
  rig = await createAuthRig();
  server = await startDigestServer();
});
afterAll(async () => {
  await rig.dispose();
  await server.close();
});
beforeEach(() => {
  Object.assign(server.config, defaults);
  server.attempts.length = 0;
});

const digestSpec = (path = '/dir/index.html?x=1', password = 'Circle of Life', extra: Partial<HttpRequestSpecInput> = {}) =>
  spec({ method: 'GET', url: `${server.origin}${path}`, auth: { kind: 'digest', username: 'Mufasa', password }, ...extra });

async function bodyText(bodyId: string): Promise<string> {
  const { bytes, total } = await rig.bodyStore.read(bodyId, 0, 1 << 20);
  expect(bytes.length).toBe(total);
  return bytes.toString('utf8');
}

describe('Digest against a challenging server', () => {
  const cases: [string, string | null, string | null][] = [
    ['MD5', 'MD5', 'auth'],
    ['MD5-sess', 'MD5-sess', 'auth'],
    ['SHA-256', 'SHA-256', 'auth'],
    ['SHA-256-sess', 'SHA-256-sess', 'auth'],
    ['MD5, no algorithm parameter, RFC 2069 (no qop)', null, null],
    ['SHA-256 with auth-int as the only qop', 'SHA-256', 'auth-int'],
  ];
  for (const [name, algorithm, qop] of cases) {
    it(`answers ${name}`, async () => {
      server.config.offers = [{ algorithm, qop }];
      const { exchange, warnings } = await rig.auth.sendWithDigest(nextId(), digestSpec());
      expect(server.attempts.map((a) => [a.status, a.reason])).toEqual([
        [401, null],
        [200, null],
      ]);
      expect(exchange.response.status).toBe(200);
      expect(warnings).toEqual([`Answered the server’s Digest challenge (algorithm ${algorithm ?? 'MD5'}); the timings are of the second request.`]);
      expect(exchange.request.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1]).toMatch(/^Digest /);
    });
  }

  it('hashes the exact body for auth-int, multipart included', async () => {
    server.config.offers = [{ algorithm: 'MD5', qop: 'auth-int' }];
    const request = digestSpec('/upload', 'Circle of Life', {
      method: 'POST',
      body: { kind: 'multipart', parts: [{ kind: 'text', name: 'field', value: 'value' }] },
    });
    const { exchange } = await rig.auth.sendWithDigest(nextId(), request);
    expect(exchange.response.status).toBe(200);
    const echoed = JSON.parse(await bodyText(exchange.body.id)) as { bodyBase64: string };
    expect(Buffer.from(echoed.bodyBase64, 'base64').toString()).toContain('name="field"');
    expect(exchange.request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('picks SHA-256 from several challenges in one header, echoes opaque, sends userhash', async () => {
    Object.assign(server.config, {
      offers: [
        { algorithm: 'MD5', qop: 'auth' },
        { algorithm: 'SHA-256', qop: 'auth' },
      ],
      oneHeader: true,
      userhash: true,
    });
    const { exchange, warnings } = await rig.auth.sendWithDigest(nextId(), digestSpec());
    expect(exchange.response.status).toBe(200);
    expect(warnings[0]).toContain('algorithm SHA-256');
    expect(server.attempts[1]?.authorization).toContain('userhash=true');
    expect(server.attempts[1]?.authorization).not.toContain('Mufasa');
  });

  it('answers once more when the server says the nonce was stale', async () => {
    server.config.staleNextNonce = true;
    const { exchange, warnings } = await rig.auth.sendWithDigest(nextId(), digestSpec());
    expect(server.attempts.map((a) => [a.status, a.reason])).toEqual([
      [401, null],
      [401, 'stale'],
      [200, null],
    ]);
    expect(exchange.response.status).toBe(200);
    expect(warnings.join(' ')).toContain('stale');
    expect(warnings[0]).toContain('the timings are of the third request');
  });

  it('returns the final 401 with a warning when the password is wrong, and releases the first body', async () => {
    const { exchange, warnings } = await rig.auth.sendWithDigest(nextId(), digestSpec('/dir/index.html', 'wrong'));
    const first = rig.exchanges.at(-2);
    await expect(rig.bodyStore.read(first?.body.id ?? '', 0, 1)).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' });
    expect(exchange.response.status).toBe(401);
    expect(server.attempts).toHaveLength(2);
    expect(server.attempts[1]?.reason).toContain('response does not match');
    expect(warnings).toEqual(['The server refused the Digest credentials (401 after Courier answered its challenge). Check the username and password.']);
    expect(await bodyText(exchange.body.id)).toBe('Wrong credentials');
  });

  it('returns a 401 without a Digest challenge as it is, with a warning', async () => {
    server.config.basicOnly = true;
    const { exchange, warnings } = await rig.auth.sendWithDigest(nextId(), digestSpec());
    expect(exchange.response.status).toBe(401);
    expect(server.attempts).toHaveLength(1);
    expect(warnings).toEqual(['The server answered 401 asking for Basic, not Digest, so the Digest credentials were not sent.']);
  });

  it('refuses an unsupported algorithm with AUTH_FAILED and the challenge in detail', async () => {
    server.config.offers = [{ algorithm: 'SHA-1', qop: 'auth' }];
    const { error } = await settle(rig.auth.sendWithDigest(nextId(), digestSpec()));
    expect(error?.code).toBe('AUTH_FAILED');
    expect(error?.message).toContain('algorithm SHA-1');
    expect(error?.detail).toMatch(/^Digest realm="http-auth@example.org".*algorithm=SHA-1/);
    expect(server.attempts).toHaveLength(1);
  });

  it('replaces an Authorization header the user typed when it answers', async () => {
    const typed = digestSpec('/', 'Circle of Life', { headers: [{ name: 'authorization', value: 'Basic eDp5' }] });
    const { exchange } = await rig.auth.sendWithDigest(nextId(), typed);
    expect(exchange.response.status).toBe(200);
    expect(server.attempts.map((a) => a.authorization?.split(' ')[0])).toEqual(['Basic', 'Digest']);
    expect(exchange.request.headers.filter(([n]) => n.toLowerCase() === 'authorization')).toHaveLength(1);
  });

  it('follows redirects first and answers the challenge where they ended, keeping the query', async () => {
    const to = encodeURIComponent('/dir/index.html?after=redirect');
    const { exchange } = await rig.auth.sendWithDigest(nextId(), digestSpec(`/redirect?to=${to}`));
    expect(exchange.response.status).toBe(200);
    // (the redirect itself is not an attempt at the protected resource)
    expect(server.attempts.map((a) => [a.url, a.status])).toEqual([
      ['/dir/index.html?after=redirect', 401],
      ['/dir/index.html?after=redirect', 200],
    ]);
  });

  it('does not answer a challenge from another origin reached by a redirect', async () => {
    const redirector = await startHttpServer((_req, res) => res.writeHead(302, { location: `${server.origin}/dir/index.html` }).end());
    try {
      const { exchange, warnings } = await rig.auth.sendWithDigest(nextId(), digestSpec('', 'Circle of Life', { url: `${redirector.origin}/start` }));
      expect(exchange.response.status).toBe(401);
      expect(server.attempts).toHaveLength(1);
      expect(warnings).toEqual([
        `The 401 came from ${server.origin} after a redirect to another origin, so Courier did not send the Digest credentials there.`,
      ]);
    } finally {
      await redirector.close();
    }
  });

  it('returns an answer that is not a 401 untouched, without warnings', async () => {
    const plain = await startHttpServer(echoHandler);
    try {
      const { exchange, warnings } = await rig.auth.sendWithDigest(nextId(), digestSpec('', 'x', { url: `${plain.origin}/` }));
      expect(exchange.response.status).toBe(200);
      expect(warnings).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('cancelling a Digest exchange', () => {
  it('cancels the first request', async () => {
    server.config.hangUnauthorized = true;
    const id = nextId();
    const pending = settle(rig.auth.sendWithDigest(id, digestSpec()));
    await waitFor(() => server.attempts.length === 1);
    expect(rig.auth.cancel(id)).toBe(true);
    expect((await pending).error?.code).toBe('CANCELLED');
  });

  it('cancels the second request, which has an id of its own', async () => {
    server.config.hangAuthorized = true;
    const id = nextId();
    const pending = settle(rig.auth.sendWithDigest(id, digestSpec()));
    await waitFor(() => server.attempts.length === 2);
    expect(rig.auth.cancel(id)).toBe(true);
    expect((await pending).error?.code).toBe('CANCELLED');
    expect(rig.auth.cancel(id)).toBe(false);
  });

  it('cancel of an unknown id is false', () => {
    expect(rig.auth.cancel('nothing')).toBe(false);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
