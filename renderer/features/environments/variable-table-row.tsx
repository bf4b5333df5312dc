import type { SecretFlag, ValueCellView, VariableRow } from '../../../shared/environments';
import { weakSecretWarning } from '../../../shared/variables';
import { EyeIcon } from './eye-icon';
import { SecretFlagBadge } from './secret-flag-badge';
import styles from './variables-table.module.css';

interface VariableTableRowProps {
  row: VariableRow;
  /** 1-based position used in control names ("Variable 2 value"); null for the blank line that adds a row */
  n: number | null;
  view: ValueCellView;
  flag: SecretFlag | null;
  /** the scope that wins over this variable, if any ("dev") */
  overriddenBy: string | null;
  problem: string | null;
  revealing: boolean;
  onChange: (patch: Partial<VariableRow>) => void;
  onRemove: () => void;
  onToggleReveal: () => void;
}

/**
 * One variable: on/off, name, value (masked for secrets, with a reveal button), the secret switch and remove. The
 * blank line that adds a variable is this same component, so React keeps its inputs, and the caret, when it becomes
 * a row.
 */
export function VariableTableRow({ row, n, view, flag, overriddenBy, problem, revealing, onChange, onRemove, onToggleReveal }: VariableTableRowProps) {
  const blank = n === null;
  const label = blank ? 'New variable' : `Variable ${n}`;
  const problemId = `${row.key}-problem`;
  const flagId = `${row.key}-flag`;
  const overrideId = `${row.key}-override`;
  const weakId = `${row.key}-weak`;
  // a secret's value is known here only as typed (or while it is still a plain value being made secret)
  const weak = row.secret && !blank && (row.valueEdited || row.storedState === 'plain') ? weakSecretWarning(row.value) : null;
  const valueDescribedBy = [flag ? flagId : null, overriddenBy ? overrideId : null, weak ? weakId : null].filter(Boolean).join(' ') || undefined;
  const className = [row.enabled ? null : styles.off, overriddenBy ? styles.overridden : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <tr className={className}>
        <td className={styles.check}>
          {blank ? null : (
            <input
              type="checkbox"
              checked={row.enabled}
              aria-label={`Enable variable ${n}`}
              onChange={(event) => onChange({ enabled: event.target.checked })}
            />
          )}
        </td>
        <td>
          <input
            type="text"
            className={`${styles.input} ${styles.name}`}
            value={row.name}
            placeholder={blank ? 'Add variable' : 'Name'}
            aria-label={`${label} name`}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onChange({ name: event.target.value })}
          />
        </td>
        <td>
          <div className={styles.value}>
            <input
              type={view.inputType}
              className={styles.input}
              value={view.value}
              placeholder={view.placeholder}
              aria-label={`${label} value`}
              aria-describedby={valueDescribedBy}
              spellCheck={false}
              autoComplete={row.secret ? 'new-password' : 'off'}
              data-1p-ignore=""
              data-lpignore="true"
              onChange={(event) => onChange({ value: event.target.value, valueEdited: true })}
            />
            {flag ? <SecretFlagBadge flag={flag} explanationId={flagId} /> : null}
            {overriddenBy ? (
              <span id={overrideId} className={`${styles.flag} ${styles.flagMuted}`} title={`“${overriddenBy}” defines the same name and takes precedence`}>
                overridden by {overriddenBy}
              </span>
            ) : null}
            {row.secret && !blank ? (
              <button
                type="button"
                className={`ui-icon-button ${styles.reveal}`}
                aria-label={view.reveal === 'hide' ? `Hide variable ${n}` : `Reveal variable ${n}`}
                title={view.revealUnavailable ?? (view.reveal === 'hide' ? 'Hide the value' : 'Reveal the value')}
                disabled={view.reveal === null || revealing}
                onClick={onToggleReveal}
              >
                <EyeIcon crossed={view.reveal === 'hide'} />
              </button>
            ) : null}
          </div>
        </td>
        <td className={styles.secret}>
          {blank ? null : (
            <input
              type="checkbox"
              checked={row.secret}
              aria-label={`Variable ${n} secret`}
              title="Secret: encrypted in the vault and masked on screen"
              onChange={(event) => onChange({ secret: event.target.checked })}
            />
          )}
        </td>
        <td className={styles.actions}>
          {blank ? null : (
            <button type="button" className="ui-icon-button" aria-label={`Remove variable ${n}`} title="Remove" onClick={onRemove}>
              ×
            </button>
          )}
        </td>
      </tr>
      {weak ? (
        <tr>
          <td />
          <td colSpan={4} className={styles.weak}>
            <span id={weakId} role="status">
              {weak}
            </span>
          </td>
        </tr>
      ) : null}
      {problem ? (
        <tr>
          <td />
          <td colSpan={4} className={styles.problem}>
            <span id={problemId} role="alert">
              {problem}
            </span>
          </td>
        </tr>
      ) : null}
    </>
  );
}
