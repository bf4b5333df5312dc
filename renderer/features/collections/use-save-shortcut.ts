import { useEffect, useRef } from 'react';

/**
 * Ctrl+S (⌘+S on macOS) saves and Ctrl+Shift+S saves as, from anywhere, Monaco included (capture phase), instead of
 * the browser's "Save page". Not from inside a dialog: the environments editor saves its variables with Ctrl+S, and
 * a modal dialog is in front of the request anyway.
 */
export function useSaveShortcut(onSave: () => void, onSaveAs: () => void): void {
  const latest = useRef({ onSave, onSaveAs });
  useEffect(() => {
    latest.current = { onSave, onSaveAs };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 's' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      // A view that saves something else (a WebSocket request) handles the keys itself.
      if (event.target instanceof Element && event.target.closest('[data-save-shortcut="own"]')) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.repeat) return;
      if (event.shiftKey) latest.current.onSaveAs();
      else latest.current.onSave();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
