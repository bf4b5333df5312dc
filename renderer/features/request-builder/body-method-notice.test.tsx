// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { HttpRequestSpec } from '../../../shared/contract';

vi.hoisted(() => {
  (window as unknown as { courier: unknown }).courier = {
    invoke: (method: string) => (method === 'auth.oauth2.status' ? Promise.resolve({ ok: true, value: { token: null } }) : new Promise(() => undefined)),
    subscribe: () => () => undefined,
  };
});

import { RequestBuilder } from './request-builder';

afterEach(cleanup);

function setup(initialRequest: HttpRequestSpec) {
  const onSend = vi.fn<(request: HttpRequestSpec) => void>();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RequestBuilder state={{ kind: 'idle' }} onSend={onSend} onCancel={() => undefined} initialRequest={initialRequest} />
    </QueryClientProvider>,
  );
  return onSend;
}

const withForm = (method: string): HttpRequestSpec => ({
  method,
  url: 'http://127.0.0.1:1/post',
  params: [],
  headers: [],
  body: { kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }] },
  auth: { kind: 'none' },
  variables: [],
  settings: undefined as never,
});

const notice = () => screen.queryByText(/with a body: some servers ignore or reject it/);

describe('a GET or HEAD about to go out with a body', () => {
  it('says so under the URL, whichever request tab is open, and "Remove body" sends it without one', () => {
    const onSend = setup(withForm('POST'));
    expect(notice()).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Method' }), { target: { value: 'GET' } });
    // the Params tab is open: the Body tab's own hint is not on screen
    expect(screen.getByRole('tab', { name: 'Params' }).getAttribute('aria-selected')).toBe('true');
    expect(notice()?.textContent).toContain('GET with a body: some servers ignore or reject it.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove body' }));
    expect(notice()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend.mock.calls[0]?.[0]).toMatchObject({ method: 'GET', body: { kind: 'none' } });
  });

  it('names HEAD too, and says nothing for a POST with a body or a GET without one', () => {
    setup(withForm('HEAD'));
    expect(notice()?.textContent).toContain('HEAD with a body');
    cleanup();
    setup({ ...withForm('GET'), body: { kind: 'none' } });
    expect(notice()).toBeNull();
  });
});
