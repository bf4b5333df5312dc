import type { SecretFlag } from '../../../shared/environments';
import styles from './variables-table.module.css';

/**
 * A flag on one variable ("Locked", "Can’t be decrypted"). The explanation is the tooltip, and is also tied to the
 * value field (by `explanationId`) so keyboard and screen reader users get it too.
 */
export function SecretFlagBadge({ flag, explanationId }: { flag: SecretFlag; explanationId: string }) {
  return (
    <>
      <span className={`${styles.flag} ${flag.tone === 'error' ? styles.flagError : styles.flagWarning}`} title={flag.explanation}>
        {flag.label}
      </span>
      <span id={explanationId} className="visually-hidden">
        {flag.label}: {flag.explanation}
      </span>
    </>
  );
}
