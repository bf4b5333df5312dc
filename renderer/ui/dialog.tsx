import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { keepFocusIn } from './keep-focus';
import styles from './dialog.module.css';

interface DialogProps {
  open: boolean;
  title: ReactNode;
  /** Escape, or the browser closing the dialog: the owner decides (usually by setting `open` to false) */
  onClose: () => void;
  /** alertdialog for a question that needs an answer (unsaved changes, delete) */
  role?: 'dialog' | 'alertdialog';
  /** the sentence under the title; the dialog's accessible description */
  description?: ReactNode;
  /** what went wrong, in a line above the actions (announced) */
  error?: ReactNode;
  /** the row of buttons at the bottom, in reading order (the primary one last) */
  actions?: ReactNode;
  /** given: the body and the actions are a form, so Enter in a field submits it */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** width: normal 440px, wide 620px, large 720px, xlarge 900px (each at most the window less a margin) */
  size?: 'normal' | 'wide' | 'large' | 'xlarge';
  /** render the children while closed too (a view whose state outlives hiding it) */
  keepMounted?: boolean;
  /**
   * form: padded, with description, error and actions. panel: a title bar with a Close (×) button over children
   * that lay themselves out (the environment editor's sidebar and table)
   */
  layout?: 'form' | 'panel';
  /**
   * panel layout: controls in the title bar after the title (a view switch, the window's own buttons). Given, they
   * take the place of the Close (×) button, so they must include a way out
   */
  headerControls?: ReactNode;
  /** keys the dialog handles besides Escape (Ctrl+S); runs first, and may take Escape by preventing its default */
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  className?: string;
  children?: ReactNode;
}

const TEXT_INPUT = /^(text|search|url|email|tel|password)$/;

/**
 * The window's modal dialog: a native <dialog> shown with showModal, which gives the focus trap and the inert
 * background. On opening, focus goes to the element marked `data-autofocus` (a suggested value in it is selected,
 * so typing replaces it, as in a file manager's Save as); it stays in the dialog when the control that had it
 * re-renders away; on closing it goes back to the control that opened the dialog.
 */
export function Dialog({
  open,
  title,
  onClose,
  role = 'dialog',
  description,
  error,
  actions,
  onSubmit,
  size = 'normal',
  keepMounted = false,
  layout = 'form',
  headerControls,
  onKeyDown: onOwnKeyDown,
  className,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const latestOpen = useRef(open);
  // true from our own close() until the dialog is shown again: its close event is not news for the owner
  const closedByUs = useRef(false);
  useEffect(() => {
    latestOpen.current = open;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closedByUs.current = false;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
    first?.focus();
    if (first instanceof HTMLInputElement && TEXT_INPUT.test(first.type)) first.select();
    const stopKeeping = keepFocusIn(dialog);
    return () => {
      stopKeeping();
      closedByUs.current = true;
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
      // the opener is gone (an "Unlock vault" button the unlock made unnecessary): stay in the dialog below
      else document.querySelector<HTMLElement>('dialog[open] [data-autofocus]')?.focus();
    };
  }, [open]);

  // Escape is handled here rather than left to the browser's cancel, so the owner's `open` stays the one truth; a
  // control inside that takes Escape for itself (a menu, an editor's suggestions) marks the event and wins.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    onOwnKeyDown?.(event);
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onClose();
  };

  const body = (
    <>
      {description ? (
        <p id={descriptionId} className={styles.description}>
          {description}
        </p>
      ) : null}
      {children}
      {error ? <DialogError>{error}</DialogError> : null}
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </>
  );
  const classes = [styles.dialog, size === 'normal' ? undefined : styles[size], layout === 'panel' ? styles.panel : undefined, className]
    .filter(Boolean)
    .join(' ');
  const content =
    layout === 'panel' ? (
      <>
        <header className={styles.panelHeader}>
          <h2 id={titleId} className={styles.panelTitle}>
            {title}
          </h2>
          {headerControls ?? (
            <button type="button" className={`ui-icon-button ${styles.close}`} aria-label="Close" title="Close (Esc)" onClick={onClose}>
              ×
            </button>
          )}
        </header>
        {children}
      </>
    ) : (
      <>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        {onSubmit ? (
          <form className={styles.body} onSubmit={onSubmit}>
            {body}
          </form>
        ) : (
          <div className={styles.body}>{body}</div>
        )}
      </>
    );
  return (
    <dialog
      ref={ref}
      className={classes}
      role={role}
      // shown with showModal (the page behind is inert); said outright for assistive tech that reads the attribute
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // any other way the browser asks to close (a close watcher): the owner decides
        event.preventDefault();
        onClose();
      }}
      onClose={(event) => {
        // closed by the browser while the owner still has it open (a form with method="dialog"): tell the owner. Our
        // own close() is not news, nor a close event that arrives once the dialog is shown again (StrictMode runs the
        // effect twice in development; Chromium delivers the event later).
        if (latestOpen.current && !closedByUs.current && !event.currentTarget.open) onClose();
      }}
    >
      {open || keepMounted ? content : null}
    </dialog>
  );
}

/**
 * The dialog's error line, for a dialog whose message under the fields is sometimes an error and sometimes
 * something else (the vault offered in place): the `error` prop renders the same.
 */
export function DialogError({ children }: { children: ReactNode }) {
  return (
    <p className={styles.error} role="alert">
      {children}
    </p>
  );
}
