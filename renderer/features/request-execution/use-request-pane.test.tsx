// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { HttpExchange, HttpProgress, HttpRequestSpec } from '../../../shared/contract';

/** A bridge the test drives by hand: each http.send stays pending until the test settles it. */
const fake = vi.hoisted(() => {
  const calls: { method: string; input: { requestId?: string; bodyId?: string } }[] = [];
  const pendingSends = new Map<string, (result: unknown) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge = {
    invoke(method: string, input: { requestId?: string; bodyId?: string }) {
      calls.push({ method, input });
      if (method === 'http.send') return new Promise((resolve) => pendingSends.set(input.requestId ?? '', resolve));
      return Promise.resolve({ ok: true, value: {} });
    },
    subscribe(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  (window as unknown as { courier: unknown }).courier = bridge;
  return { calls, pendingSends, listeners };
});

import { useRequestPane } from './use-request-pane';
import { useTabExecutionState } from './use-execution-store';

const request = {
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
    maxRedirects: 5,
    keepCredentialsOnRedirect: false,
    useCookieJar: true,
    verifyTls: true,
    maxResponseBytes: 1000,
    maxDecodedBytes: 1000,
  },
  auth: { kind: 'none' },
  variables: [],
} satisfies HttpRequestSpec;

const exchange = (requestId: string, bodyId: string) =>
  ({ requestId, body: { id: bodyId, size: 0, contentType: null, contentEncodings: [], spooled: false } }) as unknown as HttpExchange;

const callsOf = (method: string) => fake.calls.filter((call) => call.method === method).map((call) => call.input);

async function settle(requestId: string, bodyId: string) {
  await waitFor(() => expect(fake.pendingSends.has(requestId)).toBe(true));
  await act(async () => fake.pendingSends.get(requestId)!({ ok: true, value: exchange(requestId, bodyId) }));
}

interface Props {
  tabIds: string[];
  activeId: string;
}

/** The pane as App uses it, plus each tab's own state the way a component of that tab reads it. */
function usePaneWithStates({ tabIds, activeId }: Props) {
  const pane = useRequestPane(tabIds, activeId, null);
  const a = useTabExecutionState(pane.store, 'A');
  const b = useTabExecutionState(pane.store, 'B');
  return { pane, a, b };
}

function setup(initialProps: Props) {
  return renderHook((props: Props) => usePaneWithStates(props), { initialProps });
}

afterEach(() => {
  cleanup();
  fake.calls.length = 0;
  fake.pendingSends.clear();
});

describe('useRequestPane', () => {
  it('sends and cancels in the active tab only; the other tab keeps its request in flight', async () => {
    const { result, rerender } = setup({ tabIds: ['A', 'B'], activeId: 'A' });
    act(() => result.current.pane.send(request));
    rerender({ tabIds: ['A', 'B'], activeId: 'B' });
    act(() => result.current.pane.send(request));
    expect(result.current.a.kind).toBe('sending');
    expect(result.current.b.kind).toBe('sending');
    const [idA, idB] = callsOf('http.send').map((input) => input.requestId!);

    rerender({ tabIds: ['A', 'B'], activeId: 'A' });
    act(() => result.current.pane.cancel());
    expect(callsOf('http.cancel')).toEqual([{ requestId: idA }]);
    expect(result.current.a.kind).toBe('cancelled');
    expect(result.current.b.kind).toBe('sending');

    // A's late answer is dropped (its body released); B's lands in B.
    await settle(idA!, 'late-A');
    await settle(idB!, 'body-B');
    expect(result.current.a.kind).toBe('cancelled');
    expect(result.current.b).toMatchObject({ kind: 'done', requestId: idB });
    expect(callsOf('body.release')).toEqual([{ bodyId: 'late-A' }]);
  });

  it('shows progress from the bridge in the tab that sent', async () => {
    const { result } = setup({ tabIds: ['A', 'B'], activeId: 'A' });
    act(() => result.current.pane.send(request));
    const id = callsOf('http.send')[0]!.requestId!;
    const emit = (progress: HttpProgress) => fake.listeners.get('http.progress')?.forEach((listener) => listener(progress));
    act(() => emit({ requestId: id, phase: 'downloading', bytesReceived: 500, bytesExpected: 1000 }));
    await waitFor(() => {
      const state = result.current.a;
      expect(state.kind === 'sending' && state.progress?.bytesReceived).toBe(500);
    });
    expect(result.current.b.kind).toBe('idle');
  });

  it('a closed tab has its request cancelled and its body released; unmount releases the rest', async () => {
    const { result, rerender, unmount } = setup({ tabIds: ['A', 'B'], activeId: 'B' });
    act(() => result.current.pane.send(request));
    const idB = callsOf('http.send')[0]!.requestId!;
    await settle(idB, 'body-B');
    rerender({ tabIds: ['A', 'B'], activeId: 'A' });
    act(() => result.current.pane.send(request));
    const idA = callsOf('http.send')[1]!.requestId!;

    rerender({ tabIds: ['B'], activeId: 'B' });
    expect(callsOf('http.cancel')).toEqual([{ requestId: idA }]);
    await settle(idA, 'late-A');
    expect(callsOf('body.release')).toEqual([{ bodyId: 'late-A' }]);
    expect(result.current.b.kind).toBe('done');

    unmount();
    expect(callsOf('body.release')).toEqual([{ bodyId: 'late-A' }, { bodyId: 'body-B' }]);
  });

  it('a history overlay belongs to the tab it was opened over and closes when tabs switch', () => {
    const { result, rerender } = setup({ tabIds: ['A', 'B'], activeId: 'A' });
    act(() => result.current.pane.openEntry(7));
    expect(result.current.pane.overlay).toEqual({ kind: 'entry', id: 7 });
    rerender({ tabIds: ['A', 'B'], activeId: 'B' });
    expect(result.current.pane.overlay).toBeNull();
    rerender({ tabIds: ['A', 'B'], activeId: 'A' });
    expect(result.current.pane.overlay).toBeNull();
  });
});
