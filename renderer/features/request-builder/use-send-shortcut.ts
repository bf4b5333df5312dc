import { useEffect, useRef } from 'react';

/**
 * Ctrl+Enter (⌘+Enter on macOS) sends from anywhere in the window. Listening in the capture phase lets it work
 * inside Monaco too, which otherwise uses Ctrl+Enter for "insert line below" and stops the event.
 */
export function useSendShortcut(onSend: () => void, active = true): void {
  const latest = useRef(onSend);
  const enabled = useRef(active);
  useEffect(() => {
    latest.current = onSend;
    enabled.current = active;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!enabled.current || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.repeat) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
