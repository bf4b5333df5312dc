import { useState } from 'react';
import type { VaultStatus } from '../../../shared/contract';
import { describeKdf, osKeychainPhrase, secretCountLine } from '../../../shared/environments';
import { Button, InlineMessage } from '../../ui';
import { ChangePassphraseForm } from './change-passphrase-form';
import { toErrorView } from './error-view';
import { useVaultMutation } from './variables-queries';
import styles from './vault-dialog.module.css';

/** An unlocked vault: how secrets are protected, how many there are, and (passphrase mode) lock or change it. */
export function VaultDetails({ status, onClose }: { status: VaultStatus; onClose: () => void }) {
  const [changing, setChanging] = useState(false);
  const lock = useVaultMutation('vault.lock');
  const passphrase = status.backend === 'passphrase';
  const kdf = describeKdf(status.kdf);
  return (
    <div className={styles.form}>
      <dl className={styles.facts}>
        <dt>Protection</dt>
        <dd>{passphrase ? `Passphrase: AES-256-GCM, key from ${kdf ?? 'scrypt'}` : osKeychainPhrase(status.osBackend)}</dd>
        <dt>State</dt>
        <dd>{status.state === 'unlocked' ? 'Unlocked' : status.state === 'locked' ? 'Locked' : 'No passphrase yet'}</dd>
        <dt>Stored</dt>
        <dd>{secretCountLine(status)}</dd>
      </dl>
      {status.unreadableCount > 0 ? (
        <InlineMessage tone="warning">
          Values that can’t be decrypted are flagged on their variable in the environment editor. Only those values are affected; type a new value to replace
          one.
        </InlineMessage>
      ) : null}
      {lock.error ? <InlineMessage tone="error">{toErrorView(lock.error).message}</InlineMessage> : null}
      {passphrase && changing ? <ChangePassphraseForm onCancel={() => setChanging(false)} /> : null}
      {changing ? null : (
        <div className={styles.actions}>
          {passphrase ? (
            <>
              <Button data-autofocus="" autoFocus onClick={() => setChanging(true)}>
                Change passphrase…
              </Button>
              <Button disabled={lock.isPending} onClick={() => lock.mutate({}, { onSuccess: onClose })}>
                Lock vault
              </Button>
            </>
          ) : null}
          <Button variant="primary" data-autofocus={passphrase ? undefined : ''} onClick={onClose}>
            Done
          </Button>
        </div>
      )}
    </div>
  );
}
