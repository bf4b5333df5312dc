import type { KeyboardEvent } from 'react';
import { countVariables } from '../../../shared/environments';
import { Dialog, InlineMessage } from '../../ui';
import { AllowedEnvList } from '../env-permission';
import { ConfirmBar } from './confirm-bar';
import { ScopeHeader } from './scope-header';
import { ScopeSaveBar } from './scope-save-bar';
import { ScopeSidebar } from './scope-sidebar';
import { scopeTitle, useEnvironmentEditor } from './use-environment-editor';
import { VariablesTable } from './variables-table';
import styles from './environment-editor.module.css';

export interface EnvironmentEditorProps {
  onClose: () => void;
  onOpenVault: () => void;
}

/**
 * Environments and variables, in a modal dialog that is open while mounted: the scopes on the left, the selected
 * one's variables on the right. Unsaved edits are never dropped without asking (switching scope, closing, Escape).
 */
export function EnvironmentEditor({ onClose, onOpenVault }: EnvironmentEditorProps) {
  const editor = useEnvironmentEditor(onClose);
  const { state, scope } = editor;

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      editor.save();
    }
  };

  return (
    // closing (Escape, ×) asks first when there are unsaved edits
    <Dialog open layout="panel" className={styles.editor} title="Environments and variables" onClose={editor.requestClose} onKeyDown={onKeyDown}>
      {!state || !scope ? (
        <div className={styles.loading}>{editor.loadError ? <InlineMessage tone="error">{editor.loadError.message}</InlineMessage> : <p>Loading…</p>}</div>
      ) : (
        <div className={styles.body}>
          <ScopeSidebar
            state={state}
            selectedId={scope.id}
            dirty={editor.dirty}
            selectedCount={countVariables(editor.rows)}
            onSelect={editor.selectScope}
            onAddEnvironment={editor.addEnvironment}
            footer={<AllowedEnvList />}
          />
          <section className={styles.main} aria-label={scopeTitle(scope)}>
            {editor.confirm ? <ConfirmBar request={editor.confirm} onDismiss={editor.dismissConfirm} /> : null}
            <ScopeHeader
              key={scope.id}
              scope={scope}
              title={scopeTitle(scope)}
              environments={state.environments}
              active={scope.id === state.activeEnvironmentId}
              dirty={editor.dirty}
              busy={editor.busy}
              onRename={editor.renameEnvironment}
              onDuplicate={editor.duplicateEnvironment}
              onDelete={editor.deleteEnvironment}
              onMakeActive={editor.makeActive}
            />
            <div className={styles.tableArea}>
              <VariablesTable
                key={`${scope.id}:${editor.generation}:${state.vault.state}`}
                label={`Variables in ${scopeTitle(scope)}`}
                scopeId={scope.id}
                rows={editor.rows}
                problems={editor.problems}
                overridden={editor.overridden}
                onChange={editor.setRows}
                onRevealError={editor.reportError}
              />
            </div>
            <ScopeSaveBar
              dirty={editor.dirty}
              problemCount={editor.problems.size}
              saving={editor.saving}
              needsVault={editor.needsVault}
              failure={editor.failure}
              vault={state.vault}
              onSave={editor.save}
              onRevert={editor.revert}
              onOpenVault={onOpenVault}
            />
          </section>
        </div>
      )}
    </Dialog>
  );
}
