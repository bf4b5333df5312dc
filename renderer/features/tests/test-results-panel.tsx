import type { ExchangeTests } from '../../../shared/contract';
import { testCounts } from '../../../shared/testing/view';
import table from './tests-table.module.css';
import styles from './test-results-panel.module.css';

const OUTCOME_LABEL = { passed: 'Pass', failed: 'Fail', skipped: 'Skipped', set: 'Set' } as const;
/** a variable that was set reads like a check that passed */
const OUTCOME_CLASS: Record<keyof typeof OUTCOME_LABEL, string | undefined> = {
  passed: styles.passed,
  failed: styles.failed,
  skipped: styles.skipped,
  set: styles.passed,
};

/** After a send (or in a history entry): each check with its outcome, the value it saw and why it failed. */
export function TestResultsPanel({ tests }: { tests: ExchangeTests }) {
  const counts = testCounts(tests.results);
  return (
    <div>
      <p className={styles.summary} role="status">
        {counts.passed} of {counts.total} passed{counts.failed > 0 ? `, ${counts.failed} failed` : ''}
        {counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}
      </p>
      {tests.results.length > 0 ? (
        <table className={table.table} aria-label="Test results">
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Check</th>
              <th scope="col">Actual</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {tests.results.map((result, index) => (
              <tr key={index} className={OUTCOME_CLASS[result.outcome]}>
                <td>{OUTCOME_LABEL[result.outcome]}</td>
                <td>{result.name}</td>
                <td className={styles.mono}>{result.actual ?? ''}</td>
                <td>{result.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {tests.captures.length > 0 ? (
        <table className={table.table} aria-label="Captured variables">
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Variable</th>
              <th scope="col">Value</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {tests.captures.map((capture, index) => (
              <tr key={index} className={OUTCOME_CLASS[capture.outcome]}>
                <td>{OUTCOME_LABEL[capture.outcome]}</td>
                <td>{`{{${capture.variable}}}`}</td>
                <td className={styles.mono}>{capture.value ?? ''}</td>
                <td>{capture.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** "Tests 3/4": passed over evaluated (skipped rows do not count either way). */
export function testsTabLabel(tests: ExchangeTests): string {
  const counts = testCounts(tests.results);
  return `Tests ${counts.passed}/${counts.total}`;
}

/**
 * The Tests tab's label: the counts in a badge, red when a check failed, so a failure shows from whichever tab is open
 * (new-user pass: "Tests 2/3" in the same grey as the other tabs, beside "200 OK — The request succeeded").
 */
export function TestsTabCounts({ tests }: { tests: ExchangeTests }) {
  const counts = testCounts(tests.results);
  return (
    <>
      Tests <span className={counts.failed > 0 ? 'ui-tabs__badge ui-tabs__badge--error' : 'ui-tabs__badge'}>{`${counts.passed}/${counts.total}`}</span>
    </>
  );
}
