import { useMemo, useState } from 'react';
import type { VariableScopeView } from '../../../shared/contract';
import {
  copyName,
  editsNeedVault,
  findNewEnvironment,
  isScopeDirty,
  overriddenNames,
  rebaseRows,
  rowsFromScope,
  scopeKindLabel,
  toScopeEdits,
  validateVariableRows,
  type VariableRow,
} from '../../../shared/environments';
import { toErrorView, type ErrorView } from './error-view';
import { useVariablesMutation, useVariablesState } from './variables-queries';

export interface ConfirmRequest {
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
  danger: boolean;
  onConfirm: () => void;
}

/** What the editor calls a scope: "Globals", "Workspace", or the environment's own name. */
export function scopeTitle(scope: VariableScopeView): string {
  return scope.kind === 'environment' ? scope.name : scopeKindLabel(scope.kind);
}

/**
 * The environment editor's view state: which scope is selected, the unsaved rows of that scope, and the questions to
 * ask before unsaved changes are thrown away. Durable state stays in the main process; this holds only the draft.
 */
export function useEnvironmentEditor(onClose: () => void) {
  const query = useVariablesState();
  const state = query.data;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ scopeId: string; rows: VariableRow[] } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [failure, setFailure] = useState<ErrorView | null>(null);
  // bumped on save and revert so the table forgets revealed values that may no longer be the stored ones
  const [generation, setGeneration] = useState(0);
  const save = useVariablesMutation('variables.saveScope');
  const create = useVariablesMutation('environments.create');
  const rename = useVariablesMutation('environments.rename');
  const remove = useVariablesMutation('environments.delete');
  const setActive = useVariablesMutation('environments.setActive');

  const scopes = state ? [state.global, state.collection, ...state.environments] : [];
  const scope = scopes.find((s) => s.id === selectedId) ?? scopes.find((s) => s.id === state?.activeEnvironmentId) ?? state?.global ?? null;
  const draftRows = draft && scope && draft.scopeId === scope.id ? draft.rows : null;
  const rows = useMemo(() => (scope ? (draftRows ? rebaseRows(draftRows, scope) : rowsFromScope(scope)) : []), [draftRows, scope]);
  const dirty = !!draftRows && !!scope && isScopeDirty(rows, scope);
  const problems = useMemo(() => validateVariableRows(rows), [rows]);
  const overridden = useMemo(() => (state && scope ? overriddenNames(state, scope.id) : new Map<string, string>()), [state, scope]);
  const needsVault = dirty && editsNeedVault(rows) && state?.vault.state !== 'unlocked';

  const fail = (error: unknown) => setFailure(toErrorView(error));

  /** Runs `action` now, or once the user agrees to drop the unsaved changes. */
  const guard = (action: () => void) => {
    if (!dirty || !scope) {
      action();
      return;
    }
    setConfirm({
      message: `Discard unsaved changes to “${scopeTitle(scope)}”?`,
      detail: 'The variables you edited go back to what was last saved.',
      confirmLabel: 'Discard changes',
      cancelLabel: 'Keep editing',
      danger: true,
      onConfirm: () => {
        setDraft(null);
        action();
      },
    });
  };

  const selectScope = (id: string) => {
    if (id === scope?.id) return;
    guard(() => {
      setSelectedId(id);
      setFailure(null);
    });
  };

  return {
    state,
    loadError: query.error ? toErrorView(query.error) : null,
    scope,
    rows,
    dirty,
    problems,
    overridden,
    needsVault,
    // "the vault is locked" no longer applies once it is unlocked (from this dialog or another window)
    failure: failure?.code === 'VAULT_LOCKED' && state?.vault.state === 'unlocked' ? null : failure,
    confirm,
    generation,
    saving: save.isPending,
    busy: create.isPending || rename.isPending || remove.isPending,
    selectScope,
    requestClose: () => guard(onClose),
    dismissConfirm: () => setConfirm(null),
    reportError: fail,
    setRows: (next: VariableRow[]) => {
      if (scope) setDraft({ scopeId: scope.id, rows: next });
    },
    save: () => {
      if (!scope || !dirty || problems.size > 0 || save.isPending) return;
      setFailure(null);
      save.mutate(
        { scopeId: scope.id, variables: toScopeEdits(rows) },
        {
          onSuccess: () => {
            setDraft(null);
            setGeneration((g) => g + 1);
          },
          onError: fail,
        },
      );
    },
    revert: () => {
      setDraft(null);
      setFailure(null);
      setGeneration((g) => g + 1);
    },
    /** true when the environment was created (the name form then closes) */
    addEnvironment: async (name: string): Promise<boolean> => {
      if (!state) return false;
      setFailure(null);
      try {
        const next = await create.mutateAsync({ name });
        const created = findNewEnvironment(state.environments, next.environments);
        if (created) selectScope(created.id);
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    renameEnvironment: async (name: string): Promise<boolean> => {
      if (!scope) return false;
      setFailure(null);
      try {
        await rename.mutateAsync({ id: scope.id, name });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    duplicateEnvironment: () => {
      if (!state || !scope || scope.kind !== 'environment') return;
      setFailure(null);
      create.mutate(
        {
          name: copyName(
            scope.name,
            state.environments.map((env) => env.name),
          ),
          copyFrom: scope.id,
        },
        {
          onSuccess: (next) => {
            const created = findNewEnvironment(state.environments, next.environments);
            if (created) setSelectedId(created.id);
          },
          onError: fail,
        },
      );
    },
    deleteEnvironment: () => {
      if (!state || !scope || scope.kind !== 'environment') return;
      const count = scope.variables.length;
      const id = scope.id;
      setConfirm({
        message: `Delete the environment “${scope.name}”?`,
        detail: `${count === 0 ? 'It has no variables.' : `Its ${count === 1 ? 'variable is' : `${count} variables are`} deleted with it.`}${dirty ? ' Your unsaved changes are lost too.' : ''} This cannot be undone.`,
        confirmLabel: 'Delete environment',
        cancelLabel: 'Cancel',
        danger: true,
        onConfirm: () => {
          setFailure(null);
          remove.mutate(
            { id },
            {
              onSuccess: () => {
                setDraft(null);
                setSelectedId(state.global.id);
              },
              onError: fail,
            },
          );
        },
      });
    },
    makeActive: () => {
      if (!scope || scope.kind !== 'environment') return;
      setFailure(null);
      setActive.mutate({ id: scope.id }, { onError: fail });
    },
  };
}
