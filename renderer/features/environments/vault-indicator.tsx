import { vaultIndicator } from '../../../shared/environments';
import { useVariablesState } from './variables-queries';
import { lastKnown } from '../../lib/last-known';
import styles from './vault-indicator.module.css';

// what vaultIndicator says of a vault not set up yet: the state a first start finds
const FIRST_RUN_TEXT = 'Set a vault passphrase';

const TONE_CLASS: Record<ReturnType<typeof vaultIndicator>['tone'], string | undefined> = {
  ok: styles.ok,
  locked: styles.locked,
  setup: styles.setup,
  warning: styles.warning,
};

/** The vault's state in the top bar; pressing it opens the vault dialog (unlock, set or change the passphrase, lock). */
export function VaultIndicator({ onOpen }: { onOpen: () => void }) {
  const state = useVariablesState();
  const view = state.data ? vaultIndicator(state.data.vault) : undefined;
  const text = lastKnown('courier.vaultIndicatorText', view?.text, FIRST_RUN_TEXT);
  // Until the vault's state arrives, its room is kept (it came in late and pushed the Send hint and the environment
  // picker 180 px to the left): the same box, the text it had last time, not shown and not announced.
  if (!state.data || !view)
    return (
      <span className={`${styles.indicator} ${styles.placeholder}`} aria-hidden="true">
        <span className={styles.lock} />
        {text}
      </span>
    );
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
