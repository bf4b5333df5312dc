import { useEffect, useRef, useState, type FocusEvent } from 'react';

/**
 * How long a notice stays: a success says its piece and goes, an Undo offer gives time to think, a result with
 * details behind a disclosure gives time to open them (open, it stays), an error stays.
 */
export const NOTICE_TIMEOUT_MS = { success: 8_000, undo: 10_000, details: 12_000 } as const;

interface AutoDismissHandlers {
  onMouseEnter: () => void;
  onMouseLeave: () => void;
  onFocus: () => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * Calls `onDismiss` after `timeoutMs` (null: never), paused while the pointer is over the notice or focus is inside it,
 * so a screen-reader or keyboard user who reached its Undo button does not lose it; the full time restarts after.
 * `key` restarts the clock when the same notice shows something new.
 */
export function useAutoDismiss(timeoutMs: number | null, onDismiss: () => void, key?: unknown): AutoDismissHandlers {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const dismiss = useRef(onDismiss);
  // the latest callback, without restarting the clock each time the caller passes a new function
  useEffect(() => {
    dismiss.current = onDismiss;
  }, [onDismiss]);
  const paused = hovered || focused;
  useEffect(() => {
    if (timeoutMs === null || paused) return;
    const timer = setTimeout(() => dismiss.current(), timeoutMs);
    return () => clearTimeout(timer);
  }, [timeoutMs, paused, key]);
  return {
    onMouseEnter: () => setHovered(true),
    onMouseLeave: () => setHovered(false),
    onFocus: () => setFocused(true),
    onBlur: (event) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
    },
  };
}
