// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildStoredSpec, createDraft } from '../../../shared/request';
import { useRequestTabs } from './use-request-tabs';

// Each read of a request file is held until the test lets it land, as on a busy machine.
const reads = vi.hoisted(() => [] as Array<(saved: unknown) => void>);
vi.mock('../../lib/bridge', () => ({
  BridgeCallError: class extends Error {},
  bridge: { subscribe: () => () => undefined },
  call: (method: string) => {
    if (method === 'workspace.readRequest') return new Promise((resolve) => reads.push(resolve));
    if (method === 'workspace.session') return Promise.resolve(null);
    return Promise.resolve({});
  },
}));

afterEach(() => {
  cleanup();
  reads.length = 0;
});

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
const kept = { name: 'Kept', request: buildStoredSpec(createDraft({ url: 'http://127.0.0.1:1/echo?tab=1' })) };

/**
 * CI found it (editing.spec, "close others and close all"): a click on a tree item whose request was already open read
 * its file again, and the read landed after "Close all" had left one blank tab, which it then replaced with the
 * request: the tab the user had just closed came back.
 */
describe('opening a saved request', () => {
  it('shows a request that is already open at once, without a read that could land after the user has moved on', async () => {
    const { result } = renderHook(() => useRequestTabs(), { wrapper });
    let opened!: Promise<void>;
    act(() => {
      opened = result.current.openSaved('Tabs/Kept.json');
    });
    await act(async () => {
      reads.shift()!(kept);
      await opened;
    });
    act(() => result.current.newTab());
    expect(result.current.state.tabs.map((tab) => tab.name)).toEqual(['Kept', 'Untitled request']);

    act(() => void result.current.openSaved('Tabs/Kept.json'));
    expect(result.current.active.name).toBe('Kept');
    act(() => result.current.dispatch({ type: 'closeMany', ids: result.current.state.tabs.map((tab) => tab.id), newId: 'blank' }));
    await act(async () => {
      for (const land of reads.splice(0)) land(kept);
      await Promise.resolve();
    });
    expect(result.current.state.tabs.map((tab) => tab.name)).toEqual(['Untitled request']);
  });
});
