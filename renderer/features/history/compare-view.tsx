import { useState } from 'react';
import type { HistoryEntry } from '../../../shared/contract';
import { countChanges, diffHeaders, fullTimestamp, statusText, statusTone, type HeaderDiffRow } from '../../../shared/history-view';
import { formatBytes } from '../../../shared/response';
import { DiffViewer } from '../../ui/monaco';
import { toBridgeErrorMessage } from './error-message';
import { useHistoryEntry } from './history-queries';
import { COMPARE_LIMIT_BYTES, useBodyComparison } from './use-body-comparison';
import { statusClassName } from './status-style';
import styles from './compare-view.module.css';
import bar from './entry-view.module.css';
import shared from './history-shared.module.css';

/** A changed row's cells are marked: what went on the left, what came on the right; an unchanged row is plain. */
const ROW_CLASS: Record<'same' | 'added' | 'removed' | 'changed', string | undefined> = {
  same: undefined,
  added: styles.rowAdded,
  removed: styles.rowRemoved,
  changed: styles.rowChanged,
};

interface CompareViewProps {
  ids: [number, number];
  onClose: () => void;
}

function Side({ entry, label }: { entry: HistoryEntry | undefined; label: string }) {
  if (!entry) return <div className={styles.side}>{label}: loading…</div>;
  const s = entry.summary;
  return (
    <div className={styles.side}>
      <span className={styles.sideLabel}>{label}</span>
      <span className={styles.sideTitle} title={s.url}>
        {s.method} {s.url}
      </span>
      <span className={styles.sideTime}>{fullTimestamp(s.sentAt)}</span>
    </div>
  );
}

function StatusCell({ entry }: { entry: HistoryEntry }) {
  const s = entry.summary;
  return (
    <span className={statusClassName(statusTone(s.statusClass))}>
      {statusText(s)}
      {s.statusText ? ` ${s.statusText}` : ''}
      {s.status === null && entry.error ? ` — ${entry.error.message}` : ''}
    </span>
  );
}

function HeaderDiffTable({ rows }: { rows: HeaderDiffRow[] }) {
  const [onlyChanges, setOnlyChanges] = useState(true);
  const shown = onlyChanges ? rows.filter((row) => row.kind !== 'same') : rows;
  return (
    <>
      <label className={shared.check}>
        <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />
        Only differences
      </label>
      {shown.length === 0 ? (
        <p className={styles.same}>{rows.length === 0 ? 'Neither response has headers.' : 'The headers are the same.'}</p>
      ) : (
        <table className={styles.table} aria-label="Header differences">
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Left</th>
              <th scope="col">Right</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.name.toLowerCase()} className={ROW_CLASS[row.kind]}>
                <th scope="row">
                  {row.name}
                  <span className={styles.kind}>{row.kind === 'same' ? '' : row.kind}</span>
                </th>
                <td>{row.left ?? <em>absent</em>}</td>
                <td>{row.right ?? <em>absent</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function BodyDiff({ left, right }: { left: HistoryEntry; right: HistoryEntry }) {
  const comparison = useBodyComparison(left, right);
  if (comparison.status === 'loading') return <p className={styles.same}>Comparing bodies…</p>;
  if (comparison.status === 'error')
    return (
      <p className={shared.problem} role="alert">
        {comparison.message}
      </p>
    );
  const { result, truncated } = comparison;
  const note = truncated ? <p className={styles.note}>Only the first {formatBytes(COMPARE_LIMIT_BYTES)} of each body were compared.</p> : null;
  if (result.kind === 'binary') {
    return (
      <>
        {note}
        <p className={styles.same}>
          Binary bodies ({formatBytes(result.leftBytes)} and {formatBytes(result.rightBytes)}): {result.identical ? 'identical.' : 'they differ.'}
        </p>
      </>
    );
  }
  if (result.kind === 'json') {
    const { changes, truncated: many } = result.diff;
    return (
      <>
        {note}
        {changes.length === 0 ? (
          <p className={styles.same}>The JSON bodies are the same.</p>
        ) : (
          <table className={styles.table} aria-label="Body differences">
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Left</th>
                <th scope="col">Right</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.path} className={ROW_CLASS[change.kind]}>
                  <th scope="row">
                    <code>{change.path}</code>
                    <span className={styles.kind}>{change.kind}</span>
                  </th>
                  <td>
                    <code>{change.before ?? ''}</code>
                  </td>
                  <td>
                    <code>{change.after ?? ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {many ? <p className={styles.note}>Showing the first {changes.length.toLocaleString('en-US')} differences.</p> : null}
      </>
    );
  }
  if (result.left === result.right) return <p className={styles.same}>The bodies are the same.</p>;
  return (
    <>
      {note}
      <div className={styles.editor}>
        <DiffViewer original={result.left} modified={result.right} language="plaintext" ariaLabel="Body differences" />
      </div>
    </>
  );
}

/** Two history entries side by side: status, headers and body, with what differs called out. */
export function CompareView({ ids, onClose }: CompareViewProps) {
  const left = useHistoryEntry(ids[0]);
  const right = useHistoryEntry(ids[1]);
  const error = left.error ?? right.error;
  const a = left.data;
  const b = right.data;
  const headerRows = a && b ? diffHeaders(a.exchange?.response.headers ?? [], b.exchange?.response.headers ?? []) : [];
  return (
    <section className={styles.compare} aria-label="Compare entries">
      <div className={bar.bar}>
        <div className={bar.barWhat}>
          <span className={bar.barLabel}>Compare</span>
        </div>
        <button type="button" className={shared.link} onClick={onClose}>
          Close comparison
        </button>
      </div>
      {error ? (
        <p className={shared.message} role="alert">
          {toBridgeErrorMessage(error)}
        </p>
      ) : (
        <div className={styles.body}>
          <div className={styles.sides}>
            <Side entry={a} label="Left" />
            <Side entry={b} label="Right" />
          </div>
          {a && b ? (
            <>
              <section className={styles.section} aria-label="Status">
                <h3>
                  Status <span className={styles.verdict}>{a.summary.status === b.summary.status ? 'same' : 'different'}</span>
                </h3>
                <div className={styles.pair}>
                  <StatusCell entry={a} />
                  <StatusCell entry={b} />
                </div>
              </section>
              <section className={styles.section} aria-label="Headers">
                <h3>
                  Headers <span className={styles.verdict}>{countChanges(headerRows) === 0 ? 'same' : `${countChanges(headerRows)} different`}</span>
                </h3>
                <HeaderDiffTable rows={headerRows} />
              </section>
              <section className={`${styles.section} ${styles.sectionBody}`} aria-label="Body">
                <h3>Body</h3>
                <BodyDiff left={a} right={b} />
              </section>
            </>
          ) : null}
        </div>
      )}
    </section>
  );
}
