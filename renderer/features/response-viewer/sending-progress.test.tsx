// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import type { HttpProgress } from '../../../shared/contract';
import { SendingProgress, STALL_AFTER_MS } from './sending-progress';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const downloading = (bytesReceived: number): HttpProgress => ({ requestId: 'r1', phase: 'downloading', bytesReceived, bytesExpected: null });

describe('SendingProgress', () => {
  it.each([true, false])('says when a download has brought nothing for a while, and stops saying it when bytes come (inline %s)', (inline) => {
    vi.useFakeTimers();
    const startedAt = Date.now();
    const view = render(<SendingProgress startedAt={startedAt} progress={downloading(8192)} inline={inline} />);
    act(() => void vi.advanceTimersByTime(STALL_AFTER_MS - 500));
    expect(screen.queryByTestId('response-stalled')).toBeNull();
    act(() => void vi.advanceTimersByTime(1_500));
    expect(screen.getByTestId('response-stalled').textContent).toContain('nothing received for 4 s');
    // bytes arrive again: a moving download is not called stalled
    view.rerender(<SendingProgress startedAt={startedAt} progress={downloading(16384)} inline={inline} />);
    act(() => void vi.advanceTimersByTime(500));
    expect(screen.queryByTestId('response-stalled')).toBeNull();
  });

  it('does not call a wait for the first byte a stall: only a download that stopped', () => {
    vi.useFakeTimers();
    render(<SendingProgress startedAt={Date.now()} progress={{ requestId: 'r1', phase: 'waiting', bytesReceived: 0, bytesExpected: null }} />);
    act(() => void vi.advanceTimersByTime(10_000));
    expect(screen.queryByTestId('response-stalled')).toBeNull();
  });
});
