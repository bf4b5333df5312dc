// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRow, type KeyValueRow } from '../../shared/request';
import { KeyValueTable } from './key-value-table';

afterEach(cleanup);

function Table({ highlightVariables }: { highlightVariables: boolean }) {
  const [rows, setRows] = useState<KeyValueRow[]>([]);
  return (
    <KeyValueTable
      label="Headers"
      itemName="header"
      rows={rows}
      onChange={setRows}
      createRow={(id, name, value) => ({ ...createRow({ name, value }), id })}
      highlightVariables={highlightVariables}
    />
  );
}

/** Each keystroke goes to whatever has the focus now, as in a browser. */
function typeIntoFocused(text: string) {
  for (const char of text) {
    const target = document.activeElement;
    if (!(target instanceof HTMLInputElement)) throw new Error(`keystroke "${char}" went nowhere`);
    fireEvent.change(target, { target: { value: target.value + char } });
  }
}

// The tables of headers, params, form fields, the Vars tab and collection settings are all this one component.
describe.each([false, true])('KeyValueTable (highlightVariables: %s)', (highlightVariables) => {
  it('keeps the focus and every keystroke when the blank line becomes a row, from the name or the value', () => {
    render(<Table highlightVariables={highlightVariables} />);
    screen.getByRole('textbox', { name: 'New header name' }).focus();
    typeIntoFocused('X-Trace');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Header 1 name' }));
    expect(screen.getByRole('textbox', { name: 'Header 1 name' })).toHaveProperty('value', 'X-Trace');

    screen.getByRole('textbox', { name: 'New header value' }).focus();
    typeIntoFocused('on{{x}}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Header 2 value' }));
    expect(screen.getByRole('textbox', { name: 'Header 2 value' })).toHaveProperty('value', 'on{{x}}');
  });
});
