// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buttonClass } from './button';
import { ConfirmDialog } from './confirm-dialog';

afterEach(cleanup);

const ask = (props: Partial<Parameters<typeof ConfirmDialog>[0]> = {}) => {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog
      title="Delete this entry?"
      description="GET https://shop.test/orders is deleted with its bodies."
      confirmLabel="Delete entry"
      onConfirm={onConfirm}
      onCancel={onCancel}
      {...props}
    />,
  );
  return { onConfirm, onCancel };
};

describe('ConfirmDialog', () => {
  it('is a modal alertdialog named by its title and described by its sentence', () => {
    ask();
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this entry?' }) as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe('GET https://shop.test/orders is deleted with its bodies.');
  });

  it('puts the focus on the safe answer, so a stray Enter or Space loses nothing', () => {
    ask();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('gives the safe answer on Escape', () => {
    const { onConfirm, onCancel } = ask();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('confirms from its confirm button and cancels from its cancel button, each only once', () => {
    const { onConfirm, onCancel } = ask();
    fireEvent.click(screen.getByRole('button', { name: 'Delete entry' }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('is a plain button pair, not a form: Enter on the focused confirm button clicks it, and nothing else submits', () => {
    ask();
    expect(screen.getByRole('alertdialog').querySelector('form')).toBeNull();
    for (const button of screen.getAllByRole('button')) expect(button.getAttribute('type')).toBe('button');
  });

  it('reads safe answer first, the confirm last; the confirm is danger unless told primary', () => {
    ask({ cancelLabel: 'Keep editing', confirmLabel: 'Discard changes' });
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Keep editing', 'Discard changes']);
    expect(screen.getByRole('button', { name: 'Discard changes' }).className).toBe(buttonClass({ variant: 'danger' }));
    expect(screen.getByRole('button', { name: 'Keep editing' }).className).toBe(buttonClass());
    cleanup();
    ask({ tone: 'primary', confirmLabel: 'Save anyway' });
    expect(screen.getByRole('button', { name: 'Save anyway' }).className).toBe(buttonClass({ variant: 'primary' }));
  });
});
