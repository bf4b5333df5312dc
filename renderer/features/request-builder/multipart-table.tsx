import { useState } from 'react';
import { createMultipartRow, createRowId, type MultipartRow } from '../../../shared/request';
import { VariableTextInput, formControls } from '../../ui';
import { FilePicker } from './file-picker';
import styles from './request-builder.module.css';

interface MultipartTableProps {
  rows: readonly MultipartRow[];
  onChange: (rows: MultipartRow[]) => void;
}

/** Multipart parts: each row is a text field or a file, switchable per row. */
export function MultipartTable({ rows, onChange }: MultipartTableProps) {
  const [blankId, setBlankId] = useState(createRowId);
  const update = (id: string, patch: Partial<MultipartRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  return (
    <table className={`ui-kv-table ${styles.multipart}`} aria-label="Multipart parts">
      <thead>
        <tr>
          <th scope="col" className="ui-kv-table__check">
            <span className="visually-hidden">Enabled</span>
          </th>
          <th scope="col">Name</th>
          <th scope="col" className={styles.multipartKind}>
            Type
          </th>
          <th scope="col">Value</th>
          <th scope="col" className="ui-kv-table__actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {[
          ...rows.map((row, index) => {
            const n = index + 1;
            return (
              <tr key={row.id} className={row.enabled ? undefined : 'ui-kv-table__row--off'}>
                <td className="ui-kv-table__check">
                  <input
                    type="checkbox"
                    checked={row.enabled}
                    aria-label={`Enable part ${n}`}
                    onChange={(event) => update(row.id, { enabled: event.target.checked })}
                  />
                </td>
                <td>
                  <VariableTextInput
                    className="ui-kv-table__input"
                    value={row.name}
                    placeholder="Name"
                    aria-label={`Part ${n} name`}
                    spellCheck={false}
                    autoComplete="off"
                    onChange={(event) => update(row.id, { name: event.target.value })}
                  />
                </td>
                <td className={styles.multipartKind}>
                  <select
                    className={`${formControls.select} ${formControls.selectSmall}`}
                    aria-label={`Part ${n} type`}
                    value={row.kind}
                    onChange={(event) => update(row.id, { kind: event.target.value === 'file' ? 'file' : 'text' })}
                  >
                    <option value="text">Text</option>
                    <option value="file">File</option>
                  </select>
                </td>
                <td>
                  {row.kind === 'text' ? (
                    <VariableTextInput
                      className="ui-kv-table__input"
                      value={row.value}
                      placeholder="Value"
                      aria-label={`Part ${n} value`}
                      spellCheck={false}
                      autoComplete="off"
                      onChange={(event) => update(row.id, { value: event.target.value })}
                    />
                  ) : (
                    <FilePicker label={`Part ${n} file`} file={row.file} onChange={(file) => update(row.id, { file })} />
                  )}
                </td>
                <td className="ui-kv-table__actions">
                  <button
                    type="button"
                    className="ui-icon-button"
                    aria-label={`Remove part ${n}`}
                    title="Remove"
                    onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          }),
          <tr key={blankId} className="ui-kv-table__row--new">
            <td className="ui-kv-table__check" />
            <td>
              <VariableTextInput
                className="ui-kv-table__input"
                value=""
                placeholder="Add part"
                aria-label="New part name"
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => {
                  onChange([...rows, { ...createMultipartRow({ name: event.target.value }), id: blankId }]);
                  setBlankId(createRowId());
                }}
              />
            </td>
            <td className={styles.multipartKind} />
            <td />
            <td className="ui-kv-table__actions" />
          </tr>,
        ]}
      </tbody>
    </table>
  );
}
