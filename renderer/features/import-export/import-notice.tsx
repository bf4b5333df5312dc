import { describeImport, type ImportSummary } from '../../../shared/importers/import-summary';

const SHOWN_MAX = 200;

export interface ImportOutcome {
  /** the collections as they are named in the workspace ("Petstore 2" when "Petstore" was there) */
  collections: { name: string; path: string }[];
  environments: string[];
  /** the counts of what was imported, as the preview showed them */
  summary: ImportSummary;
  /** one line per item: what the importer could not carry over and what was left out of the files */
  warnings: string[];
}

/** What an import did, once its dialog has closed: where the collections went and, per item, what was left out. */
export function ImportNotice({ outcome, onDismiss }: { outcome: ImportOutcome | null; onDismiss: () => void }) {
  if (!outcome) return null;
  const names = outcome.collections.map((collection) => `“${collection.name}”`).join(', ');
  const environments = outcome.environments.length > 0 ? ` Environments created: ${outcome.environments.map((name) => `“${name}”`).join(', ')}.` : '';
  const hidden = outcome.warnings.length - SHOWN_MAX;
  return (
    <div className="ie-banner ie-import-notice" role="status" aria-label="Import result">
      <span>
        {outcome.collections.length > 0 ? `Imported ${names} into the workspace: ` : 'Imported: '}
        {describeImport(outcome.summary)}.{environments}
        {outcome.warnings.length > 0 ? ' What was changed or left out:' : ''}
      </span>
      {outcome.warnings.length > 0 ? (
        <ul className="ie-banner__warnings ie-import-notice__warnings" aria-label="Not carried over">
          {outcome.warnings.slice(0, SHOWN_MAX).map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
          {hidden > 0 ? <li>…and {hidden} more.</li> : null}
        </ul>
      ) : null}
      <span className="ie-banner__actions">
        <button type="button" className="ie-button ie-button--quiet" onClick={onDismiss} aria-label="Dismiss import result">
          ×
        </button>
      </span>
    </div>
  );
}
