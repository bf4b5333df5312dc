import { useEffect, useId, useRef, type ReactNode } from 'react';

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
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
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
