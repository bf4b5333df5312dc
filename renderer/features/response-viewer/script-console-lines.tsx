import type { ScriptConsoleLine } from '../../../shared/contract';
import styles from './script-console.module.css';

/** Warnings and errors stand out; log, info and debug lines keep the text colour. */
const LEVEL_CLASS: Partial<Record<ScriptConsoleLine['level'], string>> = { warn: styles.lineWarn, error: styles.lineError };

/** The printed lines, each naming the script it came from; also shown under a pre-request script's failure. */
export function ScriptConsoleLines({ lines }: { lines: readonly ScriptConsoleLine[] }) {
  return (
    <ol className={styles.lines} aria-label="Script console output">
      {lines.map((line, index) => (
        <li key={index} className={`${styles.line} ${LEVEL_CLASS[line.level] ?? ''}`.trimEnd()} title={line.origin}>
          <span className={styles.level}>{line.level}</span> <span>{line.text}</span>
        </li>
      ))}
    </ol>
  );
}
