import { useEffect, useId, useRef } from 'react';

export type SecretBodyAction = 'save' | 'copy';

const WORDING: Record<SecretBodyAction, { title: string; effect: string; confirm: string }> = {
  save: { title: 'Save a body that contains a secret?', effect: 'Saving writes it to a file in plain text.', confirm: 'Save anyway' },
  copy: { title: 'Copy a body that contains a secret?', effect: 'Copying puts it on the clipboard, where other apps can read it.', confirm: 'Copy anyway' },
};

/**
 * Asked before a body that echoes one of the request's secret values leaves Courier: the window shows the real
 * bytes, but writing them out is the user's decision, made knowing why. A native <dialog> gives the focus trap and
 * Escape; role=alertdialog says an answer is needed.
 */
export function SecretBodyConfirm({ action, onConfirm, onClose }: { action: SecretBodyAction | null; onConfirm: () => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (action && !dialog.open) dialog.showModal();
    if (!action && dialog.open) dialog.close();
  }, [action]);

  const wording = action ? WORDING[action] : null;
  return (
    <dialog ref={ref} className="response-secret-dialog" role="alertdialog" aria-labelledby={titleId} aria-describedby={messageId} onClose={onClose}>
      {wording ? (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
            onClose();
          }}
        >
          <h2 id={titleId} className="response-secret-dialog__title">
            {wording.title}
          </h2>
          <p id={messageId} className="response-secret-dialog__message">
            The response repeats a secret value this request sent (a secret variable, a vault value or a credential).{' '}
            {wording.effect}
          </p>
          <div className="response-secret-dialog__actions">
            <button type="button" onClick={onClose} autoFocus>
              Cancel
            </button>
            <button type="submit">{wording.confirm}</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
