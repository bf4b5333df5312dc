import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { RunSummary } from '../../../shared/contract';
import { compareRuns, type ComparedRequest, type RunSide } from '../../../shared/runner';
import { call } from '../../lib/bridge';
import styles from './runner.module.css';

// "removed" read as if the request had been deleted; mostly the newer run just had fewer iterations
const CHANGE: Record<ComparedRequest['change'], string> = {
  same: 'no change',
  'pass→fail': 'pass → fail',
  'fail→pass': 'fail → pass',
  added: 'only in the newer run',
  removed: 'only in the older run',
};

const sideText = (side: RunSide | null) => (side === null ? '—' : `${side.status ?? 'no response'} · ${side.timeMs ?? '—'} ms${side.failed ? ' · failed' : ''}`);

/** Two kept runs side by side per request: status and time, and what went from pass to fail. */
export function RunCompare({ before, after, onClose }: { before: RunSummary; after: RunSummary; onClose: () => void }) {
  const older = useQuery({ queryKey: ['runner', 'run', before.id], queryFn: () => call('runner.get', { runId: before.id }) });
  const newer = useQuery({ queryKey: ['runner', 'run', after.id], queryFn: () => call('runner.get', { runId: after.id }) });
  const [changedOnly, setChangedOnly] = useState(false);
  const rows = useMemo(() => (older.data && newer.data ? compareRuns(older.data.requests, newer.data.requests) : []), [older.data, newer.data]);
  const shown = changedOnly ? rows.filter((row) => row.change !== 'same') : rows;
  const regressions = rows.filter((row) => row.change === 'pass→fail').length;
  return (
    <section className={styles.compare} aria-label="Compare runs">
      <header className={styles.detailsHeader}>
        <h3 className={styles.detailsTitle}>
          Older run {new Date(before.startedAt).toLocaleString()} → newer run {new Date(after.startedAt).toLocaleString()}
        </h3>
        <span role="status">{regressions === 0 ? 'Nothing went from pass to fail.' : `${regressions} went from pass to fail.`}</span>
        <label className={styles.check}>
          <input type="checkbox" checked={changedOnly} onChange={(event) => setChangedOnly(event.target.checked)} />
          Changes only
        </label>
        <button type="button" className={styles.button} onClick={onClose}>
          Close comparison
        </button>
      </header>
      {older.error || newer.error ? <p className={styles.error}>{(older.error ?? newer.error)!.message}</p> : null}
      <div className={styles.tableScroll}>
        <table className={styles.table} aria-label="Compared requests">
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Iteration</th>
              <th scope="col">Older run</th>
              <th scope="col">Newer run</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} className={row.change === 'pass→fail' ? styles.failed : row.change === 'fail→pass' ? styles.passed : undefined}>
                <td>{row.name}</td>
                <td>{row.iteration}</td>
                <td>{sideText(row.before)}</td>
                <td>{sideText(row.after)}</td>
                <td>{CHANGE[row.change]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
