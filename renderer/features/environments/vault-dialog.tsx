import { vaultDialogMode, vaultDialogTitle } from '../../../shared/environments';
import { Dialog, InlineMessage } from '../../ui';
import { SetPassphraseForm } from './set-passphrase-form';
import { UnlockVaultForm } from './unlock-vault-form';
import { VaultDetails } from './vault-details';
import { useVariablesState } from './variables-queries';
import styles from './vault-dialog.module.css';
import padlock from './vault-indicator.module.css';

/**
 * The vault, as its state asks: choose a passphrase, unlock, or (unlocked) lock and change it. Mounted while open.
 * A warning from the main process (no OS keyring) is repeated here, where the user decides what to do about it.
 */
export function VaultDialog({ onClose }: { onClose: () => void }) {
  const state = useVariablesState();
  const status = state.data?.vault ?? null;
  const mode = status ? vaultDialogMode(status) : null;
  return (
    <Dialog
      open
      layout="panel"
      className={styles.dialog}
      title={
        <>
          <span className={status?.state === 'unlocked' ? `${padlock.lock} ${padlock.lockOpen}` : padlock.lock} aria-hidden="true" />
          {mode ? vaultDialogTitle(mode) : 'Vault'}
        </>
      }
      onClose={onClose}
    >
      <div className={styles.body}>
        {status?.warning ? <InlineMessage tone="warning">{status.warning}</InlineMessage> : null}
        {!status ? (
          state.error ? (
            <InlineMessage tone="error">The vault is unavailable.</InlineMessage>
          ) : (
            <p className={styles.text}>Loading…</p>
          )
        ) : mode === 'set' ? (
          <SetPassphraseForm kdf={status.kdf} onDone={onClose} onCancel={onClose} />
        ) : mode === 'unlock' ? (
          <UnlockVaultForm onDone={onClose} onCancel={onClose} />
        ) : (
          <VaultDetails status={status} onClose={onClose} />
        )}
      </div>
    </Dialog>
  );
}
