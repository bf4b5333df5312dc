import { useCallback, useEffect, useRef, type SyntheticEvent } from 'react';
import { keepFocusIn } from '../../ui';

/**
 * A native <dialog> shown modally for as long as the component that owns it is mounted. The browser gives the focus
 * trap, Escape and the inert background; this hook moves focus to the element marked `data-autofocus`, keeps it in
 * the dialog when the control that had it re-renders away, and, when the dialog goes away, returns it to whatever had
 * it before.
 *
 * `onClose` is for the dialog's close event: a close event that arrives while the dialog is open again (StrictMode
 * mounts twice in development) is stale and ignored.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const stopKeeping = keepFocusIn(dialog);
    return () => {
      stopKeeping();
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
      // the opener is gone (e.g. an "Unlock vault" button that the unlock made unnecessary): stay in the dialog below
      else document.querySelector<HTMLElement>('dialog[open] [data-autofocus]')?.focus();
    };
  }, []);
  const handleClose = useCallback(
    (event: SyntheticEvent<HTMLDialogElement>) => {
      if (event.currentTarget.open) return;
      onClose();
    },
    [onClose],
  );
  return { ref, handleClose };
}
