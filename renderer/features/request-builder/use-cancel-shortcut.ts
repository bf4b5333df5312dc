import { useEffect, useRef } from 'react';

/**
 * Something on screen that takes Escape for itself: an open dialog, a menu, or Monaco's suggest, find, hover or
 * parameter-hint widgets. While one is open, Escape closes it and must not also cancel the request behind it.
 * (<dialog> elements stay in the page closed, so only open ones count.)
 */
const ESCAPE_OWNERS = [
  'dialog[open]',
  '[role="dialog"]:not(dialog)',
  '[role="alertdialog"]:not(dialog)',
  '[role="menu"]',
  '.monaco-editor .suggest-widget.visible',
  '.monaco-editor .find-widget.visible',
  '.monaco-editor .monaco-hover:not(.hidden)',
  '.monaco-editor .parameter-hints-widget.visible',
].join(',');

function escapeOwnerOpen(): boolean {
  return [...document.querySelectorAll(ESCAPE_OWNERS)].some((element) => element.closest('[hidden]') === null);
}

/**
 * Escape cancels the request in flight. The window listens in the bubble phase, after every control on the way,
 * so anything that handles Escape itself (a tooltip, a dialog, an editor widget) marks the event and wins.
 */
export function useCancelShortcut(onCancel: () => void, enabled: boolean): void {
  const latest = useRef(onCancel);
  const on = useRef(enabled);
  useEffect(() => {
    latest.current = onCancel;
    on.current = enabled;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!on.current || event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (escapeOwnerOpen()) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
