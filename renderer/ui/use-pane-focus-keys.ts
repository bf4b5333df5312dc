import { useEffect } from 'react';
import { focusNextPane } from './pane-focus';

/**
 * F6 and Shift+F6 anywhere in the window (see pane-focus.ts). Capture phase, so it works inside Monaco too, which
 * would otherwise keep every key typed in it; not from inside a dialog, which is in front of the regions.
 */
export function usePaneFocusKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const active = document.activeElement;
      if (active?.closest('dialog')) return;
      event.preventDefault();
      event.stopPropagation();
      focusNextPane(document, active, event.shiftKey);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
