import type { SecretState, VariableEditInput, VariableScopeView } from '../contract';

/**
 * One line of the variables table while the user edits a scope. A stored secret arrives without its value
 * (`value` is ''), so the row remembers whether the user typed a new one: only then is a value sent, and the stored
 * ciphertext is replaced. Otherwise the value is left out of the edit and the main process keeps what it has.
 */
export interface VariableRow {
  /** stable React key; the stored id for saved variables */
  key: string;
  /** the stored variable's id; null for a row the user added */
  id: string | null;
  name: string;
  /** a plain value, or the new secret value the user typed (only meaningful for a secret when `valueEdited`) */
  value: string;
  enabled: boolean;
  secret: boolean;
  /** what was stored when the scope was loaded: 'plain' for plain variables and new rows */
  storedState: SecretState;
  /** the user typed into the value since the scope was loaded */
  valueEdited: boolean;
}

let counter = 0;

/** Keys for new rows only need to be unique within one window's lifetime. */
export function createVariableRowKey(): string {
  counter += 1;
  return `new-variable-${counter}`;
}

export function createVariableRow(key: string, name = '', value = ''): VariableRow {
  return { key, id: null, name, value, enabled: true, secret: false, storedState: 'plain', valueEdited: value !== '' };
}

export function rowsFromScope(scope: VariableScopeView): VariableRow[] {
  return scope.variables.map((variable) => ({
    key: `stored-${variable.id}`,
    id: variable.id,
    name: variable.name,
    value: variable.secret ? '' : variable.value,
    enabled: variable.enabled,
    secret: variable.secret,
    storedState: variable.secret ? variable.secretState : 'plain',
    valueEdited: false,
  }));
}

/**
 * Unsaved rows brought up to date with a freshly loaded scope: a stored secret's state can change under the draft
 * (the vault was unlocked or locked), and the flags, masking and validation must follow it. Edits are kept.
 */
export function rebaseRows(rows: readonly VariableRow[], scope: VariableScopeView): VariableRow[] {
  const stored = new Map(scope.variables.map((variable) => [variable.id, variable]));
  return rows.map((row) => {
    const variable = row.id === null ? undefined : stored.get(row.id);
    if (!variable) return row;
    const storedState = variable.secret ? variable.secretState : 'plain';
    if (storedState === row.storedState) return row;
    // a secret that became plain elsewhere now has a known value; one that became secret is edited here already
    if (storedState === 'plain' && !row.valueEdited) return { ...row, storedState, value: variable.value };
    return { ...row, storedState };
  });
}

/** A stored secret whose value the renderer does not have (it was never sent). */
export function hasHiddenStoredValue(row: VariableRow): boolean {
  return row.id !== null && row.storedState !== 'plain' && row.storedState !== 'empty' && !row.valueEdited;
}

/** A row the user has not typed anything into does not count (the blank line, or one emptied again). */
export function isBlankVariableRow(row: VariableRow): boolean {
  return row.id === null && row.name === '' && row.value === '';
}

/** How many variables these rows hold: every row but the blank one being typed into. */
export function countVariables(rows: readonly VariableRow[]): number {
  return rows.filter((row) => !isBlankVariableRow(row)).length;
}

/** The row's value as the user would see it if shown: what they typed, the plain value, or a revealed secret. */
export function knownValue(row: VariableRow, revealed: string | undefined): string | undefined {
  return hasHiddenStoredValue(row) ? revealed : row.value;
}

/**
 * The list `variables.saveScope` takes. A value is omitted only for a stored secret the user did not retype: the
 * stored ciphertext is kept (or, when the secret flag was turned off, decrypted into a plain value).
 */
export function toScopeEdits(rows: readonly VariableRow[]): VariableEditInput[] {
  return rows
    .filter((row) => !isBlankVariableRow(row))
    .map((row) => {
      const edit: VariableEditInput = { name: row.name, enabled: row.enabled, secret: row.secret };
      if (row.id !== null) edit.id = row.id;
      const keepStored = row.id !== null && row.storedState !== 'plain' && !row.valueEdited;
      if (!keepStored) edit.value = row.value;
      return edit;
    });
}

/** Whether saving these rows would change the stored scope. */
export function isScopeDirty(rows: readonly VariableRow[], scope: VariableScopeView): boolean {
  return JSON.stringify(toScopeEdits(rows)) !== JSON.stringify(toScopeEdits(rowsFromScope(scope)));
}

/**
 * Whether saving needs the vault unlocked: a secret value is to be encrypted, or a stored secret decrypted into a
 * plain value.
 */
export function editsNeedVault(rows: readonly VariableRow[]): boolean {
  return rows.some((row) => {
    if (isBlankVariableRow(row)) return false;
    const storedSecret = row.id !== null && row.storedState !== 'plain';
    if (row.secret) return (!storedSecret || row.valueEdited) && row.value !== '';
    return storedSecret && !row.valueEdited && row.storedState !== 'empty';
  });
}
