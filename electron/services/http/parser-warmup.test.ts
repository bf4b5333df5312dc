import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { describe, expect, it } from 'vitest';
import { trapUnhandledErrors } from '../../test-support';
import { createTestEngine } from './test-harness';

trapUnhandledErrors();

describe('llhttp warm-up', () => {
  it('makes one in-memory connection soon after the engine is created, without network, once per process', async () => {
    const connected: string[] = [];
    const onConnected = (message: unknown): void => {
      connected.push((message as { connectParams: { hostname: string } }).connectParams.hostname);
    };
    subscribe('undici:client:connected', onConnected);
    try {
      const first = await createTestEngine();
      const second = await createTestEngine();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(connected).toEqual(['parser-warmup.invalid']);
      await first.dispose();
      await second.dispose();
    } finally {
      unsubscribe('undici:client:connected', onConnected);
    }
  });
});
