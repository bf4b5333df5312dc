import type { AssertionRow } from '../../../shared/contract';
import { ASSERTION_OPERATORS, ASSERTION_TARGETS } from '../../../shared/contract/values';
import { OPERATOR_LABELS, TARGET_LABELS, TARGETS_WITH_PROPERTY, TYPE_NAMES, UNARY_OPERATORS } from '../../../shared/testing/view';
import { Button } from '../../ui';
import styles from './row-editor.module.css';

interface AssertionRowEditorProps {
  row: AssertionRow;
  /** 1-based, for accessible names ("Assertion 2 operator") */
  index: number;
  onChange: (row: AssertionRow) => void;
  onRemove: () => void;
}

const PROPERTY_PLACEHOLDER: Partial<Record<AssertionRow['target'], string>> = { header: 'Header name', jsonPath: '$.data.id', regex: 'token=(\\w+)' };

/** One assertion: target (and its header name, JSONPath or pattern), operator, expected value. */
export function AssertionRowEditor({ row, index, onChange, onRemove }: AssertionRowEditorProps) {
  const label = `Assertion ${index}`;
  const needsProperty = TARGETS_WITH_PROPERTY.has(row.target);
  const needsExpected = !UNARY_OPERATORS.has(row.operator);
  return (
    <tr className={row.enabled ? undefined : styles.off}>
      <td>
        <input
          type="checkbox"
          aria-label={`${label} enabled`}
          checked={row.enabled}
          onChange={(event) => onChange({ ...row, enabled: event.target.checked })}
        />
      </td>
      <td>
        <select
          aria-label={`${label} target`}
          value={row.target}
          onChange={(event) => onChange({ ...row, target: event.target.value as AssertionRow['target'] })}
        >
          {ASSERTION_TARGETS.map((target) => (
            <option key={target} value={target}>
              {TARGET_LABELS[target]}
            </option>
          ))}
        </select>
        {needsProperty ? (
          <input
            className={styles.input}
            aria-label={`${label} ${row.target === 'header' ? 'header name' : row.target === 'jsonPath' ? 'JSONPath' : 'pattern'}`}
            placeholder={PROPERTY_PLACEHOLDER[row.target]}
            value={row.property}
            spellCheck={false}
            onChange={(event) => onChange({ ...row, property: event.target.value })}
          />
        ) : null}
      </td>
      <td>
        <select
          aria-label={`${label} operator`}
          value={row.operator}
          onChange={(event) => onChange({ ...row, operator: event.target.value as AssertionRow['operator'] })}
        >
          {ASSERTION_OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {OPERATOR_LABELS[operator]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {needsExpected && row.operator === 'matchesSchema' ? (
          <textarea
            className={`${styles.input} ${styles.schema}`}
            aria-label={`${label} expected`}
            placeholder='{"type":"object"}'
            value={row.expected}
            spellCheck={false}
            onChange={(event) => onChange({ ...row, expected: event.target.value })}
          />
        ) : needsExpected ? (
          <input
            className={styles.input}
            aria-label={`${label} expected`}
            placeholder={row.operator === 'isType' ? TYPE_NAMES.join(' | ') : 'value or {{variable}}'}
            list={row.operator === 'isType' ? 'tests-type-names' : undefined}
            value={row.expected}
            spellCheck={false}
            onChange={(event) => onChange({ ...row, expected: event.target.value })}
          />
        ) : null}
      </td>
      <td>
        <Button aria-label={`Remove assertion ${index}`} onClick={onRemove}>
          ✕
        </Button>
      </td>
    </tr>
  );
}
