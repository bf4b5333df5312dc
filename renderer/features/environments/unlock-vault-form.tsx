import { useRef, useState, type FormEvent } from 'react';
import { toErrorView } from './error-view';
import { PassphraseField } from './passphrase-field';
import { useVaultMutation } from './variables-queries';
import { Button } from '../../ui';
import styles from './vault-dialog.module.css';

/** Asks for the passphrase; a wrong one is said plainly under the field, which keeps what was typed. */
export function UnlockVaultForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  const unlock = useVaultMutation('vault.unlock');
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') {
      setMissing(true);
      input.current?.focus();
      return;
    }
    unlock.mutate(
      { passphrase },
      {
        onSuccess: onDone,
        onError: () => {
          input.current?.focus();
          input.current?.select();
        },
      },
    );
  };

  const problem = missing ? 'Enter the vault passphrase.' : unlock.error ? toErrorView(unlock.error).message : null;
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <p className={styles.text}>Secrets are encrypted with your vault passphrase. Unlock the vault to use them in requests and to reveal or change them.</p>
      <PassphraseField
        ref={input}
        label="Passphrase"
        value={passphrase}
        autoComplete="current-password"
        initialFocus
        problem={problem}
        onChange={(value) => {
          setPassphrase(value);
          setMissing(false);
          if (unlock.error) unlock.reset();
        }}
      />
      <div className={styles.actions}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={unlock.isPending}>
          {unlock.isPending ? 'Unlocking…' : 'Unlock'}
        </Button>
      </div>
    </form>
  );
}
