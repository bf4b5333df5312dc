import type { VaultStatus } from '../../../shared/contract';
import { InlineMessage } from '../../ui';
import styles from './vault-link.module.css';

/** The way out of "the vault is locked": the button that opens the vault dialog, named for what it will ask. */
export function VaultNeededMessage({
  tone,
  vault,
  children,
  onOpenVault,
}: {
  tone: 'error' | 'warning';
  vault: VaultStatus;
  children: string;
  onOpenVault: () => void;
}) {
  return (
    <InlineMessage tone={tone}>
      {children}{' '}
      <button type="button" className={styles.link} aria-haspopup="dialog" onClick={onOpenVault}>
        {vault.state === 'uninitialized' ? 'Set a vault passphrase…' : 'Unlock vault…'}
      </button>
    </InlineMessage>
  );
}
