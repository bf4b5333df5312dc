import { useEffect, useId, useRef, type ReactNode } from 'react';
import { keepFocusIn } from '../../ui';

interface ModalProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: (ids: { describedBy: string }) => ReactNode;
  /** alertdialog for questions that need an answer (unsaved changes) */
  role?: 'dialog' | 'alertdialog';
}

/** The browser's <dialog> gives the focus trap, Escape and the inert background. */
export function Modal({ open, title, onClose, children, role = 'dialog' }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const describedBy = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs before the dialog is shown, so showModal would move focus to the first button.
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
      first?.focus();
      // A suggested value (the request's name) is selected, so typing replaces it, as in a file manager's Save as.
      if (first instanceof HTMLInputElement) first.select();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  // Focus stays in the dialog when the control that had it re-renders away (an error message replaced, say).
  useEffect(() => {
    const dialog = ref.current;
    return dialog ? keepFocusIn(dialog) : undefined;
  }, []);
  return (
    <dialog ref={ref} className="ws-dialog" role={role} aria-labelledby={titleId} aria-describedby={describedBy} onClose={onClose}>
      {open ? (
        <>
          <h2 id={titleId} className="ws-dialog__title">
            {title}
          </h2>
          {children({ describedBy })}
        </>
      ) : null}
    </dialog>
  );
}
