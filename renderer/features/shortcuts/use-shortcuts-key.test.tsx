// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useShortcutsKey } from './use-shortcuts-key';

afterEach(cleanup);

function Window({ onOpen }: { onOpen: () => void }) {
  useShortcutsKey(onOpen);
  return (
    <>
      <button type="button">Send</button>
      <input type="checkbox" aria-label="Enable header 1" />
      <input aria-label="URL" />
      <textarea aria-label="Body" />
      <div contentEditable aria-label="Script" role="textbox" />
    </>
  );
}

describe('useShortcutsKey', () => {
  it('"?" opens the shortcut list where it would type nothing, and types a "?" in a text field or editor', () => {
    const onOpen = vi.fn();
    render(<Window onOpen={onOpen} />);
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Send' }), { key: '?', shiftKey: true });
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Enable header 1' }), { key: '?', shiftKey: true });
    expect(onOpen).toHaveBeenCalledTimes(3);
    for (const field of [
      screen.getByRole('textbox', { name: 'URL' }),
      screen.getByRole('textbox', { name: 'Body' }),
      screen.getByRole('textbox', { name: 'Script' }),
    ]) {
      expect(fireEvent.keyDown(field, { key: '?', shiftKey: true })).toBe(true);
    }
    expect(onOpen).toHaveBeenCalledTimes(3);
  });

  it('F1 and Ctrl+/ still open it from a text field', () => {
    const onOpen = vi.fn();
    render(<Window onOpen={onOpen} />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'URL' }), { key: 'F1' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'URL' }), { key: '/', ctrlKey: true });
    expect(onOpen).toHaveBeenCalledTimes(2);
  });
});
