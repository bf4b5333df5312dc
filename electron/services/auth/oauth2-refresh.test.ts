import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOAuthServer, trapUnhandledErrors, type TestOAuthServer } from '../../test-support';
import { oauth2TokenKey, type StoredToken } from './index';
import { browse, createAuthRig, oauth, settings, settle, type AuthRig } from './test-harness';

trapUnhandledErrors();

const SECRET = 'refresh-suite-client-secret';

let rig: AuthRig;
let server: TestOAuthServer;
// The service's clock: tests move it forward instead of waiting.
let clock = Date.UTC(2030, 0, 1);

beforeAll(async () => {
  rig = await createAuthRig({ now: () => clock });
  server = await startOAuthServer({ clients: [{ id: 'app', secret: SECRET }] });
});
afterAll(async () => {
  await rig.dispose();
  await server.close();
});
beforeEach(() => {
  Object.assign(server.config, { tokenMode: 'ok', expiresIn: 3600, refreshTokens: 'rotate', issueRefreshTokens: true, authorizeMode: 'approve' });
  server.tokenRequests.length = 0;
  rig.secrets.values.clear();
  rig.secrets.writes.length = 0;
});

const codeAuth = (overrides: Parameters<typeof oauth>[0] = {}) =>
  oauth({
    grant: 'authorization_code',
    authorizationUrl: server.authorizationUrl,
    tokenUrl: server.tokenUrl,
    clientId: 'app',
    clientSecret: SECRET,
    ...overrides,
  });
const ccAuth = (overrides: Parameters<typeof oauth>[0] = {}) =>
  oauth({ grant: 'client_credentials', tokenUrl: server.tokenUrl, clientId: 'app', clientSecret: SECRET, clientAuth: 'body', ...overrides });

async function signIn(auth = codeAuth()): Promise<StoredToken> {
  const flow = await rig.auth.begin(auth, settings);
  const completing = rig.auth.complete(flow.flowId);
  await browse(flow.authorizationUrl);
  await completing;
  return stored(auth);
}

function stored(auth = codeAuth()): StoredToken {
  return JSON.parse(rig.secrets.values.get(oauth2TokenKey(auth)) ?? 'null') as StoredToken;
}

