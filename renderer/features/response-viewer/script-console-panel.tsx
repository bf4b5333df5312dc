import type { HttpExchange } from '../../../shared/contract';
import { ScriptConsoleLines } from './script-console-lines';

/**
 * What this send's scripts printed (console.log/warn/error, masked in the main process) and their pm.test results,
 * each line naming the script it came from. The Tests tab of the assertions work shows the same results
 * beside the no-code assertions; here they sit next to the output that explains them.
 */
export function ScriptConsolePanel({ exchange }: { exchange: HttpExchange }) {
  const lines = exchange.scriptConsole ?? [];
  const tests = (exchange.tests?.results ?? []).filter((test) => test.source === 'script');
  return (
    <div className="script-console">
      {tests.length > 0 ? (
        <ul className="script-console__tests" aria-label="Script test results">
          {tests.map((test, index) => (
            <li key={index} className={`script-console__test script-console__test--${test.outcome}`}>
              <span className="script-console__outcome">{test.outcome === 'passed' ? 'PASS' : test.outcome === 'failed' ? 'FAIL' : 'SKIP'}</span> {test.name}
              {test.message ? <span className="script-console__message"> — {test.message}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {lines.length === 0 ? <p className="script-console__empty">The scripts printed nothing.</p> : <ScriptConsoleLines lines={lines} />}
    </div>
  );
}
