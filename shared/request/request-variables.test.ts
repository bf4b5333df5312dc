import { describe, expect, it } from 'vitest';
import { createRow } from './rows';
import { validateVariableRows } from './request-variables';

describe('validateVariableRows', () => {
  it('accepts good names and ignores the blank line', () => {
    const rows = [createRow({ name: 'host', value: 'a' }), createRow({ name: 'api.v2_key-x', value: '' }), createRow()];
    expect(validateVariableRows(rows).size).toBe(0);
  });

  it('explains names the resolver would never match', () => {
    const bad = createRow({ name: '2fast', value: 'x' });
    const reserved = createRow({ name: '$uuid', value: 'x' });
    const unnamed = createRow({ name: '', value: 'x' });
    const problems = validateVariableRows([bad, reserved, unnamed]);
    expect(problems.get(bad.id)).toMatch(/start with a letter/);
    expect(problems.get(reserved.id)).toMatch(/reserved/);
    expect(problems.get(unnamed.id)).toMatch(/name/);
  });

  it('flags the second enabled definition of a name, not a switched-off one', () => {
    const first = createRow({ name: 'host', value: 'a' });
    const off = createRow({ name: 'host', value: 'b', enabled: false });
    const second = createRow({ name: ' host ', value: 'c' });
    const problems = validateVariableRows([first, off, second]);
    expect(problems.has(first.id)).toBe(false);
    expect(problems.has(off.id)).toBe(false);
    expect(problems.get(second.id)).toMatch(/already defined/);
  });
});
