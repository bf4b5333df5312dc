// @vitest-environment happy-dom
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { HttpSse, SseEvent } from '../../../shared/contract';

const fake = vi.hoisted(() => {
  const listeners = new Set<(payload: unknown) => void>();
  (window as unknown as { courier: unknown }).courier = {
    invoke: async () => ({ ok: true, value: {} }),
    subscribe(_event: string, listener: (payload: unknown) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { listeners };
});

import { LiveSseEvents } from './live-sse-events';
import { listenForLiveSse, liveSseEvents } from './live-sse-feed';

const stopListening = listenForLiveSse();
afterAll(stopListening);
afterEach(() => {
  cleanup();
  liveSseEvents.dispose();
  localStorage.clear();
});

const events = (from: number, count: number): SseEvent[] =>
  Array.from({ length: count }, (_, i) => ({ index: from + i, event: 'message', id: '', data: `e${from + i}`, retry: from + i === 0 ? 3000 : null }));

async function push(batch: HttpSse): Promise<void> {
  await act(async () => {
    for (const listener of fake.listeners) listener(batch);
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
}

describe('live SSE events', () => {
  it('keeps only the newest events up to the cap, counts what it dropped, and lets the cap be chosen', async () => {
    liveSseEvents.begin('r1');
    render(<LiveSseEvents requestId="r1" />);
    await push({ requestId: 'r1', events: events(0, 1) });
    expect(screen.getByRole('status').textContent).toBe('1 event so far');
    await push({ requestId: 'r1', events: events(1, 10_499) });
    expect(screen.getByRole('status').textContent).toBe('10,500 events so far · 500 older events dropped');
    fireEvent.change(screen.getByRole('combobox', { name: 'Live events kept' }), { target: { value: '1000' } });
    await push({ requestId: 'r1', events: events(10_500, 1) });
    expect(screen.getByRole('status').textContent).toBe('10,501 events so far · 9,501 older events dropped');
    expect(localStorage.getItem('courier.sse.liveCap')).toBe('1000');
  });

  it('shows the events that came before it mounted, and still shows them when mounted again (its tab left and re-opened)', async () => {
    liveSseEvents.begin('r2');
    await push({ requestId: 'r2', events: events(0, 50) });
    const first = render(<LiveSseEvents requestId="r2" />);
    expect(screen.getByRole('status').textContent).toBe('50 events so far');
    expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    first.unmount();
    await push({ requestId: 'r2', events: events(50, 10) });
    render(<LiveSseEvents requestId="r2" />);
    expect(screen.getByRole('status').textContent).toBe('60 events so far');
    // the send ended: the view has nothing left to show, and its events are let go
    await act(async () => liveSseEvents.end('r2'));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('counts each batch once however many listen, and keeps listening until the last of them stops', async () => {
    const second = listenForLiveSse();
    liveSseEvents.begin('r3');
    render(<LiveSseEvents requestId="r3" />);
    await push({ requestId: 'r3', events: events(0, 5) });
    second();
    second();
    await push({ requestId: 'r3', events: events(5, 5) });
    expect(screen.getByRole('status').textContent).toBe('10 events so far');
  });

  it('still says Stopping… when its tab is left and re-opened before the stream has ended', async () => {
    liveSseEvents.begin('r4');
    await push({ requestId: 'r4', events: events(0, 3) });
    const first = render(<LiveSseEvents requestId="r4" />);
    fireEvent.click(screen.getByRole('button', { name: 'Stop stream' }));
    expect(screen.getByRole('button', { name: 'Stopping…' })).toBeTruthy();
    first.unmount();
    render(<LiveSseEvents requestId="r4" />);
    expect((screen.getByRole('button', { name: 'Stopping…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
