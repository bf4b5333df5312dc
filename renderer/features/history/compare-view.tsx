import './history.css';
import { useState } from 'react';
import type { HistoryEntry } from '../../../shared/contract';
import { countChanges, diffHeaders, fullTimestamp, statusText, statusTone, type HeaderDiffRow } from '../../../shared/history-view';
import { formatBytes } from '../../../shared/response';
import { DiffViewer } from '../../ui/monaco';
import { toBridgeErrorMessage } from './error-message';
import { useHistoryEntry } from './history-queries';
import { COMPARE_LIMIT_BYTES, useBodyComparison } from './use-body-comparison';

interface CompareViewProps {
  ids: [number, number];
  onClose: () => void;
}

function Side({ entry, label }: { entry: HistoryEntry | undefined; label: string }) {
  if (!entry) return <div className="cmp-side">{label}: loading…</div>;
  const s = entry.summary;
  return (
    <div className="cmp-side">
      <span className="cmp-side__label">{label}</span>
      <span className="cmp-side__title" title={s.url}>
        {s.method} {s.url}
      </span>
      <span className="cmp-side__time">{fullTimestamp(s.sentAt)}</span>
    </div>
  );
}

function StatusCell({ entry }: { entry: HistoryEntry }) {
  const s = entry.summary;
  return (
    <span className={`hp-status hp-status--${statusTone(s.statusClass)}`}>
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
      <label className="hp-check">
        <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />
        Only differences
      </label>
      {shown.length === 0 ? (
        <p className="cmp-same">{rows.length === 0 ? 'Neither response has headers.' : 'The headers are the same.'}</p>
      ) : (
        <table className="cmp-table" aria-label="Header differences">
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Left</th>
              <th scope="col">Right</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.name.toLowerCase()} className={`cmp-row cmp-row--${row.kind}`}>
                <th scope="row">
                  {row.name}
                  <span className="cmp-kind">{row.kind === 'same' ? '' : row.kind}</span>
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
  if (comparison.status === 'loading') return <p className="cmp-same">Comparing bodies…</p>;
  if (comparison.status === 'error')
    return (
      <p className="hp-problem" role="alert">
        {comparison.message}
      </p>
    );
  const { result, truncated } = comparison;
  const note = truncated ? <p className="cmp-note">Only the first {formatBytes(COMPARE_LIMIT_BYTES)} of each body were compared.</p> : null;
  if (result.kind === 'binary') {
    return (
      <>
        {note}
        <p className="cmp-same">
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
          <p className="cmp-same">The JSON bodies are the same.</p>
        ) : (
          <table className="cmp-table" aria-label="Body differences">
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Left</th>
                <th scope="col">Right</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.path} className={`cmp-row cmp-row--${change.kind}`}>
                  <th scope="row">
                    <code>{change.path}</code>
                    <span className="cmp-kind">{change.kind}</span>
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
        {many ? <p className="cmp-note">Showing the first {changes.length.toLocaleString('en-US')} differences.</p> : null}
      </>
    );
  }
  if (result.left === result.right) return <p className="cmp-same">The bodies are the same.</p>;
  return (
    <>
      {note}
      <div className="cmp-editor">
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
    <section className="cmp" aria-label="Compare entries">
      <div className="hev-bar">
        <div className="hev-bar__what">
          <span className="hev-bar__label">Compare</span>
        </div>
        <button type="button" className="hp-link" onClick={onClose}>
          Close comparison
        </button>
      </div>
      {error ? (
        <p className="hp-list-message" role="alert">
          {toBridgeErrorMessage(error)}
        </p>
      ) : (
        <div className="cmp-body">
          <div className="cmp-sides">
            <Side entry={a} label="Left" />
            <Side entry={b} label="Right" />
          </div>
          {a && b ? (
            <>
              <section className="cmp-section" aria-label="Status">
                <h3>
                  Status <span className="cmp-verdict">{a.summary.status === b.summary.status ? 'same' : 'different'}</span>
                </h3>
                <div className="cmp-pair">
                  <StatusCell entry={a} />
                  <StatusCell entry={b} />
                </div>
              </section>
              <section className="cmp-section" aria-label="Headers">
                <h3>
                  Headers <span className="cmp-verdict">{countChanges(headerRows) === 0 ? 'same' : `${countChanges(headerRows)} different`}</span>
                </h3>
                <HeaderDiffTable rows={headerRows} />
              </section>
              <section className="cmp-section cmp-section--body" aria-label="Body">
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
