import { test as base } from '../fixtures';
import { startAuthServer, type AuthServer } from './auth-server';

/**
 * The suite's fixtures plus the authorization server. Console errors are counted for Courier's own page only: the
 * sign-in tabs belong to the authorization server and to Courier's loopback listener, whose favicon 404s are not
 * Courier's window misbehaving.
 */
export const test = base.extend<{ authServer: AuthServer }>({
  authServer: async ({}, use) => {
    const server = await startAuthServer();
    await use(server);
    await server.close();
  },
  consoleErrors: async ({ context, courier }, use) => {
    const errors: string[] = [];
    const ours = (url: string | undefined) => url !== undefined && url.startsWith(courier.origin);
    context.on('console', (message) => {
      if (message.type() === 'error' && ours(message.page()?.url())) errors.push(message.text());
    });
    context.on('weberror', (webError) => {
      if (ours(webError.page()?.url())) errors.push(webError.error().message);
    });
    await use(errors);
  },
});

export { expect } from '../fixtures';
