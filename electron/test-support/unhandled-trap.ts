import { afterAll, beforeAll, expect } from 'vitest';

/**
 * Fails the suite when anything rejects or throws without a handler while it runs: a hostile server must never be
 * able to crash the process through the engine.
 */
export function trapUnhandledErrors(): void {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    seen.push(reason);
  };
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onRejection);
  });
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onRejection);
    expect(seen.map((reason) => String(reason))).toEqual([]);
  });
}
