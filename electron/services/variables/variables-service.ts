import { randomUUID } from 'node:crypto';
import {
  CourierError,
  isCourierError,
  variableEditSchema,
  type SecretState,
  type VariableEditInput,
  type VariableScopeView,
  type VariablesState,
} from '../../../shared/contract';
import type { VariableDefinition, VariableLayer } from '../../../shared/variables';
import type { SettingsStore } from '../settings-store';
import type { Vault } from '../vault';
import {
  COLLECTION_SCOPE_ID,
  emptyLayout,
  GLOBAL_SCOPE_ID,
  layoutSchema,
  scopeSecretPrefix,
  secretId,
  VARIABLES_KEY,
  type Layout,
  type StoredEnvironment,
  type StoredVariable,
} from './layout';

export type VariablesChangeReason = 'variables' | 'environments' | 'active';

interface VariablesServiceOptions {
  store: SettingsStore;
  vault: Vault;
  onChange?: (reason: VariablesChangeReason) => void;
  /** ids for new variables and environments; random UUIDs by default */
  newId?: () => string;
}

export interface VariablesService {
  /** things the user must be told (saved variables that could not be read and were kept aside) */
  readonly notices: string[];
  state(): VariablesState;
  saveScope(input: { scopeId: string; variables: readonly VariableEditInput[] }): VariablesState;
  reveal(input: { scopeId: string; variableId: string }): { value: string };
  createEnvironment(input: { name: string; copyFrom?: string }): VariablesState;
  renameEnvironment(input: { id: string; name: string }): VariablesState;
  deleteEnvironment(input: { id: string }): VariablesState;
  setActiveEnvironment(input: { id: string | null }): VariablesState;
  /**
   * Sets one variable by name in a scope, adding it when absent (a capture after a send). A secret goes to
   * the vault through the same path as saveScope; with the vault locked it throws VAULT_LOCKED and writes nothing.
   */
  setValue(input: { scopeId: string; name: string; value: string; secret: boolean }): VariablesState;
  /** For sending: active environment, collection, global (highest precedence first); enabled variables only. */
  layers(): VariableLayer[];
}

const ENVIRONMENT_NAME_MAX = 200;

const notFound = (): CourierError =>
  new CourierError('ENVIRONMENT_NOT_FOUND', 'That environment no longer exists. It may have been deleted in another window.');

/** An unreadable secret's error, reworded to name the variable (its name is not secret; its value is). */
function unreadableAs(error: unknown, message: string): unknown {
  return isCourierError(error) && error.code === 'SECRET_UNREADABLE' ? new CourierError('SECRET_UNREADABLE', message) : error;
}

