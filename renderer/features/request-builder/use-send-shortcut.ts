import { useEffect, useRef } from 'react';

/**
 * Ctrl+Enter (⌘+Enter on macOS) sends from anywhere in the window. Listening in the capture phase lets it work
 * inside Monaco too, which otherwise uses Ctrl+Enter for "insert line below" and stops the event.
 */
export function useSendShortcut(onSend: () => void): void {
  const latest = useRef(onSend);
  useEffect(() => {
    latest.current = onSend;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.repeat) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
