/**
 * App-wide keys for request tabs that work in a browser tab too, where Ctrl+T, Ctrl+W and Ctrl+(Shift+)Tab /
 * Ctrl+PageUp/PageDown belong to the browser and never reach the page. Chosen not to collide:
 * - Alt+T / Alt+W: no browser, GNOME/KDE/Windows or Monaco binding outside Monaco's find box (where Alt+W toggles
 *   "whole word"; Monaco handles it there first and the app leaves a handled key alone). On macOS Option+T/W type
 *   "†"/"∑", so the physical key (event.code) is matched and the character is not typed.
 * - Ctrl+Alt+PageDown / PageUp: free in browsers (Alt+←/→ is Back/Forward) and in Monaco.
 */
export type TabShortcut = 'new' | 'close' | 'next' | 'previous';

export const TAB_SHORTCUT_KEYS: Readonly<Record<TabShortcut, string>> = {
  new: 'Alt+T',
  close: 'Alt+W',
  next: 'Ctrl+Alt+PageDown',
  previous: 'Ctrl+Alt+PageUp',
};

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Which tab shortcut a key press is, or null. */
export function tabShortcutOf(event: KeyLike): TabShortcut | null {
  if (!event.altKey || event.metaKey || event.shiftKey) return null;
  if (!event.ctrlKey) {
    if (event.code === 'KeyT') return 'new';
    if (event.code === 'KeyW') return 'close';
    return null;
  }
  if (event.key === 'PageDown') return 'next';
  if (event.key === 'PageUp') return 'previous';
  return null;
}

/** The tab `step` places from the active one, wrapping round. */
export function neighbourTabId(ids: readonly string[], activeId: string, step: 1 | -1): string | null {
  if (ids.length < 2) return null;
  const index = ids.indexOf(activeId);
  return ids[(index + step + ids.length) % ids.length] ?? null;
}
