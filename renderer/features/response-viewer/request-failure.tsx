import type { ReactNode } from 'react';
import { type BridgeError } from '../../../shared/contract';
import { errorForPeople } from '../../../shared/response';
import { ScriptConsoleLines } from './script-console-lines';
import styles from './request-failure.module.css';

/**
 * A failed request in plain words: a headline, a sentence, and the codes in one small details line (for searching and
 * bug reports) rather than in the sentence. A pre-request script that failed brings what it printed first: the console
 * lines that explain it, ending with the error itself, as a console would show it.
 */
export function RequestFailure({ error, action = null }: { error: BridgeError; action?: ReactNode }) {
  const shown = errorForPeople(error);
  const printed = error.scriptConsole ?? [];
  return (
    <>
      <div className={styles.failure} role="alert">
        <h2 className={styles.title}>{shown.title}</h2>
        <p>{shown.sentence}</p>
        {action ? <p>{action}</p> : null}
        <p className={styles.code}>
          Details: <code>{shown.details}</code>
        </p>
      </div>
      {printed.length > 0 ? (
        <section className={styles.console} aria-label="Script console">
          <h3 className={styles.consoleTitle}>Console</h3>
          <ScriptConsoleLines lines={[...printed, { level: 'error', text: error.message, origin: 'Courier' }]} />
        </section>
      ) : null}
    </>
  );
}
