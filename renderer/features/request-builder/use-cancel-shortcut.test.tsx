// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, renderHook } from '@testing-library/react';
import { useCancelShortcut } from './use-cancel-shortcut';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

const press = (target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};

describe('useCancelShortcut', () => {
  it('cancels on Escape only while enabled', () => {
    const onCancel = vi.fn();
    const { rerender } = renderHook(({ enabled }) => useCancelShortcut(onCancel, enabled), { initialProps: { enabled: false } });
    press();
    expect(onCancel).not.toHaveBeenCalled();
    rerender({ enabled: true });
    expect(press().defaultPrevented).toBe(true);
    expect(onCancel).toHaveBeenCalledTimes(1);
    press(document.body, { key: 'Enter' });
    press(document.body, { ctrlKey: true });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('leaves Escape to a dialog, a menu, an editor widget or a control that took it', () => {
    const onCancel = vi.fn();
    renderHook(() => useCancelShortcut(onCancel, true));

    // A closed <dialog> stays in the page and does not count; an open one takes Escape.
    const dialog = document.createElement('dialog');
    document.body.append(dialog);
    press();
    expect(onCancel).toHaveBeenCalledTimes(1);
    dialog.setAttribute('open', '');
    press();
    dialog.remove();

    const menu = document.createElement('div');
    menu.setAttribute('role', 'menu');
    document.body.append(menu);
    press();
    menu.remove();

    const editor = document.createElement('div');
    editor.className = 'monaco-editor';
    editor.innerHTML = '<div class="suggest-widget visible"></div>';
    document.body.append(editor);
    press();
    editor.remove();

    const input = document.createElement('input');
    input.addEventListener('keydown', (event) => event.preventDefault());
    document.body.append(input);
    press(input);
    expect(onCancel).toHaveBeenCalledTimes(1);

    press();
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});
