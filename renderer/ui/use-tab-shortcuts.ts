import { useEffect, useRef } from 'react';
import { tabShortcutOf, type TabShortcut } from '../../shared/workspace';

/**
 * Alt+T, Alt+W and Ctrl+Alt+PageDown/PageUp (see shared/workspace/tab-shortcuts.ts) from anywhere in the window,
 * in web mode and in Electron. Bubble phase, so a key an editor has handled itself (defaultPrevented: Monaco's
 * Alt+W in its find box) stays the editor's; not from inside a dialog, which is in front of the tabs.
 */
export function useTabShortcuts(onShortcut: (shortcut: TabShortcut) => void, active = true): void {
  const latest = useRef({ onShortcut, active });
  useEffect(() => {
    latest.current = { onShortcut, active };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!latest.current.active || event.defaultPrevented) return;
      const shortcut = tabShortcutOf(event);
      if (shortcut === null) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      event.preventDefault();
      if (event.repeat && shortcut !== 'next' && shortcut !== 'previous') return;
      latest.current.onShortcut(shortcut);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
