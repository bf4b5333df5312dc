import { useId, type ReactNode } from 'react';
import styles from './field.module.css';

/** What a field's control needs to be labelled and described: spread it on the <input>, <select> or <textarea>. */
interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FieldProps {
  label: ReactNode;
  /** a line under the control saying what it is for or what it takes */
  hint?: ReactNode;
  /** what is wrong with the value; marks the control invalid */
  error?: ReactNode;
  /** label beside the control rather than above it */
  inline?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form control with its hint and error. The label is tied to the control by id, and the hint and error
 * by aria-describedby, so a screen reader reads them with the control.
 */
export function Field({ label, hint, error, inline = false, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={[styles.field, inline ? styles.inline : undefined, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <p id={hintId!} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId!} className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
