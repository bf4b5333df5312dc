// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from './field';

afterEach(cleanup);

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('Field', () => {
  it('names its control by the label, through the id it hands the control', () => {
    render(<Field label="Request name">{(control) => <input {...control} defaultValue="users" />}</Field>);
    const input = screen.getByRole('textbox', { name: 'Request name' });
    expect(input.id).not.toBe('');
    expect(input.getAttribute('aria-describedby')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('describes the control with its hint and its error, and marks it invalid while there is an error', () => {
    const { rerender } = render(
      <Field label="Folder path" hint="The folder must exist.">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = () => screen.getByRole('textbox', { name: 'Folder path' });
    expect(describedBy(input())).toEqual(['The folder must exist.']);
    rerender(
      <Field label="Folder path" hint="The folder must exist." error="No such folder.">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(describedBy(input())).toEqual(['The folder must exist.', 'No such folder.']);
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('No such folder.');
  });

  it('works for a select as well, and two fields never share ids', () => {
    render(
      <>
        <Field label="Save to">
          {(control) => (
            <select {...control}>
              <option>API</option>
            </select>
          )}
        </Field>
        <Field label="Collection name">{(control) => <input {...control} />}</Field>
      </>,
    );
    const select = screen.getByRole('combobox', { name: 'Save to' });
    const input = screen.getByRole('textbox', { name: 'Collection name' });
    expect(select.id).not.toBe(input.id);
  });
});
