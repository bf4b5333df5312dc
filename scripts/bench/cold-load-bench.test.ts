import type { Browser } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { coldLoad } from './cold-load-bench';

/**
 * A browser that records what the benchmark asks of the page, in order. Playwright runs its injected script in the
 * page (on the page's main thread) for locators, waitForFunction and evaluate; called before the ready mark, that
 * work lands in the measured window of a page whose first render outlasts the load event (Courier's) and not in the
 * blank page's, which is painted before Playwright gets there.
 */
function recordingBrowser(calls: string[]): Browser {
  // the page logs its ready message some time after the navigation it is part of
  let navigated: () => void = () => undefined;
  const navigation = new Promise<void>((resolve) => (navigated = resolve));
  const page = {
    on: () => undefined,
    goto: async () => {
      calls.push('goto');
      navigated();
    },
    waitForEvent: async (event: string, options?: { predicate?: (message: { text(): string }) => boolean }) => {
      await navigation;
      await new Promise((resolve) => setTimeout(resolve, 10));
      const message = { text: () => 'courier-cold-load-ready', type: () => 'debug' };
      if (!options?.predicate?.(message)) throw new Error('the ready message was not what the benchmark waits for');
      calls.push(`ready:${event}`);
      return message;
    },
    getByRole: (role: string) => ({ waitFor: async () => void calls.push(`getByRole:${role}`) }),
    waitForFunction: async () => void calls.push('waitForFunction'),
    // the ready time first, then the scripts fetched up to the load event
    evaluate: async () => {
      calls.push('evaluate');
      return calls.filter((call) => call === 'evaluate').length === 1 ? 100 : [];
    },
    waitForLoadState: async () => void calls.push('waitForLoadState'),
  };
  const context = { addInitScript: async () => undefined, newPage: async () => page, close: async () => undefined };
  return { newContext: async () => context } as unknown as Browser;
}

const INJECTING = new Set(['getByRole:textbox', 'getByRole:button', 'waitForFunction', 'evaluate']);

describe('cold load measurement', () => {
  it('waits for the in-page ready mark without running Playwright script in the page before it', async () => {
    const calls: string[] = [];
    await coldLoad(recordingBrowser(calls), 'http://127.0.0.1:1/');
    const ready = calls.indexOf('ready:console');
    expect(ready).toBeGreaterThan(0);
    expect(calls.slice(0, ready).filter((call) => INJECTING.has(call))).toEqual([]);
    // the URL field and Send are still checked, after the mark
    expect(calls.slice(ready)).toEqual(expect.arrayContaining(['getByRole:textbox', 'getByRole:button']));
  });
});
