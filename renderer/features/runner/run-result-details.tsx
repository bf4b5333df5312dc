import { useMemo } from 'react';
import { requestOutcome, responseTimesOf, type RequestRun } from '../../../shared/runner';
import { useElementSize, Button } from '../../ui';
import { ResponseTimeChart } from './response-time-chart';
import styles from './runner.module.css';

const OUTCOME = { passed: 'Pass', failed: 'Fail', skipped: 'Skipped' } as const;

/** One result: its checks with messages, what its scripts printed, its times across iterations, a way to the exchange. */
export function RunResultDetails({
  result,
  results,
  iterations,
  onOpenEntry,
}: {
  result: RequestRun;
  results: readonly RequestRun[];
  iterations: number;
  onOpenEntry?: (historyId: number) => void;
}) {
  const [sizeRef, size] = useElementSize<HTMLElement>();
  const times = useMemo(() => responseTimesOf(results, result.path, Math.max(1, iterations)), [results, result.path, iterations]);
  return (
    <section ref={sizeRef} className={styles.details} aria-label={`Result of ${result.name}`}>
      <header className={styles.detailsHeader}>
        <h3 className={styles.detailsTitle}>
          {result.method} {result.name} <span className={styles.meta}>iteration {result.iteration}</span>
        </h3>
        {result.historyId !== undefined && onOpenEntry ? <Button onClick={() => onOpenEntry(result.historyId!)}>Open in response viewer</Button> : null}
      </header>
      <p className={styles.url}>{result.url}</p>
      {result.error ? <p className={requestOutcome(result) === 'cancelled' ? styles.meta : styles.error}>{result.error.message}</p> : null}
      {result.skipped ? <p>{result.skipped}</p> : null}
      {result.tests.length > 0 ? (
        <table className={styles.table} aria-label="Checks">
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Check</th>
              <th scope="col">Actual</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {result.tests.map((test, index) => (
              <tr key={index} className={styles[test.outcome]}>
                <td>{OUTCOME[test.outcome]}</td>
                <td>{test.name}</td>
                <td className={styles.mono}>{test.actual ?? ''}</td>
                <td>{test.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={styles.meta}>No checks on this request.</p>
      )}
      {result.console && result.console.length > 0 ? (
        <pre className={styles.console} aria-label="Console output">
          {result.console.map((line) => `[${line.level}] ${line.text}`).join('\n')}
        </pre>
      ) : null}
      {iterations > 1 && size.width > 0 ? (
        <ResponseTimeChart name={result.name} x={times.x} y={times.y} width={Math.max(200, Math.min(size.width - 24, 640))} />
      ) : null}
    </section>
  );
}
