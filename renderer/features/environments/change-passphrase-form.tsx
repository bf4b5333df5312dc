import { useRef, useState, type FormEvent } from 'react';
import { newPassphraseProblems, type NewPassphraseProblems } from '../../../shared/environments';
import { Button, InlineMessage } from '../../ui';
import { toErrorView } from './error-view';
import { PassphraseField } from './passphrase-field';
import { useVaultMutation } from './variables-queries';
import styles from './vault-dialog.module.css';

/** Re-encrypts every secret under a new passphrase; the current one must be right. */
export function ChangePassphraseForm({ onCancel }: { onCancel: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<NewPassphraseProblems & { current?: string }>({});
  const [changed, setChanged] = useState(false);
  const change = useVaultMutation('vault.changePassphrase');
  const currentInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { ...newPassphraseProblems(next, confirm), ...(current === '' ? { current: 'Enter the current passphrase.' } : {}) };
    setProblems(found);
    setChanged(false);
    if (found.current || found.next || found.confirm) return;
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setChanged(true);
        },
        onError: (error) => {
          if (toErrorView(error).code === 'WRONG_PASSPHRASE') {
            currentInput.current?.focus();
            currentInput.current?.select();
          }
        },
      },
    );
  };

  const error = change.error ? toErrorView(change.error) : null;
  const wrong = error?.code === 'WRONG_PASSPHRASE';
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setProblems({});
    setChanged(false);
    if (change.error) change.reset();
  };

  return (
    <form className={`${styles.form} ${styles.formNested}`} onSubmit={submit} noValidate aria-label="Change passphrase">
      <PassphraseField
        ref={currentInput}
        label="Current passphrase"
        value={current}
        autoComplete="current-password"
        initialFocus
        problem={problems.current ?? (wrong ? error.message : null)}
        onChange={edit(setCurrent)}
      />
      <PassphraseField label="New passphrase" value={next} autoComplete="new-password" problem={problems.next} onChange={edit(setNext)} />
      <PassphraseField label="Confirm new passphrase" value={confirm} autoComplete="new-password" problem={problems.confirm} onChange={edit(setConfirm)} />
      {error && !wrong ? <InlineMessage tone="error">{error.message}</InlineMessage> : null}
      {changed ? <InlineMessage tone="info">Passphrase changed. Every secret is now encrypted with the new key.</InlineMessage> : null}
      <div className={styles.actions}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={change.isPending}>
          {change.isPending ? 'Re-encrypting…' : 'Change passphrase'}
        </Button>
      </div>
    </form>
  );
}
