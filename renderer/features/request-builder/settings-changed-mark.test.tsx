// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

vi.hoisted(() => {
  (window as unknown as { courier: unknown }).courier = {
    invoke: () => new Promise(() => undefined),
    subscribe: () => () => undefined,
  };
});

import { RequestBuilder } from './request-builder';

afterEach(cleanup);

describe('Settings tab label', () => {
  it('is marked while a setting differs from its default, and not once it is back', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RequestBuilder state={{ kind: 'idle' }} onSend={() => undefined} onCancel={() => undefined} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('tab', { name: 'Settings' })).toBeTruthy();
    // the Settings panel is a chunk of its own, loaded when the tab is first chosen: the click suspends until it is
    // there, and React resumes it only when the act scope it suspended in is awaited
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    });
    const cookies = await screen.findByRole('checkbox', { name: 'Send and store cookies' });
    fireEvent.click(cookies);
    expect(screen.getByRole('tab', { name: 'Settings (changed)' })).toBeTruthy();
    fireEvent.click(cookies);
    expect(screen.getByRole('tab', { name: 'Settings' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Follow redirects' }));
    expect(screen.getByRole('tab', { name: 'Settings (changed)' })).toBeTruthy();
  });
});
