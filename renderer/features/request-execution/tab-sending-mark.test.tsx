// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import type { HttpExchange, HttpRequestSpec } from '../../../shared/contract';
import { createExecutionStore } from './execution-store';
import { TabSendingMark } from './tab-sending-mark';

afterEach(cleanup);

const request = { method: 'GET', url: 'http://127.0.0.1:1/x' } as HttpRequestSpec;

describe('TabSendingMark', () => {
  it('shows "sending" on the tab whose send is in flight, and only until it ends', async () => {
    let cancelled: string[] = [];
    let next = 0;
    const store = createExecutionStore({
      // never answers: the send stays in flight until cancelled
      send: () => new Promise<HttpExchange>(() => undefined),
      cancel: (id) => void (cancelled = [...cancelled, id]),
      releaseBody: () => undefined,
      newRequestId: () => `r${++next}`,
      toError: () => ({ code: 'cancelled', message: 'cancelled' }) as never,
      now: () => 0,
      requestFrame: (callback) => setTimeout(callback, 0) as unknown as number,
      cancelFrame: (handle) => clearTimeout(handle),
    });
    render(
      <>
        <div data-testid="a">
          <TabSendingMark store={store} tabId="a" />
        </div>
        <div data-testid="b">
          <TabSendingMark store={store} tabId="b" />
        </div>
      </>,
    );
    expect(screen.queryByRole('status', { name: 'sending' })).toBeNull();
    act(() => void store.send('a', request));
    expect(screen.getByTestId('a').querySelector('[aria-label="sending"]')).not.toBeNull();
    expect(screen.getByTestId('b').querySelector('[aria-label="sending"]')).toBeNull();
    act(() => store.cancel('a'));
    expect(screen.queryByRole('status', { name: 'sending' })).toBeNull();
    expect(cancelled).toEqual(['r1']);
  });
});