export function createVariablesService(options: VariablesServiceOptions): VariablesService {
  const { store, vault } = options;
  const newId = options.newId ?? randomUUID;
  const notices: string[] = [];
  const notify = (reason: VariablesChangeReason): void => options.onChange?.(reason);

  // This service is the only writer of its key in the process; Conf re-reads the whole file on every get.
  let data: Layout = load();

  function load(): Layout {
    const raw = store.get(VARIABLES_KEY);
    if (raw === undefined) return emptyLayout();
    const parsed = layoutSchema.safeParse(raw);
    if (parsed.success) {
      const layout = parsed.data;
      // A dangling active id is not damage worth a notice: there is simply no active environment.
      if (layout.activeEnvironmentId !== null && !layout.environments.some((env) => env.id === layout.activeEnvironmentId)) {
        return { ...layout, activeEnvironmentId: null };
      }
      return layout;
    }
    // Never silently reset: the damaged value is kept whole under another key, and the user is told.
    const aside = `${VARIABLES_KEY}.corrupt-${new Date().toISOString().replace(/:/g, '-')}`;
    store.set(aside, raw);
    store.delete(VARIABLES_KEY);
    notices.push(
      `Your saved variables and environments could not be read (the data was damaged). They were kept in the settings file ` +
        `(${store.path}) under "${aside}" and Courier started with none.`,
    );
    return emptyLayout();
  }

  const commit = (next: Layout): void => {
    store.set(VARIABLES_KEY, next);
    data = next;
  };

  const findEnvironment = (id: string): StoredEnvironment | undefined => data.environments.find((env) => env.id === id);

  const scopeVariables = (scopeId: string): StoredVariable[] => {
    if (scopeId === GLOBAL_SCOPE_ID) return data.global.variables;
    if (scopeId === COLLECTION_SCOPE_ID) return data.collection.variables;
    const env = findEnvironment(scopeId);
    if (!env) throw notFound();
    return env.variables;
  };

  const withScope = (layout: Layout, scopeId: string, variables: StoredVariable[]): Layout => {
    if (scopeId === GLOBAL_SCOPE_ID) return { ...layout, global: { ...layout.global, variables } };
    if (scopeId === COLLECTION_SCOPE_ID) return { ...layout, collection: { ...layout.collection, variables } };
    return { ...layout, environments: layout.environments.map((env) => (env.id === scopeId ? { ...env, variables } : env)) };
  };

  const secretStateOf = (scopeId: string, variable: StoredVariable): SecretState => {
    if (!variable.secret) return 'plain';
    const state = vault.secretState(secretId(scopeId, variable.id));
    return state === 'missing' ? 'empty' : state;
  };

  const view = (kind: VariableScopeView['kind'], id: string, name: string, variables: StoredVariable[]): VariableScopeView => ({
    id,
    kind,
    name,
    variables: variables.map((variable) => ({
      id: variable.id,
      name: variable.name,
      value: variable.secret ? '' : variable.value,
      enabled: variable.enabled,
      secret: variable.secret,
      secretState: secretStateOf(id, variable),
    })),
  });

  const state = (): VariablesState => ({
    global: view('global', GLOBAL_SCOPE_ID, 'Globals', data.global.variables),
    collection: view('collection', COLLECTION_SCOPE_ID, 'Workspace', data.collection.variables),
    environments: data.environments.map((env) => view('environment', env.id, env.name, env.variables)),
    activeEnvironmentId: data.activeEnvironmentId,
    vault: vault.status(),
  });

  const freshId = (taken: (id: string) => boolean): string => {
    for (;;) {
      const id = newId();
      if (id !== GLOBAL_SCOPE_ID && id !== COLLECTION_SCOPE_ID && !taken(id)) return id;
    }
  };

  const checkEnvironmentName = (name: string, exceptId: string | null): string => {
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (trimmed.length === 0) throw new CourierError('INVALID_INPUT', 'Give the environment a name.');
    if (trimmed.length > ENVIRONMENT_NAME_MAX) {
      throw new CourierError('INVALID_INPUT', `Environment names can be at most ${ENVIRONMENT_NAME_MAX} characters long.`);
    }
    const folded = trimmed.toLocaleLowerCase();
    const clash = data.environments.find((env) => env.id !== exceptId && env.name.trim().toLocaleLowerCase() === folded);
    if (clash) throw new CourierError('INVALID_INPUT', `There is already an environment named “${clash.name}”. Choose another name.`);
    return trimmed;
  };

  /**
   * One vault write for all of them. A locked vault makes the first put throw VAULT_LOCKED (with the vault's own
   * reason) and the batch then writes nothing, so the caller's list is not written either.
   */
  const writeSecrets = (puts: readonly (readonly [string, string])[], deletes: readonly string[]): void => {
    if (puts.length === 0 && deletes.length === 0) return;
    vault.batch(() => {
      for (const [id, value] of puts) vault.putSecret(id, value);
      for (const id of deletes) vault.deleteSecret(id);
    });
  };

  const dropSecrets = (ids: readonly string[]): void => {
    if (ids.length === 0) return;
    vault.batch(() => {
      for (const id of ids) vault.deleteSecret(id);
    });
  };

  const saveScope: VariablesService['saveScope'] = ({ scopeId, variables: rawEdits }) => {
    const previous = scopeVariables(scopeId);
    const edits = rawEdits.map((raw, index) => {
      const parsed = variableEditSchema.safeParse(raw);
      if (!parsed.success) {
        const label = typeof raw?.name === 'string' && raw.name !== '' ? `“${raw.name}”` : `number ${index + 1}`;
        throw new CourierError('INVALID_INPUT', `Variable ${label} is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
      }
      if (parsed.data.id === '') throw new CourierError('INVALID_INPUT', `Variable “${parsed.data.name}” has an empty id.`);
      return parsed.data;
    });
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const edit of edits) {
      if (names.has(edit.name)) {
        throw new CourierError('INVALID_INPUT', `Two variables are named “${edit.name}”. Names must be unique within a scope.`);
      }
      names.add(edit.name);
      if (edit.id !== undefined) {
        if (ids.has(edit.id)) throw new CourierError('INVALID_INPUT', `Variable “${edit.name}” repeats the id of another variable.`);
        ids.add(edit.id);
      }
    }

    const byId = new Map(previous.map((variable) => [variable.id, variable]));
    const puts: [string, string][] = [];
    /** secrets still referenced that become empty: removed before the list is written */
    const emptied: string[] = [];
    /** secrets no longer referenced: removed after, so a crash in between leaves an orphan, never a lost value */
    const released: string[] = [];
    const next: StoredVariable[] = [];
    for (const edit of edits) {
      const id = edit.id ?? freshId((candidate) => ids.has(candidate) || byId.has(candidate));
      ids.add(id);
      const prev = byId.get(id);
      const vaultId = secretId(scopeId, id);
      const base = { ...(prev ?? {}), id, name: edit.name, enabled: edit.enabled, secret: edit.secret };
      if (edit.secret) {
        // value given: encrypt it ('' means no value); omitted: keep the ciphertext, or encrypt the old plain value
        const value = edit.value ?? (prev && !prev.secret ? prev.value : undefined);
        if (value === '') emptied.push(vaultId);
        else if (value !== undefined) puts.push([vaultId, value]);
        next.push({ ...base, value: '' });
      } else {
        let value = edit.value;
        if (value === undefined && prev?.secret) {
          try {
            value = vault.getSecret(vaultId) ?? '';
          } catch (error) {
            throw unreadableAs(error, `The secret “${edit.name}” cannot be decrypted, so it cannot become a plain variable. Enter its value instead.`);
          }
        }
        if (prev?.secret) released.push(vaultId);
        next.push({ ...base, value: value ?? prev?.value ?? '' });
      }
    }
    for (const prev of previous) {
      if (prev.secret && !ids.has(prev.id)) released.push(secretId(scopeId, prev.id));
    }

    writeSecrets(puts, emptied);
    commit(withScope(data, scopeId, next));
    try {
      dropSecrets(released);
    } finally {
      notify('variables');
    }
    return state();
  };

  const reveal: VariablesService['reveal'] = ({ scopeId, variableId }) => {
    const variable = scopeVariables(scopeId).find((candidate) => candidate.id === variableId);
    if (!variable) throw new CourierError('VARIABLE_NOT_FOUND', 'That variable no longer exists. It may have been changed in another window.');
    if (!variable.secret) return { value: variable.value };
    try {
      return { value: vault.getSecret(secretId(scopeId, variable.id)) ?? '' };
    } catch (error) {
      throw unreadableAs(
        error,
        `The secret “${variable.name}” cannot be decrypted: it was saved with another key or it is damaged. Enter its value again to replace it.`,
      );
    }
  };

  const createEnvironment: VariablesService['createEnvironment'] = ({ name, copyFrom }) => {
    const finalName = checkEnvironmentName(name, null);
    const id = freshId((candidate) => findEnvironment(candidate) !== undefined);
    const puts: [string, string][] = [];
    let variables: StoredVariable[] = [];
    if (copyFrom !== undefined) {
      const source = findEnvironment(copyFrom);
      if (!source) throw notFound();
      const taken = new Set<string>();
      variables = source.variables.map((variable) => {
        const copyId = freshId((candidate) => taken.has(candidate));
        taken.add(copyId);
        if (variable.secret) {
          // Ciphertexts are bound to their id, so a copy is decrypted and encrypted again under the new one.
          let value: string | null;
          try {
            value = vault.getSecret(secretId(source.id, variable.id));
          } catch (error) {
            throw unreadableAs(
              error,
              `The secret “${variable.name}” cannot be decrypted, so the environment cannot be duplicated. Enter its value again or delete it first.`,
            );
          }
          if (value !== null && value !== '') puts.push([secretId(id, copyId), value]);
        }
        return { ...variable, id: copyId };
      });
    }
    writeSecrets(puts, []);
    commit({ ...data, environments: [...data.environments, { id, name: finalName, variables }] });
    notify('environments');
    return state();
  };

  const renameEnvironment: VariablesService['renameEnvironment'] = ({ id, name }) => {
    if (!findEnvironment(id)) throw notFound();
    const finalName = checkEnvironmentName(name, id);
    commit({ ...data, environments: data.environments.map((env) => (env.id === id ? { ...env, name: finalName } : env)) });
    notify('environments');
    return state();
  };

  const deleteEnvironment: VariablesService['deleteEnvironment'] = ({ id }) => {
    if (!findEnvironment(id)) throw notFound();
    commit({
      ...data,
      environments: data.environments.filter((env) => env.id !== id),
      activeEnvironmentId: data.activeEnvironmentId === id ? null : data.activeEnvironmentId,
    });
    // After the list is written, by prefix: this also sweeps values a crash may have orphaned in this environment.
    const prefix = scopeSecretPrefix(id);
    try {
      dropSecrets(vault.listSecretIds().filter((secret) => secret.startsWith(prefix)));
    } finally {
      notify('environments');
    }
    return state();
  };

  const setActiveEnvironment: VariablesService['setActiveEnvironment'] = ({ id }) => {
    if (id !== null && !findEnvironment(id)) throw notFound();
    if (data.activeEnvironmentId !== id) {
      commit({ ...data, activeEnvironmentId: id });
      notify('active');
    }
    return state();
  };

  const setValue: VariablesService['setValue'] = ({ scopeId, name, value, secret }) => {
    const current = scopeVariables(scopeId);
    // Others are passed through untouched: a secret's value omitted keeps its ciphertext as it is.
    const edits: VariableEditInput[] = current.map((variable) =>
      variable.name === name
        ? { id: variable.id, name, value, enabled: true, secret }
        : { id: variable.id, name: variable.name, enabled: variable.enabled, secret: variable.secret, ...(variable.secret ? {} : { value: variable.value }) },
    );
    if (!current.some((variable) => variable.name === name)) edits.push({ name, value, enabled: true, secret });
    return saveScope({ scopeId, variables: edits });
  };

  const definition = (scopeId: string, variable: StoredVariable, unlocked: boolean): VariableDefinition => {
    if (!variable.secret) return { name: variable.name, value: variable.value, secret: false };
    const vaultId = secretId(scopeId, variable.id);
    const secretState = vault.secretState(vaultId);
    if (secretState === 'missing') return { name: variable.name, value: '', secret: true };
    if (!unlocked || secretState === 'locked') return { name: variable.name, value: null, secret: true, unavailable: 'locked' };
    try {
      return { name: variable.name, value: vault.getSecret(vaultId) ?? '', secret: true };
    } catch (error) {
      if (isCourierError(error) && error.code === 'VAULT_LOCKED') return { name: variable.name, value: null, secret: true, unavailable: 'locked' };
      return { name: variable.name, value: null, secret: true, unavailable: 'unreadable' };
    }
  };

  const layers = (): VariableLayer[] => {
    const unlocked = vault.isUnlocked();
    const layer = (scope: VariableLayer['scope'], label: string, scopeId: string, variables: StoredVariable[]): VariableLayer => ({
      scope,
      label,
      variables: variables.filter((variable) => variable.enabled).map((variable) => definition(scopeId, variable, unlocked)),
    });
    const result: VariableLayer[] = [];
    const active = data.activeEnvironmentId === null ? undefined : findEnvironment(data.activeEnvironmentId);
    if (active) result.push(layer('environment', `Environment “${active.name}”`, active.id, active.variables));
    result.push(layer('collection', 'Workspace', COLLECTION_SCOPE_ID, data.collection.variables));
    result.push(layer('global', 'Globals', GLOBAL_SCOPE_ID, data.global.variables));
    return result;
  };

  return {
    notices,
    state,
    saveScope,
    reveal,
    createEnvironment,
    renameEnvironment,
    deleteEnvironment,
    setActiveEnvironment,
    setValue,
    layers,
  };
}
