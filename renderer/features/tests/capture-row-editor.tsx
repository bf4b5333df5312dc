import type { CaptureRow } from '../../../shared/contract';
import { CAPTURE_SCOPES, CAPTURE_SOURCES } from '../../../shared/contract/values';
import { Button } from '../../ui';
import styles from './row-editor.module.css';

interface CaptureRowEditorProps {
  row: CaptureRow;
  index: number;
  onChange: (row: CaptureRow) => void;
  onRemove: () => void;
}

const SOURCE_LABELS: Record<CaptureRow['source'], string> = { jsonPath: 'JSONPath', header: 'Header', regex: 'Regex' };
const SCOPE_LABELS: Record<CaptureRow['scope'], string> = { request: 'Session (not saved)', environment: 'Active environment', collection: 'Workspace' };
const PLACEHOLDER: Record<CaptureRow['source'], string> = { jsonPath: '$.token', header: 'X-Request-Id', regex: 'token=(\\w+)' };

/** One capture: where the value comes from, which variable it sets and in which scope, and whether it is secret. */
export function CaptureRowEditor({ row, index, onChange, onRemove }: CaptureRowEditorProps) {
  const label = `Capture ${index}`;
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
          aria-label={`${label} source`}
          value={row.source}
          onChange={(event) => onChange({ ...row, source: event.target.value as CaptureRow['source'] })}
        >
          {CAPTURE_SOURCES.map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </select>
        <input
          className={styles.input}
          aria-label={`${label} expression`}
          placeholder={PLACEHOLDER[row.source]}
          value={row.expression}
          spellCheck={false}
          onChange={(event) => onChange({ ...row, expression: event.target.value })}
        />
      </td>
      <td>
        <input
          className={styles.input}
          aria-label={`${label} variable`}
          placeholder="variable name"
          value={row.variable}
          spellCheck={false}
          onChange={(event) => onChange({ ...row, variable: event.target.value })}
        />
      </td>
      <td>
        <select aria-label={`${label} scope`} value={row.scope} onChange={(event) => onChange({ ...row, scope: event.target.value as CaptureRow['scope'] })}>
          {CAPTURE_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {SCOPE_LABELS[scope]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label className={styles.secret}>
          <input type="checkbox" aria-label={`${label} secret`} checked={row.secret} onChange={(event) => onChange({ ...row, secret: event.target.checked })} />{' '}
          Secret
        </label>
      </td>
      <td>
        <Button aria-label={`Remove capture ${index}`} onClick={onRemove}>
          ✕
        </Button>
      </td>
    </tr>
  );
}
