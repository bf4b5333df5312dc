import { useEffect, useId, useRef } from 'react';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/**
 * A modal question before something that cannot be undone. The browser's <dialog> gives the focus trap, Escape and
 * the inert background; role=alertdialog tells assistive tech it needs an answer.
 */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);

  return (
    <dialog ref={ref} className="hp-dialog" role="alertdialog" aria-labelledby={titleId} aria-describedby={messageId} onClose={onClose}>
      {request ? (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            request.onConfirm();
            onClose();
          }}
        >
          <h2 id={titleId} className="hp-dialog__title">
            {request.title}
          </h2>
          <p id={messageId} className="hp-dialog__message">
            {request.message}
          </p>
          <div className="hp-dialog__actions">
            <button type="button" className="hp-button" onClick={onClose} autoFocus>
              Cancel
            </button>
            <button type="submit" className="hp-button hp-button--danger">
              {request.confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
