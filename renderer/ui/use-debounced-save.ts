import { useEffect, useRef } from 'react';

/**
 * Saves `value` a moment after it last changed, and at once when the page goes away (reload, closed window, hidden
 * tab) with a save still waiting: typing and then reloading within the delay must not lose the last keystrokes.
 * `pagehide` is the event browsers promise to fire on unload (bfcache too); `visibilitychange` to hidden is the last
 * one a mobile or discarded tab gets; `beforeunload` covers Electron's window close.
 */
export function useDebouncedSave<T>(value: T, save: (value: T) => void, delayMs: number, enabled = true): void {
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  });
  // the value whose save is waiting for its timer, or none
  const pending = useRef<{ value: T } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    pending.current = { value };
    const timer = setTimeout(() => {
      pending.current = null;
      latestSave.current(value);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [value, enabled, delayMs]);

  useEffect(() => {
    const flush = () => {
      const waiting = pending.current;
      pending.current = null;
      if (waiting) latestSave.current(waiting.value);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
