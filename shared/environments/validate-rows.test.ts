import { describe, expect, it } from 'vitest';
import { VARIABLE_NAME } from '../contract';
import { validateVariableRows, variableNameProblem } from './validate-rows';
import { createVariableRow, type VariableRow } from './variable-rows';

const row = (key: string, name: string, patch: Partial<VariableRow> = {}): VariableRow => ({ ...createVariableRow(key, name, 'v'), ...patch });

describe('variable name rule', () => {
  it('follows the contract’s VARIABLE_NAME', () => {
    for (const name of ['a', '_x', 'base.url', 'api-key_2', 'A1']) {
      expect(variableNameProblem(name)).toBeNull();
      expect(VARIABLE_NAME.test(name)).toBe(true);
    }
    for (const name of ['1abc', '-x', '.x', 'a b', 'a/b', 'é', '{{x}}']) {
      expect(variableNameProblem(name)).not.toBeNull();
      expect(VARIABLE_NAME.test(name)).toBe(false);
    }
  });

  it('explains the reserved $ and missing names', () => {
    expect(variableNameProblem('$uuid')).toMatch(/reserved/);
    expect(variableNameProblem('')).toBe('Give this variable a name.');
    expect(variableNameProblem('x'.repeat(257))).toMatch(/256/);
  });
});

describe('validateVariableRows', () => {
  it('flags bad names and later duplicates, ignoring the blank line', () => {
    const problems = validateVariableRows([
      row('1', 'host'),
      row('2', 'bad name'),
      row('3', 'host'),
      createVariableRow('4'),
      row('5', '', { value: 'orphan' }),
    ]);
    expect([...problems.keys()]).toEqual(['2', '3', '5']);
    expect(problems.get('3')).toMatch(/already defined/);
    expect(problems.get('5')).toBe('Give this variable a name.');
  });

  it('names are case-sensitive', () => {
    expect(validateVariableRows([row('1', 'Host'), row('2', 'host')]).size).toBe(0);
  });

  it('refuses to turn a secret it cannot read into plain text unless a new value is typed', () => {
    const stored = { id: 's', value: '', secret: false, valueEdited: false };
    expect(validateVariableRows([row('1', 'a', { ...stored, storedState: 'locked' })]).get('1')).toMatch(/Unlock the vault/);
    expect(validateVariableRows([row('1', 'a', { ...stored, storedState: 'unreadable' })]).get('1')).toMatch(/can’t be decrypted/);
    expect(validateVariableRows([row('1', 'a', { ...stored, storedState: 'set' })]).size).toBe(0);
    expect(validateVariableRows([row('1', 'a', { ...stored, storedState: 'locked', value: 'new', valueEdited: true })]).size).toBe(0);
  });
});
