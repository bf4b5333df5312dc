import { test as base, expect } from './fixtures';
import { GraphqlPage } from './pages/graphql-page';
import { startGraphqlServer, type GraphqlTestServer } from './servers/graphql-server';

const test = base.extend<{ graphqlServer: GraphqlTestServer }>({
  graphqlServer: async ({}, use) => {
    const server = await startGraphqlServer();
    await use(server);
    await server.close();
  },
});

test.describe('GraphQL', () => {
  test.afterEach(async ({ consoleErrors }) => {
    expect(consoleErrors).toEqual([]);
  });

  test('introspects the schema, explores it, completes a field, runs a query and shows errors apart from data', async ({ page, graphqlServer }) => {
    const gql = new GraphqlPage(page);
    await gql.open(graphqlServer.url);
    await expect(gql.builder.method).toHaveValue('POST');

    await gql.fetchSchema.click();
    await expect(gql.schemaStatus).toBeVisible();
    await expect(gql.explorer.getByRole('region', { name: 'Type Query' })).toContainText('Greets someone');
    // the schema outlives a visit to another request tab
    await gql.builder.openTab('Headers');
    await gql.builder.openTab('Body');
    await expect(gql.schemaStatus).toBeVisible();

    // search → a deprecated field, with its reason
    await gql.explorer.getByRole('button', { name: '← All types' }).click();
    await gql.explorer.getByRole('searchbox', { name: 'Search schema' }).fill('email');
    await gql.explorer.getByRole('button', { name: 'User.email' }).click();
    const user = gql.explorer.getByRole('region', { name: 'Type User' });
    await expect(user).toContainText('A person who writes posts');
    await expect(user).toContainText('Deprecated: Use contact instead');

    // completion of a field from the schema
    await gql.setText(gql.query, '{ user(id: "2") { na');
    await page.keyboard.press('Control+Space');
    await expect(gql.suggestions().filter({ hasText: 'name' }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    // Monaco closed the brackets as they were typed; the accepted completion sits inside them.
    await expect(page.locator('.view-lines').first()).toContainText('{ user(id: "2") { name}}');
    // a field picked in the explorer goes in at the cursor
    await user.getByRole('button', { name: 'Insert contact' }).click();
    await expect(page.locator('.view-lines').first()).toContainText('{ user(id: "2") { name contact}}');

    await gql.builder.send();
    await gql.builder.expectStatus('200 OK');
    await expect(gql.builder.response).toContainText('grace@example.com');
    await expect(gql.responseErrors).toHaveCount(0);

    // an unknown field is underlined before sending
    await gql.setText(gql.query, '{ nope }');
    await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();

    // a field error: listed with its location and path, apart from the data
    // typed without its closing brace: Monaco adds it
    // the body's data follows the 15-line errors array: give the response pane room to show it (Monaco renders visible lines only)
    await page.setViewportSize({ width: 1400, height: 1300 });
    await gql.setText(gql.query, '{ hello broken');
    await gql.builder.send();
    await expect(gql.responseErrors).toContainText('The broken field is broken on purpose');
    await expect(gql.responseErrors).toContainText('line 1, column 9');
    await expect(gql.responseErrors).toContainText('path broken');
    await expect(gql.builder.response).toContainText('Hello, world!');
    await page.screenshot({ path: test.info().outputPath('graphql-query.png') });
  });

  test('sends variables and an operation name, and refuses variables that are not JSON', async ({ page, graphqlServer }) => {
    const gql = new GraphqlPage(page);
    await gql.open(graphqlServer.url);
    await gql.setText(gql.query, 'query A { hello }\nquery B($n: String) { hello(name: $n) }');
    await gql.setText(gql.variables, '{ "n": "Courier" }');
    await page.getByRole('combobox', { name: 'Operation name' }).fill('B');
    await gql.builder.send();
    await expect(gql.builder.response).toContainText('Hello, Courier!');

    await gql.setText(gql.variables, '{ n: 1 }');
    await expect(page.getByText(/variables are not valid JSON/).first()).toBeVisible();
    await gql.builder.send();
    await expect(gql.builder.response).toContainText(/variables are not valid JSON/);
  });

  test('runs a subscription and streams its results into the log', async ({ page, graphqlServer }) => {
    const gql = new GraphqlPage(page);
    await gql.open(graphqlServer.url);
    await gql.setText(gql.query, 'subscription { countdown(from: 3, intervalMs: 100) }');
    await gql.builder.send();

    const log = gql.subscription.getByRole('log', { name: 'Subscription results' });
    await expect(log).toContainText('{"countdown":3}');
    await expect(log).toContainText('{"countdown":1}');
    await expect(log).toContainText('complete');
    await expect(gql.subscription.getByRole('status')).toContainText('Ended · 3 results');
    await page.screenshot({ path: test.info().outputPath('graphql-subscription.png') });
  });
});
