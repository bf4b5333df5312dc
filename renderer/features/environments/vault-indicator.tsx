import { vaultIndicator } from '../../../shared/environments';
import { useVariablesState } from './variables-queries';
import styles from './vault-indicator.module.css';

const TONE_CLASS: Record<ReturnType<typeof vaultIndicator>['tone'], string | undefined> = {
  ok: styles.ok,
  locked: styles.locked,
  setup: styles.setup,
  warning: styles.warning,
};

/** The vault's state in the top bar; pressing it opens the vault dialog (unlock, set or change the passphrase, lock). */
export function VaultIndicator({ onOpen }: { onOpen: () => void }) {
  const state = useVariablesState();
  if (!state.data) return null;
  const view = vaultIndicator(state.data.vault);
  return (
    <button
      type="button"
      className={`${styles.indicator} ${TONE_CLASS[view.tone]}`}
      aria-label={view.name}
      aria-haspopup="dialog"
      title={state.data.vault.warning ?? view.name}
      onClick={onOpen}
    >
      <span className={state.data.vault.state === 'unlocked' ? `${styles.lock} ${styles.lockOpen}` : styles.lock} aria-hidden="true" />
      {view.text}
    </button>
  );
}
