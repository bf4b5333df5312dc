// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { VariableRow } from '../../../shared/environments';
import { VariablesTable } from './variables-table';

afterEach(cleanup);

function Harness() {
  const [rows, setRows] = useState<VariableRow[]>([]);
  return (
    <VariablesTable
      label="Variables in dev"
      scopeId="env-1"
      rows={rows}
      problems={new Map()}
      overridden={new Map()}
      onChange={setRows}
      onRevealError={() => undefined}
    />
  );
}

/** Types like a person: each keystroke goes to whatever input has focus now, as the browser would. */
function typeIntoFocused(text: string) {
  for (const char of text) {
    const target = document.activeElement;
    if (!(target instanceof HTMLInputElement)) throw new Error(`keystroke "${char}" went nowhere (focus on ${target?.tagName ?? 'nothing'})`);
    fireEvent.change(target, { target: { value: target.value + char } });
  }
}

describe('VariablesTable', () => {
  it('keeps focus and every keystroke when the blank line becomes a variable', () => {
    render(<Harness />);
    screen.getByRole('textbox', { name: 'New variable name' }).focus();
    typeIntoFocused('baseUrl');
    const name = screen.getByRole('textbox', { name: 'Variable 1 name' });
    expect(name).toHaveProperty('value', 'baseUrl');
    expect(document.activeElement).toBe(name);

    screen.getByRole('textbox', { name: 'New variable value' }).focus();
    typeIntoFocused('http://x');
    expect(screen.getByRole('textbox', { name: 'Variable 2 value' })).toHaveProperty('value', 'http://x');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Variable 2 value' }));
  });
});
