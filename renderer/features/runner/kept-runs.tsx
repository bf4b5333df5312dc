import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RunSummary } from '../../../shared/contract';
import { fullTimestamp } from '../../../shared/history-view';
import { call } from '../../lib/bridge';
import { totalsLine } from './result-text';
import { Button } from '../../ui';
import styles from './runner.module.css';

export const keptRunsKey = (collection: string) => ['runner', 'runs', collection] as const;

// the app's one way of writing a moment (history's): "5 Dec 2026, 23:47:30"
const when = (run: RunSummary) => fullTimestamp(run.startedAt);

/** The collection's kept runs (the last 50); open one, or tick two and compare them. */
export function KeptRuns({
  collection,
  onOpen,
  onCompare,
}: {
  collection: string;
  onOpen: (run: RunSummary) => void;
  onCompare: (before: RunSummary, after: RunSummary) => void;
}) {
  const runs = useQuery({ queryKey: keptRunsKey(collection), queryFn: async () => (await call('runner.list', { collection })).runs });
  const [ticked, setTicked] = useState<string[]>([]);
  const toggle = (id: string) => setTicked((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current.slice(-1), id]));
  const chosen = (runs.data ?? []).filter((run) => ticked.includes(run.id));
  if (runs.isError) return <p className={styles.error}>{runs.error.message}</p>;
  if ((runs.data ?? []).length === 0) return <p className={styles.meta}>No kept runs yet: finished runs of this collection are kept here (the last 50).</p>;
  return (
    <section className={styles.kept} aria-label="Kept runs">
      <div className={styles.actions}>
        <Button
          disabled={chosen.length !== 2}
          // the older run is "before", whichever was ticked first
          onClick={() =>
            chosen.length === 2 &&
            onCompare(...((chosen[0]!.startedAt <= chosen[1]!.startedAt ? [chosen[0]!, chosen[1]!] : [chosen[1]!, chosen[0]!]) as [RunSummary, RunSummary]))
          }
        >
          Compare the two ticked runs
        </Button>
        {chosen.length !== 2 ? (
          <span className={styles.meta}>{(runs.data ?? []).length < 2 ? 'Run again to have two runs to compare.' : 'Tick two runs to compare them.'}</span>
        ) : null}
      </div>
      <ul className={styles.keptList}>
        {(runs.data ?? []).map((run) => (
          <li key={run.id} className={styles.keptRow}>
            <input type="checkbox" aria-label={`Compare run of ${when(run)}`} checked={ticked.includes(run.id)} onChange={() => toggle(run.id)} />
            <button type="button" className={styles.linkButton} onClick={() => onOpen(run)}>
              {run.name} · {when(run)}
            </button>
            <span className={run.totals.failedRequests > 0 ? styles.failedText : undefined}>
              {totalsLine(run.totals)}
              {run.cancelled ? ' · cancelled' : run.bailed ? ' · stopped at first failure' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
