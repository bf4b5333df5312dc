import { useState } from 'react';
import { createVariableRow, createVariableRowKey, secretFlag, valueCellView, type VariableRow } from '../../../shared/environments';
import { revealSecret } from './variables-queries';
import { VariableTableRow } from './variable-table-row';
import styles from './variables-table.module.css';

interface VariablesTableProps {
  /** accessible name, e.g. "Variables in dev" */
  label: string;
  scopeId: string;
  rows: readonly VariableRow[];
  problems: ReadonlyMap<string, string>;
  overridden: ReadonlyMap<string, string>;
  onChange: (rows: VariableRow[]) => void;
  onRevealError: (error: unknown) => void;
}

/**
 * The selected scope's variables. Revealed secret values live only here, in component state, for as long as they
 * are shown: hiding one forgets it, and the owner remounts the table (dropping them all) on save, revert, scope
 * change, a vault state change and when the editor closes.
 */
export function VariablesTable({ label, scopeId, rows, problems, overridden, onChange, onRevealError }: VariablesTableProps) {
  const [blankKey, setBlankKey] = useState(createVariableRowKey);
  const [revealed, setRevealed] = useState<ReadonlyMap<string, string>>(new Map());
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const [revealing, setRevealing] = useState<string | null>(null);

  const update = (key: string, patch: Partial<VariableRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const remove = (key: string) => onChange(rows.filter((row) => row.key !== key));
  const forget = (key: string) => {
    setShown((current) => new Set([...current].filter((k) => k !== key)));
    setRevealed((current) => new Map([...current].filter(([k]) => k !== key)));
  };
  const startRow = (patch: Partial<VariableRow>) => {
    onChange([...rows, { ...createVariableRow(blankKey), ...patch }]);
    setBlankKey(createVariableRowKey());
  };

  const toggleReveal = (row: VariableRow) => {
    const view = valueCellView(row, revealed.get(row.key), shown.has(row.key));
    if (view.reveal === 'hide') {
      forget(row.key);
      return;
    }
    if (!view.revealNeedsBridge || row.id === null) {
      setShown((current) => new Set([...current, row.key]));
      return;
    }
    setRevealing(row.key);
    revealSecret(scopeId, row.id)
      .then((value) => {
        setRevealed((current) => new Map([...current, [row.key, value]]));
        setShown((current) => new Set([...current, row.key]));
      })
      .catch(onRevealError)
      .finally(() => setRevealing(null));
  };

  const blankRow = createVariableRow(blankKey);
  return (
    <table className={styles.table} aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className={styles.check}>
            <span className="visually-hidden">Enabled</span>
          </th>
          <th scope="col" className={styles.nameColumn}>
            Name
          </th>
          <th scope="col">Value</th>
          <th scope="col" className={styles.secret}>
            Secret
          </th>
          <th scope="col" className={styles.actions}>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {/* One flat keyed list: keys only match within one array, so the blank line must be a sibling of the rows for
            React to keep its <input> (and the caret) when it becomes row n. */}
        {[
          ...rows.map((row, index) => (
            <VariableTableRow
              key={row.key}
              row={row}
              n={index + 1}
              view={valueCellView(row, revealed.get(row.key), shown.has(row.key))}
              flag={secretFlag(row)}
              overriddenBy={row.enabled ? (overridden.get(row.name) ?? null) : null}
              problem={problems.get(row.key) ?? null}
              revealing={revealing === row.key}
              onChange={(patch) => update(row.key, patch)}
              onRemove={() => remove(row.key)}
              onToggleReveal={() => toggleReveal(row)}
            />
          )),
          <VariableTableRow
            key={blankKey}
            row={blankRow}
            n={null}
            view={valueCellView(blankRow, undefined, false)}
            flag={null}
            overriddenBy={null}
            problem={null}
            revealing={false}
            onChange={startRow}
            onRemove={() => undefined}
            onToggleReveal={() => undefined}
          />,
        ]}
      </tbody>
    </table>
  );
}
