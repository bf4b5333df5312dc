import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

export interface ConfirmDialogProps {
  /** the question ("Delete this entry?"): the dialog's accessible name */
  title: ReactNode;
  /** what answering yes does, and why it matters: the dialog's accessible description */
  description: ReactNode;
  /** says what happens ("Delete entry", "Discard changes"), never a bare "OK" */
  confirmLabel: ReactNode;
  cancelLabel?: ReactNode;
  /** danger: the answer cannot be undone; primary: it can, but still wants a decision */
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  /** the Cancel button and Escape */
  onCancel: () => void;
}

/**
 * A question with two answers before something that cannot be taken back (a delete, lost edits, a secret written
 * out); role=alertdialog says an answer is needed. It is open while it is rendered: the owner renders it to ask and
 * stops on either answer. The safe answer has the focus, so a key pressed in haste loses nothing, and Escape gives
 * it too. The buttons are plain ones, not a form: Enter acts on whichever has the focus, nothing else submits.
 */
export function ConfirmDialog({ title, description, confirmLabel, cancelLabel = 'Cancel', tone = 'danger', onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      open
      role="alertdialog"
      title={title}
      description={description}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel} data-autofocus>
            {cancelLabel}
          </Button>
          <Button variant={tone} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    />
  );
}
