import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOAuthServer, trapUnhandledErrors, type TestOAuthServer } from '../../test-support';
import { oauth2TokenKey } from './index';
import { createAuthRig, oauth, settings, settle, type AuthRig } from './test-harness';

trapUnhandledErrors();

// Characters that form-urlencoding changes, so a Basic header built without it (RFC 6749 §2.3.1) fails.
const SECRET = 'sëcret with spaces&symbols=+/:%';
const CLIENT_ID = 'cli:ent id';

let rig: AuthRig;
let server: TestOAuthServer;

beforeAll(async () => {
  rig = await createAuthRig();
  server = await startOAuthServer({ clients: [{ id: CLIENT_ID, secret: SECRET }] });
});
afterAll(async () => {
  await rig.dispose();
  await server.close();
});
beforeEach(() => {
  server.tokenRequests.length = 0;
  server.config.tokenMode = 'ok';
  server.config.expiresIn = 3600;
  rig.secrets.values.clear();
  rig.secrets.writes.length = 0;
  rig.secrets.locked = false;
});

const auth = (overrides: Parameters<typeof oauth>[0] = {}) =>
  oauth({ grant: 'client_credentials', tokenUrl: server.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET, scope: 'read write', ...overrides });

describe('client credentials', () => {
  for (const clientAuth of ['basic', 'body'] as const) {
    it(`gets a token with ${clientAuth} client authentication and keeps it only in the vault`, async () => {
      const settingsUsed = auth({ clientAuth, audience: 'https://api.example' });
      const info = await rig.auth.fetchToken(settingsUsed, settings);
      const request = server.tokenRequests[0];
      expect(request).toMatchObject({ grantType: 'client_credentials', clientAuth, clientId: CLIENT_ID });
      expect(request?.form.scope).toBe('read write');
      expect(request?.form.audience).toBe('https://api.example');
      expect(request?.headers.accept).toBe('application/json');
      expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      if (clientAuth === 'basic') expect(request?.form.client_secret).toBeUndefined();
      else expect(request?.headers.authorization).toBeUndefined();

      expect(rig.secrets.writes).toHaveLength(1);
      const write = rig.secrets.writes[0];
      expect(write?.id).toBe(oauth2TokenKey(settingsUsed));
      expect(write?.id).toMatch(/^oauth2:[0-9a-f]{64}$/);
      const stored = JSON.parse(write?.value ?? '') as Record<string, unknown>;
      expect(Object.keys(stored).sort()).toEqual(['accessToken', 'expiresAt', 'obtainedAt', 'refreshToken', 'scope', 'tokenType']);
      expect(server.isActiveAccessToken(stored.accessToken as string)).toBe(true);
      expect(stored.expiresAt).toBe((stored.obtainedAt as number) + 3600_000);

      const token = stored.accessToken as string;
      expect(info).toEqual({
        tokenType: 'Bearer',
        preview: `${token.slice(0, 4)}…${token.slice(-4)}`,
        scope: 'read write',
        obtainedAt: stored.obtainedAt,
        expiresAt: stored.expiresAt,
        hasRefreshToken: true,
      });
      expect(JSON.stringify(info)).not.toContain(token);
      expect(rig.auth.status(settingsUsed)).toEqual(info);
    });
  }

  it('gives the token to send, as stored', async () => {
    const settingsUsed = auth();
    await rig.auth.fetchToken(settingsUsed, settings);
    const token = await rig.auth.accessToken(settingsUsed, settings);
    expect(server.isActiveAccessToken(token.accessToken)).toBe(true);
    expect(token.tokenType).toBe('Bearer');
    expect(token.warnings).toEqual([]);
    expect(server.tokenRequests).toHaveLength(1);
  });

  it('reads a form-encoded token response (as GitHub sends)', async () => {
    server.config.tokenMode = 'form';
    const info = await rig.auth.fetchToken(auth(), settings);
    expect(info.tokenType).toBe('Bearer');
    expect(info.expiresAt).toBe(info.obtainedAt + 3600_000);
    expect(info.hasRefreshToken).toBe(true);
  });

  it('leaves expiresAt null when the server says nothing about expiry', async () => {
    server.config.expiresIn = null;
    expect((await rig.auth.fetchToken(auth(), settings)).expiresAt).toBeNull();
  });

  it('keeps tokens for different settings apart, and clear() deletes only its own', async () => {
    const a = auth({ scope: 'a' });
    const b = auth({ scope: 'b' });
    await rig.auth.fetchToken(a, settings);
    await rig.auth.fetchToken(b, settings);
    expect(oauth2TokenKey(a)).not.toBe(oauth2TokenKey(b));
    // The secret and the prefix are not part of the identity: changing them keeps the token.
    expect(oauth2TokenKey(a)).toBe(oauth2TokenKey(auth({ scope: 'a', clientSecret: 'other', headerPrefix: 'Token' })));
    const changes = rig.tokensChanged;
    expect(rig.auth.clear(a)).toBe(true);
    expect(rig.tokensChanged).toBe(changes + 1);
    expect(rig.auth.status(a)).toBeNull();
    expect(rig.auth.status(b)).not.toBeNull();
    expect(rig.auth.clear(a)).toBe(false);
  });

  it('fetches the first token itself when sending, and says what to do when automatic renewal is off', async () => {
    const before = server.tokenRequests.length;
    const first = await rig.auth.accessToken(auth(), settings);
    expect(server.isActiveAccessToken(first.accessToken)).toBe(true);
    expect(first.warnings.join(' ')).toContain('fetched an OAuth 2.0 token');
    expect(server.tokenRequests.length).toBe(before + 1);
    rig.auth.clear(auth());
    const { error } = await settle(rig.auth.accessToken(auth({ autoRefresh: false }), settings));
    expect(error?.code).toBe('AUTH_FAILED');
    expect(error?.message).toContain('Get a token first in the Auth tab');
  });

  it('fails with VAULT_LOCKED before asking the server when the vault is locked', async () => {
    rig.secrets.locked = true;
    const { error } = await settle(rig.auth.fetchToken(auth(), settings));
    expect(error?.code).toBe('VAULT_LOCKED');
    expect(server.tokenRequests).toHaveLength(0);
    expect(() => rig.auth.status(auth())).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
  });

  it('asks for the token URL and client ID when they are empty, and refuses the browser grant', async () => {
    expect((await settle(rig.auth.fetchToken(auth({ tokenUrl: ' ' }), settings))).error?.message).toBe('Enter the token URL in the Auth tab.');
    expect((await settle(rig.auth.fetchToken(auth({ clientId: '' }), settings))).error?.message).toBe('Enter the client ID in the Auth tab.');
    expect((await settle(rig.auth.fetchToken(auth({ grant: 'authorization_code' }), settings))).error?.code).toBe('AUTH_FAILED');
  });

  it('treats a stored value that is not a token as no token', () => {
    rig.secrets.values.set(oauth2TokenKey(auth()), '{"not":"a token"}');
    expect(rig.auth.status(auth())).toBeNull();
  });

  it('shows only dots for a short token', async () => {
    const info = await rig.auth.fetchToken(auth(), settings);
    expect(info.preview).toMatch(/^at_.…/);
    const key = oauth2TokenKey(auth());
    const stored = JSON.parse(rig.secrets.values.get(key) ?? '') as Record<string, unknown>;
    rig.secrets.values.set(key, JSON.stringify({ ...stored, accessToken: 'short-token' }));
    expect(rig.auth.status(auth())?.preview).toBe('••••');
  });
});
