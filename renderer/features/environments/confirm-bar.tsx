import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { ConfirmRequest } from './use-environment-editor';
import { Button } from '../../ui';
import styles from './confirm-bar.module.css';

/**
 * A question asked inside the editor before something is lost (unsaved edits, an environment). Focus goes to the
 * safe answer; Escape gives it.
 */
export function ConfirmBar({ request, onDismiss }: { request: ConfirmRequest; onDismiss: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  const detailId = useId();
  useEffect(() => {
    // when the question goes away, focus goes back to what asked it (or, if that is gone, into the dialog)
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (returnTo?.isConnected) returnTo.focus();
      else document.querySelector<HTMLElement>('dialog[open] [data-autofocus]')?.focus();
    };
  }, []);
  useEffect(() => cancel.current?.focus(), [request]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onDismiss();
  };
  return (
    <div className={styles.confirm} role="group" aria-labelledby={messageId} aria-describedby={detailId} onKeyDown={onKeyDown}>
      <div className={styles.text}>
        <strong id={messageId}>{request.message}</strong>
        <span id={detailId}>{request.detail}</span>
      </div>
      <div className={styles.actions}>
        <Button ref={cancel} onClick={onDismiss}>
          {request.cancelLabel}
        </Button>
        <Button
          variant={request.danger ? 'danger' : 'primary'}
          onClick={() => {
            onDismiss();
            request.onConfirm();
          }}
        >
          {request.confirmLabel}
        </Button>
      </div>
    </div>
  );
}
