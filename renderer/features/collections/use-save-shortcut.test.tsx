// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useSaveShortcut } from './use-save-shortcut';

afterEach(cleanup);

function Window({ onSave, onDialogSave }: { onSave: () => void; onDialogSave: () => void }) {
  useSaveShortcut(onSave, () => undefined);
  return (
    <>
      <input aria-label="URL" />
      <dialog open onKeyDown={(event) => event.ctrlKey && event.key === 's' && onDialogSave()}>
        <input aria-label="Variable 1 name" />
      </dialog>
    </>
  );
}

describe('useSaveShortcut', () => {
  it('saves the request from the window, but leaves Ctrl+S inside a dialog to the dialog (the environments editor)', () => {
    const onSave = vi.fn();
    const onDialogSave = vi.fn();
    render(<Window onSave={onSave} onDialogSave={onDialogSave} />);
    fireEvent.keyDown(screen.getByLabelText('URL'), { key: 's', ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByLabelText('Variable 1 name'), { key: 's', ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onDialogSave).toHaveBeenCalledTimes(1);
  });
});
