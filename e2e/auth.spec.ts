import type { Page } from '@playwright/test';
import { EnvironmentsPage } from './pages/environments-page';
import { RequestBuilderPage } from './pages/request-builder-page';
import { AUTH_FIXTURE, type AuthServer } from './servers/auth-server';
import { test, expect } from './servers/auth-test';

const PASSPHRASE = 'correct horse battery staple';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** OAuth tokens live in the vault: web mode's vault needs a passphrase before the first one is stored. */
async function openVault(page: Page): Promise<void> {
  await new EnvironmentsPage(page).setPassphrase(PASSPHRASE);
}

async function fillOAuth(
  builder: RequestBuilderPage,
  server: AuthServer,
  options: { tokenPath?: string; grant?: 'Client credentials' | 'Authorization code (PKCE)'; scope?: string } = {},
) {
  await builder.chooseAuth('OAuth 2.0');
  if (options.grant) await builder.request.getByRole('combobox', { name: 'Grant type' }).selectOption({ label: options.grant });
  if (options.grant === 'Authorization code (PKCE)') await builder.authField('Authorization URL').fill(`${server.url}/oauth/authorize`);
  await builder.authField('Token URL').fill(`${server.url}${options.tokenPath ?? '/oauth/token'}`);
  await builder.authField('Client ID').fill(AUTH_FIXTURE.client.id);
  await builder.authField('Client secret').fill(AUTH_FIXTURE.client.secret);
  if (options.scope) await builder.authField('Scope').fill(options.scope);
}

