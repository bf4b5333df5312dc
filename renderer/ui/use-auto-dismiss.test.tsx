// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { useAutoDismiss } from './use-auto-dismiss';

function Notice({ timeoutMs }: { timeoutMs: number | null }) {
  const [shown, setShown] = useState(true);
  const handlers = useAutoDismiss(timeoutMs, () => setShown(false));
  return shown ? (
    <div role="status" {...handlers}>
      Done. <button type="button">Undo</button>
    </div>
  ) : null;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useAutoDismiss', () => {
  it('dismisses after its time', () => {
    render(<Notice timeoutMs={8_000} />);
    act(() => {
      vi.advanceTimersByTime(7_900);
    });
    expect(screen.queryByRole('status')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('waits while hovered or while focus is inside, then gives the full time again', () => {
    render(<Notice timeoutMs={8_000} />);
    act(() => {
      vi.advanceTimersByTime(6_000);
    });
    fireEvent.mouseEnter(screen.getByRole('status'));
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.queryByRole('status')).not.toBeNull();
    fireEvent.mouseLeave(screen.getByRole('status'));
    fireEvent.focus(screen.getByRole('button', { name: 'Undo' }));
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.queryByRole('status')).not.toBeNull();
    fireEvent.blur(screen.getByRole('button', { name: 'Undo' }), { relatedTarget: document.body });
    act(() => {
      vi.advanceTimersByTime(7_900);
    });
    expect(screen.queryByRole('status')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('never dismisses an error (no time given)', () => {
    render(<Notice timeoutMs={null} />);
    act(() => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    expect(screen.queryByRole('status')).not.toBeNull();
  });
});
