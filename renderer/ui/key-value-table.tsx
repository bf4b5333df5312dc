import { useState } from 'react';
import type { InputHTMLAttributes } from 'react';
import { createRowId, type KeyValueRow } from '../../shared/request';
import { VariableTextInput } from './variable-text-input';

interface KeyValueTableProps<Row extends KeyValueRow> {
  /** accessible name of the table, e.g. "Query parameters" */
  label: string;
  /** singular noun used in control names: "Parameter 2 name", "Enable header 1" */
  itemName: string;
  rows: readonly Row[];
  onChange: (rows: Row[]) => void;
  /** builds a new row from the blank last line the user started typing in */
  createRow: (id: string, name: string, value: string) => Row;
  /** id of a <datalist> offering names */
  nameListId?: string;
  /** id of a <datalist> offering values for a row, by its name */
  valueListId?: (row: Row) => string | undefined;
  /** problems to show under a row, by row id */
  problems?: ReadonlyMap<string, string>;
  namePlaceholder?: string;
  valuePlaceholder?: string;
  /** colour {{variables}} in names and values and explain them on hover (request fields that get resolved) */
  highlightVariables?: boolean;
}

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'type'> & { value: string };

function PlainTextInput(props: TextInputProps) {
  return <input type="text" {...props} />;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An editable name/value table with an on/off checkbox per row and a blank last line that becomes a row as soon as
 * the user types in it. The blank line's id is decided up front and kept by the row it turns into, so React keeps
 * the same <input> and the caret stays where the user is typing.
 */
export function KeyValueTable<Row extends KeyValueRow>({
  label,
  itemName,
  rows,
  onChange,
  createRow,
  nameListId,
  valueListId,
  problems,
  namePlaceholder = 'Name',
  valuePlaceholder = 'Value',
  highlightVariables = false,
}: KeyValueTableProps<Row>) {
  const TextInput = highlightVariables ? VariableTextInput : PlainTextInput;
  const [blankId, setBlankId] = useState(createRowId);
  const Item = capitalize(itemName);

  const update = (id: string, patch: Partial<KeyValueRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const remove = (id: string) => onChange(rows.filter((row) => row.id !== id));
  const startRow = (name: string, value: string) => {
    onChange([...rows, createRow(blankId, name, value)]);
    setBlankId(createRowId());
  };

  return (
    <table className="ui-kv-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="ui-kv-table__check">
            <span className="visually-hidden">Enabled</span>
          </th>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col" className="ui-kv-table__actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {/* One flat keyed list (rows, problem lines and the blank line) so the blank line's <tr> can become a row. */}
        {[
          ...rows.flatMap((row, index) => {
            const n = index + 1;
            const problem = problems?.get(row.id);
            const problemId = problem ? `${row.id}-problem` : undefined;
            return [
              <tr key={row.id} className={row.enabled ? undefined : 'ui-kv-table__row--off'}>
                <td className="ui-kv-table__check">
                  <input
                    type="checkbox"
                    checked={row.enabled}
                    aria-label={`Enable ${itemName} ${n}`}
                    onChange={(event) => update(row.id, { enabled: event.target.checked })}
                  />
                </td>
                <td>
                  <TextInput
                    className="ui-kv-table__input"
                    value={row.name}
                    placeholder={namePlaceholder}
                    aria-label={`${Item} ${n} name`}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problemId}
                    list={nameListId}
                    spellCheck={false}
                    autoComplete="off"
                    onChange={(event) => update(row.id, { name: event.target.value })}
                  />
                </td>
                <td>
                  <TextInput
                    className="ui-kv-table__input"
                    value={row.value}
                    placeholder={valuePlaceholder}
                    aria-label={`${Item} ${n} value`}
                    list={valueListId?.(row)}
                    spellCheck={false}
                    autoComplete="off"
                    onChange={(event) => update(row.id, { value: event.target.value })}
                  />
                </td>
                <td className="ui-kv-table__actions">
                  <button type="button" className="ui-icon-button" aria-label={`Remove ${itemName} ${n}`} title="Remove" onClick={() => remove(row.id)}>
                    ×
                  </button>
                </td>
              </tr>,
              problem ? (
                <tr key={`${row.id}-problem`}>
                  <td />
                  <td colSpan={3} className="ui-kv-table__problem">
                    <span id={problemId} role="alert">
                      {problem}
                    </span>
                  </td>
                </tr>
              ) : null,
            ];
          }),
          <tr key={blankId} className="ui-kv-table__row--new">
            <td className="ui-kv-table__check" />
            <td>
              <TextInput
                className="ui-kv-table__input"
                value=""
                placeholder={`Add ${itemName}`}
                aria-label={`New ${itemName} name`}
                list={nameListId}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => startRow(event.target.value, '')}
              />
            </td>
            <td>
              <TextInput
                className="ui-kv-table__input"
                value=""
                placeholder={valuePlaceholder}
                aria-label={`New ${itemName} value`}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => startRow('', event.target.value)}
              />
            </td>
            <td className="ui-kv-table__actions" />
          </tr>,
        ]}
      </tbody>
    </table>
  );
}
