import { describe, expect, it } from 'vitest';
import { neighbourTabId, tabShortcutOf, type KeyLike } from './tab-shortcuts';

const press = (key: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('tab shortcuts', () => {
  it('Alt+T opens and Alt+W closes, by physical key (macOS Option+T types †)', () => {
    expect(tabShortcutOf(press('t', 'KeyT', { altKey: true }))).toBe('new');
    expect(tabShortcutOf(press('†', 'KeyT', { altKey: true }))).toBe('new');
    expect(tabShortcutOf(press('w', 'KeyW', { altKey: true }))).toBe('close');
  });

  it('Ctrl+Alt+PageDown / PageUp move to the next / previous tab', () => {
    expect(tabShortcutOf(press('PageDown', 'PageDown', { altKey: true, ctrlKey: true }))).toBe('next');
    expect(tabShortcutOf(press('PageUp', 'PageUp', { altKey: true, ctrlKey: true }))).toBe('previous');
  });

  it("leaves the browser's and editors' keys alone", () => {
    expect(tabShortcutOf(press('t', 'KeyT', { ctrlKey: true }))).toBeNull();
    expect(tabShortcutOf(press('w', 'KeyW', { ctrlKey: true }))).toBeNull();
    expect(tabShortcutOf(press('PageDown', 'PageDown', { ctrlKey: true }))).toBeNull();
    expect(tabShortcutOf(press('ArrowLeft', 'ArrowLeft', { altKey: true }))).toBeNull();
    expect(tabShortcutOf(press('T', 'KeyT', { altKey: true, shiftKey: true }))).toBeNull();
    expect(tabShortcutOf(press('t', 'KeyT', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(tabShortcutOf(press('t', 'KeyT', { altKey: true, metaKey: true }))).toBeNull();
  });

  it('the neighbour wraps round, and there is none with one tab', () => {
    expect(neighbourTabId(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(neighbourTabId(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(neighbourTabId(['a'], 'a', 1)).toBeNull();
  });
});
