import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/contract';
import { MIN_PASSPHRASE_LENGTH, describeKdf, newPassphraseProblems, type NewPassphraseProblems } from '../../../shared/environments';
import { Button, InlineMessage } from '../../ui';
import { toErrorView } from './error-view';
import { PassphraseField } from './passphrase-field';
import { useVaultMutation } from './variables-queries';
import styles from './vault-dialog.module.css';

/** The first passphrase: what it protects, how, and that nobody can recover it. */
export function SetPassphraseForm({ kdf, onDone, onCancel }: { kdf: VaultStatus['kdf']; onDone: () => void; onCancel: () => void }) {
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<NewPassphraseProblems>({});
  const unlock = useVaultMutation('vault.unlock');
  const kdfText = describeKdf(kdf);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = newPassphraseProblems(next, confirm);
    setProblems(found);
    if (found.next || found.confirm) return;
    unlock.mutate({ passphrase: next }, { onSuccess: onDone });
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <p className={styles.text}>
        Secret variables are encrypted with AES-256-GCM, using a key derived from this passphrase by {kdfText ?? 'scrypt'}. The passphrase itself is never
        stored.
      </p>
      <InlineMessage tone="warning">A forgotten passphrase cannot be recovered: the secrets it protects would have to be entered again.</InlineMessage>
      <PassphraseField
        label="Passphrase"
        value={next}
        autoComplete="new-password"
        initialFocus
        hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
        problem={problems.next}
        onChange={(value) => {
          setNext(value);
          setProblems({});
        }}
      />
      <PassphraseField
        label="Confirm passphrase"
        value={confirm}
        autoComplete="new-password"
        problem={problems.confirm}
        onChange={(value) => {
          setConfirm(value);
          setProblems({});
        }}
      />
      {unlock.error ? <InlineMessage tone="error">{toErrorView(unlock.error).message}</InlineMessage> : null}
      <div className={styles.actions}>
        <Button onClick={onCancel}>Not now</Button>
        <Button type="submit" variant="primary" disabled={unlock.isPending}>
          {unlock.isPending ? 'Setting…' : 'Set passphrase'}
        </Button>
      </div>
    </form>
  );
}
