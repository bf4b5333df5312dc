import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvironmentsPage } from './pages/environments-page';
import { GraphqlPage } from './pages/graphql-page';
import { WebSocketPage } from './pages/websocket-page';
import { startGraphqlServer } from './servers/graphql-server';
import { startWsFixtureServer } from './servers/streaming-servers';
import { RequestBuilderPage } from './pages/request-builder-page';
import { startCourierWeb } from './support/courier-web';
import { test, expect } from './fixtures';

test('an allowed process variable is listed in the Environments dialog and can be taken back', async ({ page, fixtureServer }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-env-revoke-'));
  const courier = await startCourierWeb({ dataDir, env: { COURIER_E2E_REVOKE_ME: 'from-the-shell' } });
  try {
    await page.goto(courier.url);
    const builder = new RequestBuilderPage(page);
    await builder.url.fill(`${fixtureServer.url}/echo`);
    await builder.addHeader('X-Env', '{{$env.COURIER_E2E_REVOKE_ME}}');
    await builder.send();
    const prompt = page.getByRole('alertdialog', { name: 'Allow environment variable' });
    await prompt.getByRole('button', { name: 'Allow and send' }).click();
    await builder.expectStatus('200 OK');

    const environments = new EnvironmentsPage(page);
    await environments.openEditor();
    await expect(environments.allowedEnv.getByRole('listitem')).toHaveText([/COURIER_E2E_REVOKE_ME/]);
    await environments.removeAllowedEnv('COURIER_E2E_REVOKE_ME');
    await expect(environments.allowedEnv).toContainText('None.');
    await environments.closeEditor();

    // taken back: the next send asks again rather than reading the variable
    await builder.send();
    await expect(prompt).toContainText('COURIER_E2E_REVOKE_ME');
  } finally {
    await courier.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a WebSocket connection and GraphQL introspection and subscription refused for {{$env}} offer Allow, then go ahead', async ({ page }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-e2e-env-realtime-'));
  const wsServer = await startWsFixtureServer();
  const graphqlServer = await startGraphqlServer();
  const courier = await startCourierWeb({ dataDir, env: { COURIER_E2E_WS_KEY: 'ws-from-shell', COURIER_E2E_GQL_KEY: 'gql-from-shell' } });
  try {
    await page.goto(courier.url);
    const ws = new WebSocketPage(page);
    await ws.open();
    await ws.setHeader(1, 'X-Key', '{{$env.COURIER_E2E_WS_KEY}}');
    await ws.connect(`${wsServer.origin}/headers`);
    const wsPrompt = ws.session.getByRole('alertdialog', { name: 'Allow environment variable' });
    await expect(wsPrompt).toContainText('COURIER_E2E_WS_KEY');
    await wsPrompt.getByRole('button', { name: 'Allow and connect' }).click();
    await expect(ws.status()).toContainText('Open');
    await expect(ws.messages().getByRole('option').first()).toContainText('"x-key":"ws-from-shell"');
    await expect(wsPrompt).toHaveCount(0);
    await ws.session.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('radiogroup', { name: 'Request kind' }).getByText('HTTP', { exact: true }).click();

    const gql = new GraphqlPage(page);
    await gql.open(`${graphqlServer.url}?k={{$env.COURIER_E2E_GQL_KEY}}`);
    await gql.fetchSchema.click();
    const schemaPrompt = page.getByRole('alertdialog', { name: 'Allow environment variable' });
    await expect(schemaPrompt).toContainText('COURIER_E2E_GQL_KEY');
    await schemaPrompt.getByRole('button', { name: 'Allow and fetch' }).click();
    await expect(gql.schemaStatus).toBeVisible();
    await expect(schemaPrompt).toHaveCount(0);

    // allowed once, asked again after it is taken back: the subscription offers the same Allow
    const environments = new EnvironmentsPage(page);
    await environments.openEditor();
    await environments.removeAllowedEnv('COURIER_E2E_GQL_KEY');
    await environments.closeEditor();
    await gql.setText(gql.query, 'subscription { countdown(from: 2, intervalMs: 10) }');
    await gql.builder.send();
    const subscriptionPrompt = gql.subscription.getByRole('alertdialog', { name: 'Allow environment variable' });
    await expect(subscriptionPrompt).toContainText('COURIER_E2E_GQL_KEY');
    await subscriptionPrompt.getByRole('button', { name: 'Allow and subscribe' }).click();
    await expect(gql.subscription.getByRole('log', { name: 'Subscription results' })).toContainText('complete');
  } finally {
    await courier.stop();
    await wsServer.close();
    await graphqlServer.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
