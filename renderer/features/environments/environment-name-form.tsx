import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../ui';
import styles from './environment-name-form.module.css';

interface EnvironmentNameFormProps {
  /** the field's accessible name, e.g. "New environment name" */
  label: string;
  submitLabel: string;
  initial?: string;
  problemFor: (name: string) => string | null;
  /** resolves true when the name was taken (the form is then closed by its owner) */
  onSubmit: (name: string) => Promise<boolean>;
  onCancel: () => void;
  /** where it sits: a line of its own in the sidebar (a new environment), or on the scope's title line (a rename) */
  placement: 'sidebar' | 'header';
}

/** An inline name field for adding or renaming an environment; Enter submits, Escape cancels. */
export function EnvironmentNameForm({ label, submitLabel, initial = '', problemFor, onSubmit, onCancel, placement }: EnvironmentNameFormProps) {
  const [name, setName] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState(false);
  const problemId = useId();
  const problem = touched ? problemFor(name) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problemFor(name) || pending) return;
    setPending(true);
    await onSubmit(name.trim());
    setPending(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // keep the dialog open: Escape here only leaves the field
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className={`${styles.form} ${placement === 'sidebar' ? styles.inSidebar : styles.inHeader}`} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <input
        type="text"
        className={styles.input}
        aria-label={label}
        placeholder={label}
        value={name}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setTouched(true);
        }}
      />
      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={pending}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      {problem ? (
        <span id={problemId} role="alert" className={styles.problem}>
          {problem}
        </span>
      ) : null}
    </form>
  );
}
