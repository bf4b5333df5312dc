import { useState } from 'react';
import { describeImport, type ImportSummary } from '../../../shared/importers/import-summary';
import { Button, NOTICE_TIMEOUT_MS, useAutoDismiss } from '../../ui';
// the notice's own margin overrides the banner's: its module comes after
import banner from './notice-banner.module.css';
import styles from './import-notice.module.css';

const SHOWN_MAX = 200;

export interface ImportOutcome {
  /** the collections as they are named in the workspace ("Petstore 2" when "Petstore" was there) */
  collections: { name: string; path: string }[];
  /** the existing collection the requests were added to instead, and the paths of the new requests */
  into?: { name: string; path: string; added: string[] };
  environments: string[];
  /** the counts of what was imported, as the preview showed them */
  summary: ImportSummary;
  /** one line per item: what the importer could not carry over and what was left out of the files */
  warnings: string[];
}

/**
 * What an import did, once its dialog has closed: one line saying where the collections went, and what was changed or
 * left out per item behind a disclosure, so the notice does not push the builder down by a screenful (finding 26).
 * It goes by itself like the app's other notices (longer when it has details to open), but not while those details are
 * open or the pointer or focus is on it: someone reading the list must not lose it mid-line.
 */
export function ImportNotice({ outcome, onDismiss }: { outcome: ImportOutcome | null; onDismiss: () => void }) {
  // kept against the outcome it was opened for, so the next import's notice starts folded and on the clock
  const [expandedFor, setExpandedFor] = useState<ImportOutcome | null>(null);
  const expanded = outcome !== null && expandedFor === outcome;
  const timeout = outcome === null || expanded ? null : outcome.warnings.length === 0 ? NOTICE_TIMEOUT_MS.success : NOTICE_TIMEOUT_MS.details;
  const handlers = useAutoDismiss(timeout, onDismiss, outcome);
  if (!outcome) return null;
  const names = outcome.collections.map((collection) => `“${collection.name}”`).join(', ');
  const environments = outcome.environments.length > 0 ? ` Environments created: ${outcome.environments.map((name) => `“${name}”`).join(', ')}.` : '';
  const hidden = outcome.warnings.length - SHOWN_MAX;
  const count = outcome.warnings.length;
  return (
    <div className={`${banner.banner} ${styles.notice}`} role="status" aria-label="Import result" {...handlers}>
      <span>
        {outcome.into ? `Imported into “${outcome.into.name}”: ` : outcome.collections.length > 0 ? `Imported ${names} into the workspace: ` : 'Imported: '}
        {describeImport(outcome.summary)}.{environments}
      </span>
      {count > 0 ? (
        <details className={styles.details} open={expanded} onToggle={(event) => setExpandedFor(event.currentTarget.open ? outcome : null)}>
          <summary>{count === 1 ? '1 change or omission' : `${count} changes or omissions`}</summary>
          <ul className={`${banner.warnings} ${styles.warnings}`} aria-label="Not carried over">
            {outcome.warnings.slice(0, SHOWN_MAX).map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
            {hidden > 0 ? <li>…and {hidden} more.</li> : null}
          </ul>
        </details>
      ) : null}
      <span className={banner.actions}>
        <Button variant="quiet" onClick={onDismiss} aria-label="Dismiss import result">
          ×
        </Button>
      </span>
    </div>
  );
}
