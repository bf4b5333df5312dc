import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOAuthServer, trapUnhandledErrors, type TestOAuthServer } from '../../test-support';
import { browse, createAuthRig, oauth, settings, settle, type AuthRig } from './test-harness';

trapUnhandledErrors();

const SECRET = 'confidential-client-secret-value';

let rig: AuthRig;
let server: TestOAuthServer;

beforeAll(async () => {
  rig = await createAuthRig();
  server = await startOAuthServer({ clients: [{ id: 'desktop', secret: SECRET }, { id: 'public-app' }] });
});
afterAll(async () => {
  await rig.dispose();
  await server.close();
});
beforeEach(() => {
  server.tokenRequests.length = 0;
  server.config.authorizeMode = 'approve';
  server.config.tokenMode = 'ok';
  rig.secrets.values.clear();
  rig.secrets.writes.length = 0;
});

const auth = (overrides: Parameters<typeof oauth>[0] = {}) =>
  oauth({
    grant: 'authorization_code',
    authorizationUrl: `${server.authorizationUrl}?prompt=consent`,
    tokenUrl: server.tokenUrl,
    clientId: 'desktop',
    clientSecret: SECRET,
    scope: 'openid profile',
    ...overrides,
  });

/** Resolves once nothing accepts connections on the port any more. */
async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/callback`);
    return false;
  } catch {
    return true;
  }
}

describe('authorization code with PKCE', () => {
  it('signs in through the browser: loopback redirect, state checked, code and verifier traded for a token', async () => {
    const flow = await rig.auth.begin(auth(), settings);
    expect(flow.openedExternally).toBe(false);
    expect(flow.flowId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(flow.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const url = new URL(flow.authorizationUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      prompt: 'consent',
      response_type: 'code',
      client_id: 'desktop',
      redirect_uri: flow.redirectUri,
      scope: 'openid profile',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(22);

    const completing = rig.auth.complete(flow.flowId);
    const page = await browse(flow.authorizationUrl);
    expect(page.status).toBe(200);
    expect(page.url.startsWith(flow.redirectUri)).toBe(true);
    expect(page.text).toContain('You can close this tab');
    const info = await completing;

    expect(server.tokenRequests).toHaveLength(1);
    const request = server.tokenRequests[0];
    expect(request).toMatchObject({ grantType: 'authorization_code', clientAuth: 'basic', clientId: 'desktop' });
    expect(request?.form.redirect_uri).toBe(flow.redirectUri);
    expect(request?.form.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(info).toMatchObject({ tokenType: 'Bearer', scope: 'openid profile', hasRefreshToken: true });
    const stored = JSON.parse(rig.secrets.writes[0]?.value ?? '') as { accessToken: string };
    expect(server.isActiveAccessToken(stored.accessToken)).toBe(true);
    expect(rig.auth.status(auth())).toEqual(info);
    // The listener is gone and the flow with it.
    expect(await refused(Number(new URL(flow.redirectUri).port))).toBe(true);
    expect((await settle(rig.auth.complete(flow.flowId))).error?.code).toBe('OAUTH_FLOW_NOT_FOUND');
  });

  it('opens the system browser when it can, and works for a public client with a fixed redirect port', async () => {
    const port = await freePort();
    const opened: string[] = [];
    const desktop = await createAuthRig({
      openExternal: async (url) => {
        opened.push(url);
        // The "system browser": follows the redirects on its own, like a real one would.
        void browse(url);
        return true;
      },
    });
    try {
      const publicClient = auth({ clientId: 'public-app', clientSecret: '', redirectPort: port });
      const flow = await desktop.auth.begin(publicClient, settings);
      expect(flow.openedExternally).toBe(true);
      expect(opened).toEqual([flow.authorizationUrl]);
      expect(flow.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
      const info = await desktop.auth.complete(flow.flowId);
      expect(info.hasRefreshToken).toBe(true);
      expect(server.tokenRequests[0]).toMatchObject({ clientAuth: 'none', clientId: 'public-app' });
    } finally {
      await desktop.dispose();
    }
  });

  it('treats an openExternal that fails as not opened', async () => {
    const failing = await createAuthRig({ openExternal: () => Promise.reject(new Error('no browser')) });
    try {
      const flow = await failing.auth.begin(auth(), settings);
      expect(flow.openedExternally).toBe(false);
      expect(failing.auth.cancelFlow(flow.flowId)).toBe(true);
    } finally {
      await failing.dispose();
    }
  });

  it('ignores forged callbacks (wrong or missing state) with a 400 page and keeps waiting for the real one', async () => {
    const flow = await rig.auth.begin(auth(), settings);
    const completing = settle(rig.auth.complete(flow.flowId));
    // Any local page or process can reach the loopback port: a forged answer must not cancel the user's sign-in.
    server.config.authorizeMode = 'wrong_state';
    const forged = await browse(flow.authorizationUrl);
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('state did not match');
    const origin = new URL(flow.redirectUri).origin;
    const denied = await fetch(`${origin}/callback?error=access_denied&state=guess`);
    expect(denied.status).toBe(400);
    const stateless = await fetch(`${origin}/callback?error=access_denied`);
    expect(stateless.status).toBe(400);
    expect(await stateless.text()).toContain('no state');
    expect((await fetch(`${origin}/callback?code=forged`)).status).toBe(400);
    expect(server.tokenRequests).toHaveLength(0);
    server.config.authorizeMode = 'approve';
    const real = await browse(flow.authorizationUrl);
    expect(real.status).toBe(200);
    const { value, error } = await completing;
    expect(error).toBeUndefined();
    expect(value?.tokenType).toBe('Bearer');
    expect(server.tokenRequests).toHaveLength(1);
  });

  it('shows error=access_denied as the server sent it', async () => {
    server.config.authorizeMode = 'access_denied';
    const flow = await rig.auth.begin(auth(), settings);
    const completing = settle(rig.auth.complete(flow.flowId));
    const page = await browse(flow.authorizationUrl);
    expect(page.text).toContain('access_denied: The resource owner said no (test server)');
    const { error } = await completing;
    expect(error?.code).toBe('OAUTH_ERROR');
    expect(error?.message).toBe('The authorization server refused: access_denied: The resource owner said no (test server)');
  });

  it('trades the code even when complete() is called after the browser came back', async () => {
    const flow = await rig.auth.begin(auth(), settings);
    await browse(flow.authorizationUrl);
    const info = await rig.auth.complete(flow.flowId);
    expect(info.tokenType).toBe('Bearer');
  });

  it('ignores requests to other paths and without parameters while it waits', async () => {
    const flow = await rig.auth.begin(auth(), settings);
    const origin = new URL(flow.redirectUri).origin;
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${origin}/callback`)).status).toBe(400);
    const completing = rig.auth.complete(flow.flowId);
    await browse(flow.authorizationUrl);
    await expect(completing).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('gives up after the timeout with OAUTH_ERROR and closes the listener', async () => {
    const impatient = await createAuthRig({ flowTimeoutMs: 200 });
    try {
      const flow = await impatient.auth.begin(auth(), settings);
      const { error } = await settle(impatient.auth.complete(flow.flowId));
      expect(error?.code).toBe('OAUTH_ERROR');
      expect(error?.message).toContain('No answer came back from the browser');
      expect(error?.detail).toBe('timeout');
      expect(await refused(Number(new URL(flow.redirectUri).port))).toBe(true);
    } finally {
      await impatient.dispose();
    }
  });

  it('cancelFlow rejects the waiting complete() with CANCELLED and closes the listener', async () => {
    const flow = await rig.auth.begin(auth(), settings);
    const completing = settle(rig.auth.complete(flow.flowId));
    expect(rig.auth.cancelFlow(flow.flowId)).toBe(true);
    expect((await completing).error?.code).toBe('CANCELLED');
    expect(rig.auth.cancelFlow(flow.flowId)).toBe(false);
    expect(await refused(Number(new URL(flow.redirectUri).port))).toBe(true);
  });

  it('cancelFlow during the token request cancels that request', async () => {
    server.config.tokenMode = 'hang';
    const flow = await rig.auth.begin(auth(), settings);
    const completing = settle(rig.auth.complete(flow.flowId));
    await browse(flow.authorizationUrl);
    await waitFor(() => server.tokenRequests.length === 1);
    expect(rig.auth.cancelFlow(flow.flowId)).toBe(true);
    expect((await completing).error?.code).toBe('CANCELLED');
    expect(rig.secrets.writes).toHaveLength(0);
  });

  it('says which port is taken when the fixed redirect port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { error } = await settle(rig.auth.begin(auth({ redirectPort: port }), settings));
      expect(error?.code).toBe('AUTH_FAILED');
      expect(error?.message).toContain(`port ${port}`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses an authorization URL that is not http(s), and the client credentials grant', async () => {
    expect((await settle(rig.auth.begin(auth({ authorizationUrl: 'javascript:alert(1)' }), settings))).error?.code).toBe('AUTH_FAILED');
    expect((await settle(rig.auth.begin(auth({ authorizationUrl: '' }), settings))).error?.code).toBe('AUTH_FAILED');
    expect((await settle(rig.auth.begin(auth({ grant: 'client_credentials' }), settings))).error?.code).toBe('AUTH_FAILED');
  });

  it('needs an unlocked vault: before the browser opens, and again when the code comes back', async () => {
    rig.secrets.locked = true;
    try {
      expect((await settle(rig.auth.begin(auth(), settings))).error?.code).toBe('VAULT_LOCKED');
      rig.secrets.locked = false;
      const flow = await rig.auth.begin(auth(), settings);
      const completing = settle(rig.auth.complete(flow.flowId));
      rig.secrets.locked = true;
      await browse(flow.authorizationUrl);
      expect((await completing).error?.code).toBe('VAULT_LOCKED');
      expect(server.tokenRequests).toHaveLength(0);
    } finally {
      rig.secrets.locked = false;
    }
  });

  it('complete() of an unknown flow is OAUTH_FLOW_NOT_FOUND', async () => {
    expect((await settle(rig.auth.complete('no-such-flow'))).error?.code).toBe('OAUTH_FLOW_NOT_FOUND');
  });

  it('close() rejects sign-ins in progress and closes their listeners', async () => {
    const closing = await createAuthRig();
    const flow = await closing.auth.begin(auth(), settings);
    const completing = settle(closing.auth.complete(flow.flowId));
    await closing.dispose();
    expect((await completing).error?.code).toBe('CANCELLED');
    expect(await refused(Number(new URL(flow.redirectUri).port))).toBe(true);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
