import type { VaultStatus } from '../../../shared/contract';
import { Button, InlineMessage } from '../../ui';
import type { ErrorView } from './error-view';
import { VaultNeededMessage } from './vault-needed-message';
import styles from './scope-save-bar.module.css';
import editor from './environment-editor.module.css';

interface ScopeSaveBarProps {
  dirty: boolean;
  problemCount: number;
  saving: boolean;
  needsVault: boolean;
  failure: ErrorView | null;
  vault: VaultStatus;
  onSave: () => void;
  onRevert: () => void;
  onOpenVault: () => void;
}

/** Save and Revert, whether there is anything to save, and why the last attempt failed (in the bridge's words). */
export function ScopeSaveBar({ dirty, problemCount, saving, needsVault, failure, vault, onSave, onRevert, onOpenVault }: ScopeSaveBarProps) {
  const status = saving
    ? 'Saving…'
    : dirty
      ? problemCount > 0
        ? `Unsaved changes — fix ${problemCount === 1 ? 'the problem' : `${problemCount} problems`} above to save`
        : 'Unsaved changes'
      : '';
  return (
    <div className={styles.saveBar}>
      {failure ? (
        failure.code === 'VAULT_LOCKED' && vault.state !== 'unlocked' ? (
          <VaultNeededMessage tone="error" vault={vault} onOpenVault={onOpenVault}>
            {failure.message}
          </VaultNeededMessage>
        ) : (
          <InlineMessage tone="error">{failure.message}</InlineMessage>
        )
      ) : needsVault ? (
        <VaultNeededMessage tone="warning" vault={vault} onOpenVault={onOpenVault}>
          Saving encrypts secret values, which needs the vault unlocked.
        </VaultNeededMessage>
      ) : null}
      <div className={styles.line}>
        <span className={dirty ? `${styles.status} ${styles.statusDirty}` : styles.status} role="status">
          {dirty ? <span className={editor.dirtyDot} aria-hidden="true" /> : null}
          {status}
        </span>
        <Button disabled={!dirty || saving} onClick={onRevert}>
          Revert
        </Button>
        <Button variant="primary" disabled={!dirty || saving || problemCount > 0} onClick={onSave}>
          Save
        </Button>
      </div>
    </div>
  );
}
