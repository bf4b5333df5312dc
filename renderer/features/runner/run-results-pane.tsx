import { useMemo, useState } from 'react';
import { requestFailed } from '../../../shared/runner';
import { RateLimitCountdown } from './rate-limit-countdown';
import { RunExportButtons } from './run-export-buttons';
import { RunResultDetails } from './run-result-details';
import { RunResultsList } from './run-results-list';
import { currentLine, totalsLine } from './result-text';
import type { RunStream } from './use-run-stream';
import styles from './runner.module.css';

/** The run as it goes: totals, what is being sent or waited for, the results (all or failures), one result's details. */
export function RunResultsPane({ stream, onOpenEntry }: { stream: RunStream; onOpenEntry?: (historyId: number) => void }) {
  const { run, results, totals } = stream;
  const [failuresOnly, setFailuresOnly] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  // indexes into results, so a selection survives switching the filter
  const shown = useMemo(() => results.flatMap((result, index) => (!failuresOnly || requestFailed(result) ? [index] : [])), [results, failuresOnly]);
  const shownResults = useMemo(() => shown.map((index) => results[index]!), [shown, results]);
  const chosen = selected === null ? undefined : results[selected];
  if (run.status === 'idle') return <p className={styles.meta}>Choose the options and press Run. Results appear here as each request finishes.</p>;
  return (
    <div className={styles.resultsPane}>
      <div className={styles.statusBar}>
        <p role="status" aria-label="Run totals" className={totals.failedRequests > 0 ? styles.failedText : undefined}>
          {totalsLine(totals, run.status === 'running' && run.planned > 0 ? run.planned * run.iterations : undefined)}
          {/* how the run ended, once: a cancelled run did not finish */}
          {run.summary?.cancelled ? ' · cancelled' : run.summary?.bailed ? ' · stopped at the first failure' : run.status === 'finished' ? ' · finished' : ''}
        </p>
        {run.current && run.status === 'running' && !run.wait ? <p className={styles.meta}>{currentLine(run.current, run.iterations)}</p> : null}
        {run.wait ? <RateLimitCountdown wait={run.wait} /> : null}
        {run.error ? (
          <p role="alert" className={styles.error}>
            {run.error}
          </p>
        ) : null}
      </div>
      <div className={styles.toolbar}>
        <label className={styles.check}>
          <input type="checkbox" checked={failuresOnly} onChange={(event) => setFailuresOnly(event.target.checked)} />
          Failures only
        </label>
        {run.status === 'finished' && run.runId ? <RunExportButtons runId={run.runId} name={run.name} /> : null}
      </div>
      <div className={styles.split}>
        {shownResults.length === 0 ? (
          <p className={styles.empty}>
            {failuresOnly && results.length > 0
              ? 'No failures so far.'
              : run.status === 'running' || run.status === 'starting'
                ? 'Waiting for the first response…'
                : 'No requests were run.'}
          </p>
        ) : (
          <RunResultsList
            results={shownResults}
            selected={selected === null ? null : shown.indexOf(selected)}
            onSelect={(index) => setSelected(shown[index] ?? null)}
          />
        )}
        {chosen ? (
          <RunResultDetails result={chosen} results={results} iterations={run.iterations} onOpenEntry={onOpenEntry} />
        ) : results.length > 0 ? (
          <p className={styles.empty}>Choose a result to see its checks, their messages and its response times.</p>
        ) : null}
      </div>
    </div>
  );
}
