import { useState } from 'react';
import { vaultDialogMode } from '../../../shared/environments';
import { useVariablesState } from './variables-queries';
import { Button } from '../../ui';
import styles from './vault-warning-banner.module.css';

/**
 * What the main process says the user must hear about the vault (e.g. Electron on Linux without a keyring, where
 * secrets would be stored with a hard-coded key), with the way out: the vault dialog.
 */
export function VaultWarningBanner({ onOpenVault }: { onOpenVault: () => void }) {
  const state = useVariablesState();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const vault = state.data?.vault;
  if (!vault?.warning || dismissed === vault.warning) return null;
  const mode = vaultDialogMode(vault);
  const action = mode === 'set' ? 'Set a vault passphrase' : mode === 'unlock' ? 'Unlock vault' : 'Vault settings';
  return (
    <div className={styles.banner} role="alert">
      <span className={styles.icon} aria-hidden="true">
        !
      </span>
      <span className={styles.text}>{vault.warning}</span>
      <Button onClick={onOpenVault}>{action}</Button>
      <Button variant="quiet" aria-label="Dismiss vault warning" onClick={() => setDismissed(vault.warning)}>
        Dismiss
      </Button>
    </div>
  );
}
