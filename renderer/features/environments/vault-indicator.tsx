import { vaultIndicator } from '../../../shared/environments';
import { useVariablesState } from './variables-queries';
import './environments.css';

/** The vault's state in the top bar; pressing it opens the vault dialog (unlock, set or change the passphrase, lock). */
export function VaultIndicator({ onOpen }: { onOpen: () => void }) {
  const state = useVariablesState();
  if (!state.data) return null;
  const view = vaultIndicator(state.data.vault);
  return (
    <button
      type="button"
      className={`env-vault-indicator env-vault-indicator--${view.tone}`}
      aria-label={view.name}
      aria-haspopup="dialog"
      title={state.data.vault.warning ?? view.name}
      onClick={onOpen}
    >
      <span className={`env-lock env-lock--${state.data.vault.state === 'unlocked' ? 'open' : 'closed'}`} aria-hidden="true" />
      {view.text}
    </button>
  );
}
