import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closedPort, startHttpServer, startOAuthServer, trapUnhandledErrors, type TestOAuthServer } from '../../test-support';
import { createAuthRig, oauth, settings, settle, type AuthRig } from './test-harness';

trapUnhandledErrors();

const SECRET = 'top-secret client value';
const SECRET_FORMS = [SECRET, encodeURIComponent(SECRET), 'top-secret+client+value', Buffer.from(`app:${'top-secret+client+value'}`).toString('base64')];

let rig: AuthRig;
let server: TestOAuthServer;

beforeAll(async () => {
  rig = await createAuthRig();
  server = await startOAuthServer({ clients: [{ id: 'app', secret: SECRET }] });
});
afterAll(async () => {
  await rig.dispose();
  await server.close();
});
beforeEach(() => {
  server.config.tokenMode = 'ok';
  server.tokenRequests.length = 0;
  rig.secrets.writes.length = 0;
});

const auth = (overrides: Parameters<typeof oauth>[0] = {}) =>
  oauth({ grant: 'client_credentials', tokenUrl: server.tokenUrl, clientId: 'app', clientSecret: SECRET, ...overrides });

async function failure(mode: TestOAuthServer['config']['tokenMode'], clientAuth: 'basic' | 'body' = 'basic') {
  server.config.tokenMode = mode;
  const { error, value } = await settle(rig.auth.fetchToken(auth({ clientAuth }), settings));
  expect(value).toBeUndefined();
  const text = `${error?.message}\n${error?.detail}`;
  for (const form of SECRET_FORMS) expect(text).not.toContain(form);
  expect(rig.secrets.writes).toHaveLength(0);
  return error;
}

describe('token endpoint failures', () => {
  it('shows an RFC 6749 error object as the server sent it', async () => {
    const error = await failure('error');
    expect(error?.code).toBe('OAUTH_ERROR');
    expect(error?.message).toBe('The authorization server refused: invalid_scope: The requested scope "admin" is not allowed for this client');
    expect(error?.detail).toContain('"error_uri":"https://auth.example/docs/errors#invalid_scope"');
  });

  it('takes an error object with a 200 status as an error (GitHub does this)', async () => {
    const error = await failure('error-200');
    expect(error?.message).toBe('The authorization server refused: bad_verification_code: The code passed is incorrect or expired.');
  });

  it('reports garbage HTML as not a token response, with status and excerpt', async () => {
    const error = await failure('garbage');
    expect(error?.code).toBe('OAUTH_ERROR');
    expect(error?.message).toBe('The authorization server answered with something that is not a token response (HTTP 200 OK).');
    expect(error?.detail).toContain('HTTP 200 OK, text/html');
    expect(error?.detail).toContain('<h1>Welcome to nginx!</h1>');
  });

  it('reports a 500 with its text', async () => {
    const error = await failure('server-error');
    expect(error?.message).toBe('The authorization server answered with something that is not a token response (HTTP 500 Internal Server Error).');
    expect(error?.detail).toContain('the token database is on fire');
  });

  it('reports JSON without access_token as not a token response, hiding the refresh token it did contain', async () => {
    const error = await failure('no-access-token');
    expect(error?.message).toContain('not a token response');
    expect(error?.detail).toContain('"token_type":"Bearer"');
    expect(error?.detail).not.toContain('rt_half_a_response_secret');
  });

  for (const clientAuth of ['basic', 'body'] as const) {
    it(`never repeats the client secret a server echoes back (${clientAuth})`, async () => {
      const error = await failure('echo-secret', clientAuth);
      expect(error?.message).toBe('The authorization server refused: invalid_client: client app sent secret •••• which is wrong');
      expect(error?.detail).toContain('••••');
    });
  }

  it('never repeats a client secret echoed JSON-escaped, PHP- or .NET-escaped or HTML-escaped in the error body', async () => {
    const tricky = 'cl/ent+"secret"<value>';
    const php = JSON.stringify(tricky).slice(1, -1).replace(/\//g, '\\/');
    const dotnet = tricky.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    const html = tricky.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const echo = await startHttpServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        `{"error":"invalid_client","error_description":"bad","php":"${php}","dotnet":"${dotnet}","html":"${html}","double":${JSON.stringify(JSON.stringify(tricky))}}`,
      );
    });
    try {
      const { error } = await settle(rig.auth.fetchToken(auth({ tokenUrl: `${echo.origin}/token`, clientSecret: tricky, clientAuth: 'body' }), settings));
      expect(error?.code).toBe('OAUTH_ERROR');
      expect(error?.detail).toContain('"dotnet"');
      expect(`${error?.message}\n${error?.detail}`).not.toMatch(/secret|value/);
    } finally {
      await echo.close();
    }
  });

  it('cuts a huge error excerpt to 2 KB', async () => {
    const big = await startHttpServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_request', error_description: 'x'.repeat(5000) }));
    });
    try {
      const { error } = await settle(rig.auth.fetchToken(auth({ tokenUrl: `${big.origin}/token` }), settings));
      expect(error?.code).toBe('OAUTH_ERROR');
      expect(error?.detail?.length).toBeLessThanOrEqual(2049);
      expect(error?.message.length).toBeLessThan(1200);
    } finally {
      await big.close();
    }
  });

  it('does not follow a token endpoint redirect with the credentials', async () => {
    const elsewhere = await startHttpServer((_req, res) => res.writeHead(307, { location: `${server.tokenUrl}` }).end());
    try {
      const { error } = await settle(rig.auth.fetchToken(auth({ tokenUrl: `${elsewhere.origin}/token`, clientAuth: 'body' }), settings));
      expect(error?.code).toBe('OAUTH_ERROR');
      expect(error?.message).toContain('answered with a redirect (307');
      expect(server.tokenRequests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('passes network errors through as the engine typed them', async () => {
    const port = await closedPort();
    const { error } = await settle(rig.auth.fetchToken(auth({ tokenUrl: `http://127.0.0.1:${port}/token` }), settings));
    expect(error?.code).toBe('CONNECTION_REFUSED');
  });

  it('applies the request settings to token requests (a deadline here)', async () => {
    server.config.tokenMode = 'hang';
    const { error } = await settle(rig.auth.fetchToken(auth(), { ...settings, deadlineMs: 150 }));
    expect(error?.code).toBe('DEADLINE_EXCEEDED');
  });

  it('close() cancels a token request in flight', async () => {
    const closing = await createAuthRig();
    server.config.tokenMode = 'hang';
    const pending = settle(closing.auth.fetchToken(auth(), settings));
    const start = Date.now();
    while (server.tokenRequests.length === 0 && Date.now() - start < 5000) await new Promise((resolve) => setTimeout(resolve, 10));
    await closing.dispose();
    expect((await pending).error?.code).toBe('CANCELLED');
  });

  it('releases every token response body it read', async () => {
    server.config.tokenMode = 'ok';
    await rig.auth.fetchToken(auth(), settings);
    server.config.tokenMode = 'error';
    await settle(rig.auth.fetchToken(auth(), settings));
    for (const exchange of rig.exchanges) {
      await expect(rig.bodyStore.read(exchange.body.id, 0, 1)).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' });
    }
  });
});