test.describe('authentication helpers', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('Basic, Bearer and API key (header and query) reach the server as each scheme says', async ({ page, authServer }) => {
    const builder = new RequestBuilderPage(page);
    const lastRecorded = () => authServer.recorded().at(-1);
    await builder.url.fill(`${authServer.url}/api/record/auth`);

    // Basic, the password from a variable; the password field is masked until asked
    await builder.addVariable('pw', 's3cret pw');
    await builder.chooseAuth('Basic');
    await expect(builder.tab('Auth')).toContainText('Basic');
    await builder.authField('Username').fill('ann');
    const password = builder.authField('Password');
    const show = builder.request.getByRole('button', { name: 'Show password' });
    await password.fill('typed-in');
    await expect(password).toHaveAttribute('type', 'password');
    await expect(builder.request.getByRole('status').filter({ hasText: 'Keep credentials in secret variables' })).toBeVisible();
    await show.click();
    await expect(show).toHaveAttribute('aria-pressed', 'true');
    await expect(password).toHaveAttribute('type', 'text');
    await show.click();
    await expect(password).toHaveAttribute('type', 'password');
    // only a reference: nothing of its own to hide, so it is shown, highlighted
    await password.fill('{{pw}}');
    await expect(password).toHaveAttribute('type', 'text');
    await expect(show).toBeDisabled();
    await builder.hoverReference(password, 'pw');
    await expect(builder.tooltip()).toHaveText('pw = s3cret pw · from Request');
    await builder.send();
    await builder.expectStatus('200 OK');
    expect(lastRecorded()?.headers.authorization).toBe(basic('ann', 's3cret pw'));

    // Bearer with its prefix
    await builder.chooseAuth('Bearer token');
    await builder.authField('Token').fill('tok-123');
    await builder.send();
    await expect.poll(() => lastRecorded()?.headers.authorization).toBe('Bearer tok-123');
    await builder.authField('Prefix').fill('Token');
    await builder.send();
    await expect.poll(() => lastRecorded()?.headers.authorization).toBe('Token tok-123');

    // API key in a header…
    await builder.chooseAuth('API key');
    await builder.addVariable('key', 'k-42');
    await builder.openTab('Auth');
    await builder.authField('Key name').fill('X-Api-Key');
    await builder.authField('Key value').fill('{{key}}');
    await builder.send();
    await expect.poll(() => lastRecorded()?.headers['x-api-key']).toBe('k-42');
    expect(lastRecorded()?.headers.authorization).toBeUndefined();

    // …and in the query
    await builder.request.getByRole('radio', { name: 'Query params' }).check();
    await builder.authField('Key name').fill('api_key');
    const before = authServer.recorded().length;
    await builder.send();
    await expect.poll(() => authServer.recorded().length).toBeGreaterThan(before);
    expect(lastRecorded()?.path).toBe('/api/record/auth?api_key=k-42');
    expect(lastRecorded()?.headers['x-api-key']).toBeUndefined();

    // switching back finds Basic as it was left
    await builder.chooseAuth('Basic');
    await expect(builder.authField('Username')).toHaveValue('ann');
  });

  test('Digest answers the server’s challenge', async ({ page, authServer }) => {
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${authServer.url}/digest`);
    await builder.chooseAuth('Digest');
    await builder.authField('Username').fill(AUTH_FIXTURE.digest.username);
    await builder.authField('Password').fill('wrong');
    await builder.send();
    await builder.expectStatus(/^401/);

    await builder.authField('Password').fill(AUTH_FIXTURE.digest.password);
    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('"authenticated"');
    await expect(builder.response).toContainText('Digest');
  });

  test('OAuth 2.0 client credentials: the token is shown with its expiry, used on send, fetched again and cleared', async ({ page, authServer }) => {
    const builder = new RequestBuilderPage(page);
    await openVault(page);
    await builder.url.fill(`${authServer.url}/api/me`);
    await fillOAuth(builder, authServer, { scope: 'read write' });
    const box = builder.request.getByRole('region', { name: 'Token' });
    await expect(box).toContainText('No token yet');

    await box.getByRole('button', { name: 'Get token' }).click();
    await expect(box).toContainText(/at-[A-Za-z0-9_-]*…/);
    await expect(box).toContainText('Bearer');
    await expect(box).toContainText('read write');
    await expect(box).toContainText(/expires in [45] min/);
    await expect(box.getByRole('definition').filter({ hasText: 'none' })).toBeVisible();
    const [first] = authServer.tokenRequests();
    expect(first?.fields).toMatchObject({ grant_type: 'client_credentials', scope: 'read write' });
    expect(first?.authorization).toBe(basic(AUTH_FIXTURE.client.id, AUTH_FIXTURE.client.secret));

    await builder.send();
    await builder.expectStatus('200 OK');
    await expect(builder.response).toContainText('"authenticated"');

    // the credentials in the body instead of a Basic header
    await builder.request.getByRole('combobox', { name: 'Client authentication' }).selectOption({ label: 'In body' });
    await box.getByRole('button', { name: 'Get token' }).click();
    await expect.poll(() => authServer.tokenRequests().length).toBe(2);
    expect(authServer.tokenRequests()[1]?.fields).toMatchObject({ client_id: AUTH_FIXTURE.client.id, client_secret: AUTH_FIXTURE.client.secret });
    expect(authServer.tokenRequests()[1]?.authorization).toBeUndefined();

    await expect(box.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    await box.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => authServer.tokenRequests().length).toBe(3);
    await expect(box.getByRole('alert')).toHaveCount(0);

    await box.getByRole('button', { name: 'Clear' }).click();
    await expect(box).toContainText('No token yet');
    await expect(box.getByRole('button', { name: 'Refresh' })).toBeDisabled();
  });

  test('OAuth 2.0 authorization code with PKCE: the sign-in page opens in a tab and comes back to Courier', async ({ page, authServer }) => {
    const builder = new RequestBuilderPage(page);
    await openVault(page);
    await builder.url.fill(`${authServer.url}/api/me`);
    await fillOAuth(builder, authServer, { grant: 'Authorization code (PKCE)', scope: 'profile' });
    await expect(builder.request.getByText('http://127.0.0.1:<any port>/callback')).toBeVisible();
    const box = builder.request.getByRole('region', { name: 'Token' });

    const signIn = page.context().waitForEvent('page');
    await box.getByRole('button', { name: 'Get token' }).click();
    const tab = await signIn;
    // the authorization endpoint sends the browser straight back to Courier's loopback listener
    await tab.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await expect(box).toContainText('yes, stored in the vault');
    await expect(box).toContainText('profile');
    await expect(box).toContainText(/expires in [45] min/);
    await tab.close();

    const [authorize] = authServer.authorizeRequests();
    expect(authorize?.get('response_type')).toBe('code');
    expect(authorize?.get('code_challenge_method')).toBe('S256');
    expect(authorize?.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(authServer.tokenRequests()[0]?.fields).toMatchObject({ grant_type: 'authorization_code' });
    expect(authServer.tokenRequests()[0]?.fields.code_verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);

    await builder.send();
    await builder.expectStatus('200 OK');

    // the refresh token renews it
    await box.getByRole('button', { name: 'Refresh' }).click();
    await expect(box).toContainText('refreshed');
    expect(authServer.tokenRequests().at(-1)?.fields.grant_type).toBe('refresh_token');
  });

  test('OAuth 2.0 sign-in that never comes back: waiting, with the link to open, and Cancel', async ({ page, authServer }) => {
    const builder = new RequestBuilderPage(page);
    await openVault(page);
    await builder.url.fill(`${authServer.url}/api/me`);
    await fillOAuth(builder, authServer, { grant: 'Authorization code (PKCE)' });
    // an authorization page that just sits there
    await builder.authField('Authorization URL').fill(`${authServer.url}/oauth/stall`);
    const box = builder.request.getByRole('region', { name: 'Token' });

    const signIn = page.context().waitForEvent('page');
    await box.getByRole('button', { name: 'Get token' }).click();
    const tab = await signIn;
    await expect(box.getByText('Waiting for the browser…')).toBeVisible();
    await expect(box.getByRole('link', { name: 'Open the sign-in page' })).toHaveAttribute('href', new RegExp(`^${authServer.url}/oauth/stall\\?`));
    await expect(box.getByRole('button', { name: 'Get token' })).toBeDisabled();
    await tab.close();

    await box.getByRole('button', { name: 'Cancel' }).click();
    await expect(box.getByText('Waiting for the browser…')).toHaveCount(0);
    await expect(box.getByRole('alert')).toHaveCount(0);
    await expect(box.getByRole('button', { name: 'Get token' })).toBeEnabled();
  });

  test('an OAuth server’s error, or garbage, is shown as the server sent it', async ({ page, authServer }) => {
    const builder = new RequestBuilderPage(page);
    await openVault(page);
    await builder.url.fill(`${authServer.url}/api/me`);
    await fillOAuth(builder, authServer, { tokenPath: '/oauth/error-token' });
    const box = builder.request.getByRole('region', { name: 'Token' });

    await box.getByRole('button', { name: 'Get token' }).click();
    const error = box.getByRole('alert');
    await expect(error).toContainText('The authorization server refused: invalid_client: Client authentication failed (unknown client e2e)');
    await expect(error).toContainText('"error_description":"Client authentication failed (unknown client e2e)"');
    await expect(error).not.toContainText(AUTH_FIXTURE.client.secret);

    await builder.authField('Token URL').fill(`${authServer.url}/oauth/garbage-token`);
    // the old error was about other settings
    await expect(error).toHaveCount(0);
    await box.getByRole('button', { name: 'Get token' }).click();
    await expect(error).toContainText('not a token response (HTTP 502');
    await expect(error).toContainText('<h1>502 Bad Gateway</h1><p>upstream exploded</p>');
    await expect(box).toContainText('No token yet');
  });
});
