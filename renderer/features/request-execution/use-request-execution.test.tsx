// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { HttpExchange, HttpProgress, HttpRequestSpec, Result } from '../../../shared/contract';

/** A bridge the test drives by hand: each http.send stays pending until the test settles it. */
const fake = vi.hoisted(() => {
  const calls: { method: string; input: { requestId?: string; bodyId?: string } }[] = [];
  const pendingSends = new Map<string, (result: unknown) => void>();
  const listeners = new Set<(payload: unknown) => void>();
  const bridge = {
    invoke(method: string, input: { requestId?: string; bodyId?: string }) {
      calls.push({ method, input });
      if (method === 'http.send') return new Promise((resolve) => pendingSends.set(input.requestId ?? '', resolve));
      if (method === 'http.cancel') return Promise.resolve({ ok: true, value: { cancelled: true } });
      return Promise.resolve({ ok: true, value: { released: true } });
    },
    subscribe(_event: string, listener: (payload: unknown) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // Set before bridge.ts is imported, as the Electron preload would.
  (window as unknown as { courier: unknown }).courier = bridge;
  return { calls, pendingSends, listeners };
});

import { useRequestExecution } from './use-request-execution';

const request: HttpRequestSpec = {
  method: 'GET',
  url: 'http://127.0.0.1:1/x',
  params: [],
  headers: [],
  body: { kind: 'none' },
  settings: {
    connectTimeoutMs: 1000,
    deadlineMs: 0,
    idleTimeoutMs: 1000,
    followRedirects: true,
    keepCredentialsOnRedirect: false,
    maxRedirects: 5,
    verifyTls: true,
    maxResponseBytes: 1000,
    maxDecodedBytes: 1000,
  },
  auth: { kind: 'none' },
  variables: [],
};

function exchange(requestId: string, bodyId: string): HttpExchange {
  return {
    requestId,
    request: { method: 'GET', url: request.url, httpVersion: '1.1', headers: [], bodyBytes: 0 },
    response: { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [] },
    redirects: [],
    timings: { startedAt: 0, dns: 0, connect: 0, tls: 0, wait: 1, download: 1, total: 2, reusedConnection: false },
    sizes: { requestHeaderBytes: 0, requestBodyBytes: 0, responseHeaderBytes: 0, responseBodyWireBytes: 0, responseBodyBytes: 0 },
    remoteAddress: null,
    remotePort: null,
    tls: null,
    body: { id: bodyId, size: 0, contentType: null, contentEncodings: [], spooled: false },
    raw: { requestHead: '', responseHead: '' },
    warnings: [],
  };
}

function settle(requestId: string, result: Result<unknown>) {
  const resolve = fake.pendingSends.get(requestId);
  if (!resolve) throw new Error(`no pending send ${requestId}`);
  fake.pendingSends.delete(requestId);
  resolve(result);
}

function emit(progress: HttpProgress) {
  for (const listener of fake.listeners) listener(progress);
}

function setup() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return renderHook(() => useRequestExecution(), { wrapper });
}

const callsOf = (method: string) => fake.calls.filter((call) => call.method === method);

afterEach(() => {
  cleanup();
  fake.calls.length = 0;
  fake.pendingSends.clear();
});

describe('useRequestExecution', () => {
  it('sends with a fresh contract-valid requestId and shows the exchange', async () => {
    const { result } = setup();
    expect(result.current.state.kind).toBe('idle');
    let id = '';
    act(() => {
      id = result.current.send(request);
    });
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(result.current.state).toMatchObject({ kind: 'sending', requestId: id, progress: null, request });
    expect(result.current.isSending).toBe(true);
    await waitFor(() => expect(callsOf('http.send')).toHaveLength(1));
    expect(callsOf('http.send')[0]?.input).toEqual({ requestId: id, request });

    await act(async () => settle(id, { ok: true, value: exchange(id, 'body-1') }));
    await waitFor(() => expect(result.current.state.kind).toBe('done'));
    expect(result.current.isSending).toBe(false);
  });

  it('shows progress events for its own request only', async () => {
    const { result } = setup();
    let id = '';
    act(() => {
      id = result.current.send(request);
    });
    act(() => {
      emit({ requestId: 'someone-else', phase: 'downloading', bytesReceived: 1, bytesExpected: null });
      emit({ requestId: id, phase: 'downloading', bytesReceived: 500, bytesExpected: 1000 });
    });
    await waitFor(() => {
      const state = result.current.state;
      expect(state.kind === 'sending' && state.progress?.bytesReceived).toBe(500);
    });
  });

  it('maps a failed send to a failed state with the bridge error', async () => {
    const { result } = setup();
    let id = '';
    act(() => {
      id = result.current.send(request);
    });
    await waitFor(() => expect(fake.pendingSends.has(id)).toBe(true));
    await act(async () => settle(id, { ok: false, error: { code: 'CONNECTION_REFUSED', message: 'refused' } }));
    await waitFor(() => expect(result.current.state).toMatchObject({ kind: 'failed', error: { code: 'CONNECTION_REFUSED' } }));
  });

  it('cancels at once, tells the engine, and ignores the late answer (releasing its body)', async () => {
    const { result } = setup();
    let id = '';
    act(() => {
      id = result.current.send(request);
    });
    await waitFor(() => expect(fake.pendingSends.has(id)).toBe(true));
    act(() => result.current.cancel());
    expect(result.current.state).toMatchObject({ kind: 'cancelled', requestId: id });
    expect(callsOf('http.cancel').map((call) => call.input)).toEqual([{ requestId: id }]);

    // The engine finished just before the cancel reached it: the answer must not replace "cancelled".
    await act(async () => settle(id, { ok: true, value: exchange(id, 'late-body') }));
    await waitFor(() => expect(callsOf('body.release').map((call) => call.input)).toEqual([{ bodyId: 'late-body' }]));
    expect(result.current.state.kind).toBe('cancelled');
  });

  it('treats a CANCELLED error as cancelled, not failed', async () => {
    const { result } = setup();
    let id = '';
    act(() => {
      id = result.current.send(request);
    });
    await waitFor(() => expect(fake.pendingSends.has(id)).toBe(true));
    await act(async () => settle(id, { ok: false, error: { code: 'CANCELLED', message: 'Request cancelled' } }));
    await waitFor(() => expect(result.current.state.kind).toBe('cancelled'));
  });

  it('releases the previous body when a new send replaces it', async () => {
    const { result } = setup();
    let first = '';
    act(() => {
      first = result.current.send(request);
    });
    await waitFor(() => expect(fake.pendingSends.has(first)).toBe(true));
    await act(async () => settle(first, { ok: true, value: exchange(first, 'body-A') }));
    await waitFor(() => expect(result.current.state.kind).toBe('done'));
    expect(callsOf('body.release')).toHaveLength(0);

    let second = '';
    act(() => {
      second = result.current.send(request);
    });
    expect(second).not.toBe(first);
    await waitFor(() => expect(callsOf('body.release').map((call) => call.input)).toEqual([{ bodyId: 'body-A' }]));
  });

  it('releases the shown body when the window goes away', async () => {
    const { result, unmount } = setup();
    let id = '';
    act(() => {
      id = result.current.send(request);
    });
    await waitFor(() => expect(fake.pendingSends.has(id)).toBe(true));
    await act(async () => settle(id, { ok: true, value: exchange(id, 'body-Z') }));
    await waitFor(() => expect(result.current.state.kind).toBe('done'));
    unmount();
    expect(callsOf('body.release').map((call) => call.input)).toEqual([{ bodyId: 'body-Z' }]);
  });
});