describe('refresh tokens', () => {
  it('refreshes on request, rotating the refresh token', async () => {
    const first = await signIn();
    const info = await rig.auth.refresh(codeAuth(), settings);
    const second = stored();
    const request = server.tokenRequests.at(-1);
    expect(request?.grantType).toBe('refresh_token');
    expect(request?.form.refresh_token).toBe(first.refreshToken);
    expect(request?.form.scope).toBeUndefined();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(server.isActiveAccessToken(second.accessToken)).toBe(true);
    expect(info.hasRefreshToken).toBe(true);
    // The old refresh token was revoked by rotation: only the new one works now.
    await rig.auth.refresh(codeAuth(), settings);
    expect(server.tokenRequests.at(-1)?.form.refresh_token).toBe(second.refreshToken);
  });

  it('keeps the old refresh token when the refresh answer carries none', async () => {
    const first = await signIn();
    server.config.refreshTokens = 'keep';
    await rig.auth.refresh(codeAuth(), settings);
    await rig.auth.refresh(codeAuth(), settings);
    const after = stored();
    expect(after.refreshToken).toBe(first.refreshToken);
    expect(after.accessToken).not.toBe(first.accessToken);
  });

  it('refreshes inside accessToken when the token expires within 60 s', async () => {
    server.config.expiresIn = 3600;
    const first = await signIn();
    clock += 3600_000 - 59_000;
    const token = await rig.auth.accessToken(codeAuth(), settings);
    expect(token.accessToken).not.toBe(first.accessToken);
    expect(server.isActiveAccessToken(token.accessToken)).toBe(true);
    expect(token.warnings).toEqual(['The OAuth 2.0 token was about to expire (in 59 s), so Courier refreshed it before sending.']);
    expect(token.info.expiresAt).toBe(clock + 3600_000);
    // Fresh again: no request this time.
    const count = server.tokenRequests.length;
    expect((await rig.auth.accessToken(codeAuth(), settings)).accessToken).toBe(token.accessToken);
    expect(server.tokenRequests).toHaveLength(count);
  });

  it('refreshes a token the server gave only 30 s of life, without moving the clock', async () => {
    server.config.expiresIn = 30;
    const first = await signIn();
    const token = await rig.auth.accessToken(codeAuth(), settings);
    expect(token.accessToken).not.toBe(first.accessToken);
    expect(server.tokenRequests.map((r) => r.grantType)).toEqual(['authorization_code', 'refresh_token']);
  });

  it('refreshes once for requests sent together (a rotated refresh token works only once)', async () => {
    await signIn();
    clock += 3600_000;
    const tokens = await Promise.all([1, 2, 3].map(() => rig.auth.accessToken(codeAuth(), settings)));
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect(server.tokenRequests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
  });

  it('fetches a new client credentials token when it expires and there is no refresh token', async () => {
    server.config.issueRefreshTokens = false;
    const info = await rig.auth.fetchToken(ccAuth(), settings);
    expect(info.hasRefreshToken).toBe(false);
    clock += 3600_000 + 1;
    const token = await rig.auth.accessToken(ccAuth(), settings);
    expect(token.warnings).toEqual(['The OAuth 2.0 token had expired, so Courier fetched a new one before sending.']);
    expect(server.tokenRequests.map((r) => r.grantType)).toEqual(['client_credentials', 'client_credentials']);
    // refresh() on demand does the same
    await rig.auth.refresh(ccAuth(), settings);
    expect(server.tokenRequests).toHaveLength(3);
  });

  it('falls back to client credentials when the server refuses the refresh token', async () => {
    await rig.auth.fetchToken(ccAuth(), settings);
    server.revokeRefreshTokens();
    const info = await rig.auth.refresh(ccAuth(), settings);
    expect(server.tokenRequests.map((r) => r.grantType)).toEqual(['client_credentials', 'refresh_token', 'client_credentials']);
    expect(info.hasRefreshToken).toBe(true);
  });

  it('shows a refused refresh token for the code grant as the server sent it', async () => {
    await signIn();
    server.revokeRefreshTokens();
    const { error } = await settle(rig.auth.refresh(codeAuth(), settings));
    expect(error?.code).toBe('OAUTH_ERROR');
    expect(error?.message).toBe('The authorization server refused: invalid_grant: The refresh token is invalid or was revoked');
  });

  it('with automatic refresh off: warns while the token lasts, then says what to do', async () => {
    const auth = codeAuth({ autoRefresh: false });
    await signIn(auth);
    clock += 3600_000 - 30_000;
    const soon = await rig.auth.accessToken(auth, settings);
    expect(soon.warnings).toEqual(['The OAuth 2.0 token expires in 30 s (automatic refresh is off).']);
    clock += 30_000;
    const { error } = await settle(rig.auth.accessToken(auth, settings));
    expect(error?.code).toBe('AUTH_FAILED');
    expect(error?.message).toMatch(/^The OAuth 2\.0 token expired at .*Refresh it in the Auth tab, or turn on automatic refresh\.$/);
    expect(server.tokenRequests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(0);
  });

  it('an expired code-grant token without a refresh token asks the user to sign in again', async () => {
    server.config.issueRefreshTokens = false;
    await signIn();
    clock += 3600_000;
    const { error } = await settle(rig.auth.accessToken(codeAuth(), settings));
    expect(error?.code).toBe('AUTH_FAILED');
    expect(error?.message).toContain('Sign in again');
    expect((await settle(rig.auth.refresh(codeAuth(), settings))).error?.code).toBe('AUTH_FAILED');
  });

  it('refresh() without a token says to get one first', async () => {
    const { error } = await settle(rig.auth.refresh(codeAuth(), settings));
    expect(error?.code).toBe('AUTH_FAILED');
    expect(error?.message).toContain('Sign in first');
  });
});
