import { useVariablesState } from './variables-queries';
import styles from './vault-link.module.css';

interface VaultRetryButtonProps {
  onOpenVault: () => void;
  /** the send the locked vault refused, made again */
  onRetry: () => void;
  className?: string;
}

/**
 * The way on from a send refused because the vault is locked: "Unlock vault…" (or "Set a vault passphrase…"), and
 * once the vault is unlocked the same button says "Send again". It stays one element, so the vault dialog returns
 * focus to it and Enter resends.
 */
export function VaultRetryButton({ onOpenVault, onRetry, className = styles.link }: VaultRetryButtonProps) {
  const state = useVariablesState().data?.vault.state ?? null;
  const unlocked = state === 'unlocked';
  return (
    <button type="button" className={className} aria-haspopup={unlocked ? undefined : 'dialog'} onClick={unlocked ? onRetry : onOpenVault}>
      {unlocked ? 'Send again' : state === 'uninitialized' ? 'Set a vault passphrase…' : 'Unlock vault…'}
    </button>
  );
}
