// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { oauth2AuthSchema, type HttpRequestSpec, type OAuth2TokenInfo, type Result } from '../../../shared/contract';
import { buildAuthRequestSpec, createDraft } from '../../../shared/request';

/** A bridge the test answers by hand: each call waits until the test settles it. */
const fake = vi.hoisted(() => {
  const calls: { method: string; input: unknown; resolve: (result: unknown) => void }[] = [];
  const listeners = new Set<(payload: unknown) => void>();
  const bridge = {
    invoke(method: string, input: unknown) {
      return new Promise((resolve) => calls.push({ method, input, resolve }));
    },
    subscribe(_event: string, listener: (payload: unknown) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  (window as unknown as { courier: unknown }).courier = bridge;
  return { calls, listeners };
});

import { useOAuth2Token } from './use-oauth2-token';

const token: OAuth2TokenInfo = { tokenType: 'Bearer', preview: 'at-x…9c', scope: 'read', obtainedAt: 1, expiresAt: null, hasRefreshToken: false };

function spec(grant: 'client_credentials' | 'authorization_code'): HttpRequestSpec {
  const auth = oauth2AuthSchema.parse({ kind: 'oauth2', grant, tokenUrl: 'http://auth.test/token', clientId: 'c' });
  return buildAuthRequestSpec(createDraft({ auth }));
}

/** Answers the oldest pending call to `method`. */
async function answer(method: string, result: Result<unknown>) {
  await waitFor(() => expect(fake.calls.some((call) => call.method === method)).toBe(true));
  const index = fake.calls.findIndex((call) => call.method === method);
  const [call] = fake.calls.splice(index, 1);
  await act(async () => call?.resolve(result));
  return call;
}

function setup(request: HttpRequestSpec | null) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return renderHook(({ request: current }) => useOAuth2Token(current), { wrapper, initialProps: { request } });
}

afterEach(() => {
  cleanup();
  fake.calls.length = 0;
  vi.restoreAllMocks();
});

describe('useOAuth2Token', () => {
  it('asks nothing when the request does not use OAuth 2.0', async () => {
    const { result } = setup(null);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(fake.calls.filter((call) => call.method === 'auth.oauth2.status')).toHaveLength(0);
    expect(result.current.token).toBeNull();
    expect(result.current.loading).toBe(false);
  });

  it('shows the stored token, and a client credentials token fetched on request', async () => {
    const request = spec('client_credentials');
    const { result } = setup(request);
    await answer('variables.state', { ok: false, error: { code: 'INTERNAL', message: 'not in this test' } });
    const status = await answer('auth.oauth2.status', { ok: true, value: { token: null } });
    expect(status?.input).toEqual({ request });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.token).toBeNull();

    act(() => result.current.getToken());
    expect(result.current.busy).toBe('get');
    const fetched = await answer('auth.oauth2.fetchToken', { ok: true, value: { token } });
    expect(fetched?.input).toEqual({ request });
    await waitFor(() => expect(result.current.token).toEqual(token));
    expect(result.current.busy).toBeNull();
    expect(result.current.error).toBeNull();
  });

  it('opens the authorization page in a new tab when the main process could not, then completes', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { result } = setup(spec('authorization_code'));
    act(() => result.current.getToken());
    const flow = { flowId: 'f1', authorizationUrl: 'http://auth.test/authorize?x=1', redirectUri: 'http://127.0.0.1:5/callback', openedExternally: false };
    await answer('auth.oauth2.begin', { ok: true, value: flow });
    await waitFor(() => expect(result.current.flow).toEqual(flow));
    expect(open).toHaveBeenCalledWith(flow.authorizationUrl, '_blank', 'noopener');
    const completed = await answer('auth.oauth2.complete', { ok: true, value: { token: { ...token, hasRefreshToken: true } } });
    expect(completed?.input).toEqual({ flowId: 'f1' });
    await waitFor(() => expect(result.current.flow).toBeNull());
    expect(result.current.token?.hasRefreshToken).toBe(true);
  });

  it('does not open a tab when the system browser was opened', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { result } = setup(spec('authorization_code'));
    act(() => result.current.getToken());
    await answer('auth.oauth2.begin', { ok: true, value: { flowId: 'f2', authorizationUrl: 'http://a/', redirectUri: 'http://b/', openedExternally: true } });
    await waitFor(() => expect(result.current.flow?.flowId).toBe('f2'));
    expect(open).not.toHaveBeenCalled();
  });

  it('cancels a sign-in without calling it an error', async () => {
    vi.spyOn(window, 'open').mockImplementation(() => null);
    const { result } = setup(spec('authorization_code'));
    act(() => result.current.getToken());
    await answer('auth.oauth2.begin', { ok: true, value: { flowId: 'f3', authorizationUrl: 'http://a/', redirectUri: 'http://b/', openedExternally: false } });
    await waitFor(() => expect(result.current.flow?.flowId).toBe('f3'));
    act(() => result.current.cancelFlow());
    const cancel = await answer('auth.oauth2.cancel', { ok: true, value: { cancelled: true } });
    expect(cancel?.input).toEqual({ flowId: 'f3' });
    await answer('auth.oauth2.complete', { ok: false, error: { code: 'CANCELLED', message: 'The sign-in was cancelled.' } });
    await waitFor(() => expect(result.current.flow).toBeNull());
    expect(result.current.error).toBeNull();
    expect(result.current.busy).toBeNull();
  });

  it('keeps the server’s words and detail, until the settings change', async () => {
    const request = spec('client_credentials');
    const { result, rerender } = setup(request);
    act(() => result.current.getToken());
    const error = { code: 'OAUTH_ERROR' as const, message: 'The authorization server refused: invalid_client', detail: '{"error":"invalid_client"}' };
    await answer('auth.oauth2.fetchToken', { ok: false, error });
    await waitFor(() => expect(result.current.error).toEqual(error));

    rerender({ request: { ...request, auth: { ...request.auth, clientId: 'other' } as HttpRequestSpec['auth'] } });
    expect(result.current.error).toBeNull();
  });
});
