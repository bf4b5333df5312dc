// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './button';
import { Dialog } from './dialog';

afterEach(cleanup);

/** A button that opens a dialog with a suggested name, as the Save request dialog does. */
function Opener({ onSubmit = () => undefined, error }: { onSubmit?: (name: string) => void; error?: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('users-list');
  return (
    <>
      <Button onClick={() => setOpen(true)}>Save as…</Button>
      <Dialog
        open={open}
        title="Save request"
        description="Requests are saved as files."
        error={error}
        onClose={() => setOpen(false)}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(name);
          setOpen(false);
        }}
        actions={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary">
              Save
            </Button>
          </>
        }
      >
        <input aria-label="Request name" value={name} onChange={(event) => setName(event.target.value)} data-autofocus />
      </Dialog>
    </>
  );
}

const openDialog = () => {
  const opener = screen.getByRole('button', { name: 'Save as…' });
  opener.focus();
  fireEvent.click(opener);
  return opener;
};

describe('Dialog', () => {
  it('is shown modally, named by its title and described by its sentence, with nothing rendered while closed', () => {
    render(<Opener />);
    expect(screen.queryByRole('textbox', { name: 'Request name' })).toBeNull();
    openDialog();
    const dialog = screen.getByRole('dialog', { name: 'Save request' }) as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe('Requests are saved as files.');
  });

  it('puts focus on the data-autofocus control with its suggested value selected, so typing replaces it', () => {
    render(<Opener />);
    openDialog();
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Request name' });
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'users-list'.length]);
  });

  it('closes on Escape and gives focus back to the control that opened it', () => {
    render(<Opener />);
    const opener = openDialog();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Request name' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves Escape to a control inside that takes it for itself', () => {
    const onClose = vi.fn();
    render(
      <Dialog open title="Settings" onClose={onClose}>
        <input aria-label="Search" onKeyDown={(event) => event.key === 'Escape' && event.preventDefault()} />
      </Dialog>,
    );
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Search' }), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('submits its form from the primary action, and focus goes back to the opener', () => {
    const onSubmit = vi.fn();
    render(<Opener onSubmit={onSubmit} />);
    const opener = openDialog();
    fireEvent.change(screen.getByRole('textbox', { name: 'Request name' }), { target: { value: 'Private' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith('Private');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('shows its error line as an alert above the actions', () => {
    render(<Opener error="The folder is read-only." />);
    openDialog();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('The folder is read-only.');
    // reading order: the error, then the buttons that act on it
    expect(alert.compareDocumentPosition(screen.getByRole('button', { name: 'Save' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('is an alertdialog when it asks a question, and a dialog mounted open shows at once and returns focus when it goes', () => {
    const outside = document.createElement('button');
    outside.textContent = 'Close tab';
    document.body.append(outside);
    outside.focus();
    const { unmount } = render(
      <Dialog open role="alertdialog" title="Save changes?" onClose={() => undefined} actions={<Button data-autofocus>Cancel</Button>} />,
    );
    expect((screen.getByRole('alertdialog', { name: 'Save changes?' }) as HTMLDialogElement).open).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    unmount();
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('stays open under StrictMode, whose second effect run closes and shows it again (the stale close is ignored)', async () => {
    const onClose = vi.fn();
    render(
      <StrictMode>
        <Dialog open title="Vault" onClose={onClose} />
      </StrictMode>,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByRole('dialog', { name: 'Vault' }) as HTMLDialogElement).open).toBe(true);
  });

  it('keeps its content while closed when asked to (a view whose state outlives hiding it)', () => {
    const { rerender } = render(
      <Dialog open title="Run" onClose={() => undefined} keepMounted>
        <p>results</p>
      </Dialog>,
    );
    rerender(
      <Dialog open={false} title="Run" onClose={() => undefined} keepMounted>
        <p>results</p>
      </Dialog>,
    );
    expect(screen.getByText('results')).toBeTruthy();
    expect((document.querySelector('dialog') as HTMLDialogElement).open).toBe(false);
  });

  it("puts a panel's own header controls in place of its Close (×) button (the runner's views and buttons)", () => {
    const onClose = vi.fn();
    render(
      <Dialog open layout="panel" title="Run “Checks”" onClose={onClose} headerControls={<Button onClick={onClose}>Hide</Button>}>
        <p>options</p>
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Run “Checks”' });
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(dialog.querySelector('header')?.textContent).toBe('Run “Checks”Hide');
    fireEvent.keyDown(screen.getByText('options'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
