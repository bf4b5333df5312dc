import type { HttpExchange } from '../../../shared/contract';
import { ScriptConsoleLines } from './script-console-lines';
import styles from './script-console.module.css';

/**
 * What this send's scripts printed (console.log/warn/error, masked in the main process) and their pm.test results,
 * each line naming the script it came from. The Tests tab of the assertions work shows the same results
 * beside the no-code assertions; here they sit next to the output that explains them.
 */
export function ScriptConsolePanel({ exchange }: { exchange: HttpExchange }) {
  const lines = exchange.scriptConsole ?? [];
  const tests = (exchange.tests?.results ?? []).filter((test) => test.source === 'script');
  return (
    <div>
      {tests.length > 0 ? (
        <ul className={styles.tests} aria-label="Script test results">
          {tests.map((test, index) => (
            <li key={index} className={test.outcome === 'failed' ? `${styles.test} ${styles.testFailed}` : styles.test}>
              <span className={styles.outcome}>{test.outcome === 'passed' ? 'PASS' : test.outcome === 'failed' ? 'FAIL' : 'SKIP'}</span> {test.name}
              {test.message ? <span> — {test.message}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {lines.length === 0 ? <p>The scripts printed nothing.</p> : <ScriptConsoleLines lines={lines} />}
    </div>
  );
}
