import { useId, type Ref } from 'react';
import styles from './vault-dialog.module.css';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** shown under the field and announced; the field is marked invalid */
  problem?: string | null;
  hint?: string;
  autoComplete: 'current-password' | 'new-password';
  /** the field the dialog focuses when it opens */
  initialFocus?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled password input with its hint and its problem, both tied to it for assistive tech. */
export function PassphraseField({ label, value, onChange, problem, hint, autoComplete, initialFocus, ref }: PassphraseFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        type="password"
        className={styles.input}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        data-autofocus={initialFocus ? '' : undefined}
        // also on later mounts (the change form opens inside an open dialog); on the first, the dialog focuses it
        autoFocus={initialFocus}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {problem ? (
        <span id={problemId} role="alert" className={styles.problem}>
          {problem}
        </span>
      ) : null}
    </div>
  );
}
