import { describe, expect, it } from 'vitest';
import { TAB_SHORTCUT_KEYS } from '../../../shared/workspace';
import { isShortcutsKey, shortcutGroups } from './shortcut-list';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcut list', () => {
  it('opens on F1 and Ctrl/⌘+/, not on a plain slash typed in a field', () => {
    expect(isShortcutsKey(key('F1'))).toBe(true);
    expect(isShortcutsKey(key('/', { ctrlKey: true }))).toBe(true);
    expect(isShortcutsKey(key('/', { metaKey: true }))).toBe(true);
    expect(isShortcutsKey(key('/'))).toBe(false);
    expect(isShortcutsKey(key('F1', { altKey: true }))).toBe(false);
  });

  it('lists the send, save, cancel, tab and tree keys the app handles', () => {
    const all = shortcutGroups(false).flatMap((group) => group.shortcuts.map((shortcut) => shortcut.keys));
    for (const keys of ['Ctrl+Enter', 'Ctrl+S', 'Esc', 'F2', 'Shift+F10', 'Alt+↑ Alt+↓', 'F6', 'Shift+F6', ...Object.values(TAB_SHORTCUT_KEYS)])
      expect(all).toContain(keys);
    expect(shortcutGroups(true).flatMap((group) => group.shortcuts.map((shortcut) => shortcut.keys))).toContain('⌘+Enter');
  });
});
