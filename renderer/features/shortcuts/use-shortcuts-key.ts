import { useEffect, useRef } from 'react';
import { isShortcutsKey } from './shortcut-list';

const NOT_TYPED_INTO = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether a key pressed in `target` types text: a text input, a textarea (Monaco's included), contenteditable. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPED_INTO.has(target.type);
}

/**
 * F1 or Ctrl/⌘+/ anywhere in the window opens the shortcut list (F1 would open the browser's help otherwise), and
 * "?" wherever it would not type a question mark.
 */
export function useShortcutsKey(onOpen: () => void): void {
  const latest = useRef(onOpen);
  useEffect(() => {
    latest.current = onOpen;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !isShortcutsKey(event, isTextEntry(event.target))) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
