import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { RunSummary } from '../../../shared/contract';
import { fullTimestamp } from '../../../shared/history-view';
import { call } from '../../lib/bridge';
import { ComparedRequestsTable } from './compared-requests-table';
import { Button } from '../../ui';
import styles from './runner.module.css';

/** Two kept runs side by side per request: status and time, and what went from pass to fail. */
export function RunCompare({ before, after, onClose }: { before: RunSummary; after: RunSummary; onClose: () => void }) {
  // compared in the main process: the window gets one row per request, not both runs' every result
  const compared = useQuery({
    queryKey: ['runner', 'compare', before.id, after.id],
    queryFn: () => call('runner.compare', { before: before.id, after: after.id }),
  });
  const [changedOnly, setChangedOnly] = useState(false);
  const rows = useMemo(() => compared.data?.rows ?? [], [compared.data]);
  const shown = useMemo(() => (changedOnly ? rows.filter((row) => row.change !== 'same') : rows), [rows, changedOnly]);
  const regressions = useMemo(() => rows.filter((row) => row.change === 'pass→fail').length, [rows]);
  return (
    <section className={styles.compare} aria-label="Compare runs">
      <header className={styles.detailsHeader}>
        <h3 className={styles.detailsTitle}>
          Older run {fullTimestamp(before.startedAt)} → newer run {fullTimestamp(after.startedAt)}
        </h3>
        <span role="status">{regressions === 0 ? 'Nothing went from pass to fail.' : `${regressions} went from pass to fail.`}</span>
        <label className={styles.check}>
          <input type="checkbox" checked={changedOnly} onChange={(event) => setChangedOnly(event.target.checked)} />
          Changes only
        </label>
        <Button onClick={onClose}>Close comparison</Button>
      </header>
      {compared.error ? <p className={styles.error}>{compared.error.message}</p> : null}
      <ComparedRequestsTable rows={shown} />
    </section>
  );
}
