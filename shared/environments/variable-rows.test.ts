import { describe, expect, it } from 'vitest';
import type { VariableScopeView } from '../contract';
import {
  countVariables,
  createVariableRow,
  editsNeedVault,
  isScopeDirty,
  knownValue,
  rebaseRows,
  rowsFromScope,
  toScopeEdits,
  type VariableRow,
} from './variable-rows';

const scope: VariableScopeView = {
  id: 'env-dev',
  kind: 'environment',
  name: 'dev',
  variables: [
    { id: 'a', name: 'baseUrl', value: 'https://dev.example', enabled: true, secret: false, secretState: 'plain' },
    { id: 'b', name: 'token', value: '', enabled: true, secret: true, secretState: 'set' },
    { id: 'c', name: 'old', value: '', enabled: false, secret: true, secretState: 'locked' },
  ],
};

const edit = (rows: VariableRow[], key: string, patch: Partial<VariableRow>) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row));

describe('variable rows', () => {
  it('loads a scope without secret values and saves it back unchanged, secrets without a value', () => {
    const rows = rowsFromScope(scope);
    expect(rows.map((r) => [r.id, r.value, r.storedState, r.valueEdited])).toEqual([
      ['a', 'https://dev.example', 'plain', false],
      ['b', '', 'set', false],
      ['c', '', 'locked', false],
    ]);
    expect(toScopeEdits(rows)).toEqual([
      { id: 'a', name: 'baseUrl', value: 'https://dev.example', enabled: true, secret: false },
      { id: 'b', name: 'token', enabled: true, secret: true },
      { id: 'c', name: 'old', enabled: false, secret: true },
    ]);
    expect(isScopeDirty(rows, scope)).toBe(false);
  });

  it('sends a secret value only when the user typed one', () => {
    const rows = edit(rowsFromScope(scope), 'stored-b', { value: 'new-token', valueEdited: true });
    expect(toScopeEdits(rows)[1]).toEqual({ id: 'b', name: 'token', value: 'new-token', enabled: true, secret: true });
    expect(isScopeDirty(rows, scope)).toBe(true);
    // renaming or disabling a secret keeps its ciphertext
    const renamed = edit(rowsFromScope(scope), 'stored-b', { name: 'apiToken', enabled: false });
    expect(toScopeEdits(renamed)[1]).toEqual({ id: 'b', name: 'apiToken', enabled: false, secret: true });
    // an emptied value is a change too: it clears the secret
    const cleared = edit(rowsFromScope(scope), 'stored-b', { value: '', valueEdited: true });
    expect(toScopeEdits(cleared)[1]).toEqual({ id: 'b', name: 'token', value: '', enabled: true, secret: true });
  });

  it('turns a plain variable secret with its value, and a secret plain without one (the main process decrypts it)', () => {
    const toSecret = edit(rowsFromScope(scope), 'stored-a', { secret: true });
    expect(toScopeEdits(toSecret)[0]).toEqual({ id: 'a', name: 'baseUrl', value: 'https://dev.example', enabled: true, secret: true });
    const toPlain = edit(rowsFromScope(scope), 'stored-b', { secret: false });
    expect(toScopeEdits(toPlain)[1]).toEqual({ id: 'b', name: 'token', enabled: true, secret: false });
    expect(isScopeDirty(toPlain, scope)).toBe(true);
  });

  it('adds new rows without an id and skips the blank line', () => {
    const rows = [...rowsFromScope(scope), createVariableRow('n1', 'region', 'eu'), createVariableRow('n2')];
    expect(toScopeEdits(rows).slice(3)).toEqual([{ name: 'region', value: 'eu', enabled: true, secret: false }]);
    expect(isScopeDirty([...rowsFromScope(scope), createVariableRow('n2')], scope)).toBe(false);
  });

  it('sees removed and reordered rows as changes', () => {
    const rows = rowsFromScope(scope);
    expect(isScopeDirty(rows.slice(1), scope)).toBe(true);
    expect(isScopeDirty([rows[1]!, rows[0]!, rows[2]!], scope)).toBe(true);
  });

  it('knows the value only when it was typed, plain, or revealed', () => {
    const [plain, secret] = rowsFromScope(scope);
    expect(knownValue(plain!, undefined)).toBe('https://dev.example');
    expect(knownValue(secret!, undefined)).toBeUndefined();
    expect(knownValue(secret!, 's3cret')).toBe('s3cret');
    expect(knownValue({ ...secret!, value: 'typed', valueEdited: true }, 's3cret')).toBe('typed');
  });

  it('says when saving needs the vault', () => {
    const rows = rowsFromScope(scope);
    expect(editsNeedVault(rows)).toBe(false);
    expect(editsNeedVault(edit(rows, 'stored-b', { name: 'renamed' }))).toBe(false);
    expect(editsNeedVault(edit(rows, 'stored-b', { value: 'x', valueEdited: true }))).toBe(true);
    expect(editsNeedVault(edit(rows, 'stored-b', { secret: false }))).toBe(true);
    expect(editsNeedVault(edit(rows, 'stored-a', { secret: true }))).toBe(true);
    expect(editsNeedVault([...rows, { ...createVariableRow('n', 'k', 'v'), secret: true }])).toBe(true);
    expect(editsNeedVault([...rows, { ...createVariableRow('n', 'k', ''), secret: true }])).toBe(false);
  });

  it('brings a draft up to date when the vault is unlocked, keeping the edits', () => {
    const draft = edit(rowsFromScope(scope), 'stored-c', { name: 'renamed', secret: false });
    const unlocked: VariableScopeView = { ...scope, variables: scope.variables.map((v) => (v.id === 'c' ? { ...v, secretState: 'set' as const } : v)) };
    const rebased = rebaseRows(draft, unlocked);
    expect(rebased[2]).toMatchObject({ name: 'renamed', secret: false, storedState: 'set', valueEdited: false });
    expect(rebased[0]).toBe(draft[0]);
    // a variable deleted elsewhere stays in the draft as it was
    expect(rebaseRows(draft, { ...scope, variables: [] })).toEqual(draft);
  });
});

describe('countVariables', () => {
  it('counts typed rows and stored ones, not the blank row being started', () => {
    const typed = createVariableRow('a', 'host', 'x');
    const valueOnly = createVariableRow('b', '', 'only a value so far');
    expect(countVariables([typed, valueOnly, createVariableRow('c')])).toBe(2);
    expect(countVariables([])).toBe(0);
  });
});
