// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { httpRequestSpecSchema, type GraphqlSubscriptionEvent, type GraphqlSubscriptionItem } from '../../../shared/contract';

/** A bridge the test drives by hand: subscribe answers at once, events are pushed by the test. */
const fake = vi.hoisted(() => {
  const calls: { method: string; input: { subscriptionId?: string } }[] = [];
  const listeners = new Set<(payload: unknown) => void>();
  const bridge = {
    invoke(method: string, input: { subscriptionId?: string }) {
      calls.push({ method, input });
      return Promise.resolve({ ok: true, value: method === 'graphql.subscribe' ? { started: true } : { stopped: true } });
    },
    subscribe(_event: string, listener: (payload: unknown) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  (window as unknown as { courier: unknown }).courier = bridge;
  return { calls, listeners };
});

import { useGraphqlSubscriptions } from './use-graphql-subscription';

const request = httpRequestSpecSchema.parse({ method: 'POST', url: 'http://127.0.0.1:1/graphql', body: { kind: 'graphql', query: 'subscription { a }' } });
const item = (seq: number, kind: GraphqlSubscriptionItem['kind'] = 'next'): GraphqlSubscriptionItem => ({ seq, at: seq, kind, payload: '{"data":{"a":1}}' });
const push = (event: GraphqlSubscriptionEvent) => act(() => fake.listeners.forEach((listener) => listener(event)));

afterEach(() => {
  cleanup();
  fake.calls.length = 0;
});

describe('useGraphqlSubscriptions', () => {
  it('collects batches for the current subscription only, and ends on complete', () => {
    const { result } = renderHook(() => useGraphqlSubscriptions());
    act(() => result.current.start('tab-a', request));
    const id = result.current.runOf('tab-a')!.id;
    expect(fake.calls).toContainEqual({ method: 'graphql.subscribe', input: { subscriptionId: id, request } });
    push({ subscriptionId: 'someone-else', items: [item(1)] });
    push({ subscriptionId: id, items: [item(1), item(2)] });
    push({ subscriptionId: id, items: [item(3), item(4, 'complete')] });
    expect(result.current.runOf('tab-a')!.items.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
    expect(result.current.runOf('tab-a')!.running).toBe(false);
  });

  it('stops the previous subscription when a new one starts, and on unmount', () => {
    const { result, unmount } = renderHook(() => useGraphqlSubscriptions());
    act(() => result.current.start('tab-a', request));
    const first = result.current.runOf('tab-a')!.id;
    act(() => result.current.start('tab-a', request));
    expect(fake.calls).toContainEqual({ method: 'graphql.unsubscribe', input: { subscriptionId: first } });
    const second = result.current.runOf('tab-a')!.id;
    push({ subscriptionId: first, items: [item(1)] });
    expect(result.current.runOf('tab-a')!.items).toEqual([]);
    unmount();
    expect(fake.calls).toContainEqual({ method: 'graphql.unsubscribe', input: { subscriptionId: second } });
  });

  it('keeps each tab its own run: results go to the tab that started it, and a closed tab stops its run', () => {
    const { result } = renderHook(() => useGraphqlSubscriptions());
    act(() => result.current.start('tab-a', request));
    act(() => result.current.start('tab-b', request));
    const a = result.current.runOf('tab-a')!.id;
    const b = result.current.runOf('tab-b')!.id;
    expect(a).not.toBe(b);
    // starting B did not stop A
    expect(fake.calls).not.toContainEqual({ method: 'graphql.unsubscribe', input: { subscriptionId: a } });
    push({ subscriptionId: b, items: [item(7)] });
    expect(result.current.runOf('tab-a')!.items).toEqual([]);
    expect(result.current.runOf('tab-b')!.items.map((i) => i.seq)).toEqual([7]);
    expect(result.current.runOf('tab-c')).toBeNull();

    act(() => result.current.retainOnly(['tab-a']));
    expect(fake.calls).toContainEqual({ method: 'graphql.unsubscribe', input: { subscriptionId: b } });
    expect(result.current.runOf('tab-b')).toBeNull();
    expect(result.current.runOf('tab-a')!.running).toBe(true);
  });

  it('keeps only the newest entries of a long run and counts the dropped ones', () => {
    const { result } = renderHook(() => useGraphqlSubscriptions());
    act(() => result.current.start('tab-a', request));
    const id = result.current.runOf('tab-a')!.id;
    push({ subscriptionId: id, items: Array.from({ length: 5_003 }, (_, i) => item(i + 1)) });
    expect(result.current.runOf('tab-a')!.items).toHaveLength(5_000);
    expect(result.current.runOf('tab-a')!.items[0]!.seq).toBe(4);
    expect(result.current.runOf('tab-a')!.dropped).toBe(3);
  });
});
