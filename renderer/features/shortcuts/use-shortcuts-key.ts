import { useEffect, useRef } from 'react';
import { isShortcutsKey } from './shortcut-list';

/** F1 or Ctrl/⌘+/ anywhere in the window opens the shortcut list (F1 would open the browser's help otherwise). */
export function useShortcutsKey(onOpen: () => void): void {
  const latest = useRef(onOpen);
  useEffect(() => {
    latest.current = onOpen;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !isShortcutsKey(event)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
