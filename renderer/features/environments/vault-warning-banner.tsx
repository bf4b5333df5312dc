import { useState } from 'react';
import { vaultDialogMode } from '../../../shared/environments';
import { useVariablesState } from './variables-queries';
import './environments.css';
import { Button } from '../../ui';

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
    <div className="env-banner" role="alert">
      <span className="env-banner__icon" aria-hidden="true">
        !
      </span>
      <span className="env-banner__text">{vault.warning}</span>
      <Button onClick={onOpenVault}>{action}</Button>
      <Button variant="quiet" aria-label="Dismiss vault warning" onClick={() => setDismissed(vault.warning)}>
        Dismiss
      </Button>
    </div>
  );
}
