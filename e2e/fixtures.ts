import { test as base, expect } from '@playwright/test';
import type { CourierWeb } from './support/courier-web';
import { createCourierSpares, type CourierSpares } from './support/courier-spare';
import { startFixtureServer, type FixtureServer } from './servers/fixture-server';

/**
 * Every test gets its own Courier web-mode server with its own temporary data directory (tests run in parallel),
 * and a real local HTTP server to send requests to. `page` starts on Courier, authenticated by the launch token.
 * Each worker starts the next test's server while the current test runs (support/courier-spare.ts).
 */
export const test = base.extend<{ courier: CourierWeb; fixtureServer: FixtureServer; consoleErrors: string[] }, { courierSpares: CourierSpares }>({
  courierSpares: [
    async ({}, use) => {
      const spares = createCourierSpares();
      await use(spares);
      await spares.close();
    },
    { scope: 'worker' },
  ],
  courier: async ({ courierSpares }, use, testInfo) => {
    const courier = await courierSpares.take();
    await use(courier);
    // A test that fails because its server went away ("Lost the connection to Courier") says how it went, with
    // what the server printed: a crash is otherwise seen only as a timeout somewhere later in the page.
    const died = courier.exitedByItself();
    if (died !== null || testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('courier output', { body: courier.output(), contentType: 'text/plain' });
    }
    await courier.stop();
    expect(died, `Courier's web server ${died ?? ''} during the test. It printed:\n${courier.output().slice(-4000)}`).toBeNull();
    // an answer or event outside the contract fails the test that caused it, even when the page coped with it
    const violations = courier
      .output()
      .split('\n')
      .filter((line) => line.includes('Contract violation'));
    expect(violations, 'the main process sent something outside the contract').toEqual([]);
  },
  fixtureServer: async ({}, use) => {
    const server = await startFixtureServer();
    await use(server);
    await server.close();
  },
  // Listens on the context, and `page` depends on it, so errors and CSP reports during the first load are caught too.
  consoleErrors: async ({ context }, use) => {
    const errors: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    context.on('weberror', (webError) => errors.push(webError.error().message));
    await use(errors);
  },
  page: async ({ page, courier, consoleErrors }, use) => {
    void consoleErrors;
    await page.goto(courier.url);
    await use(page);
  },
});

export { expect };
