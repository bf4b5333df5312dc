import { Fragment } from 'react';
import { SCOPE_LABELS } from '../../../shared/request';
import styles from './request-builder.module.css';

interface PrecedenceLineProps {
  /** the active environment's name, or null when none is active */
  environment: string | null;
}

/** Which scope wins when several define a name, highest first, with this tab's scope (Request) marked. */
export function PrecedenceLine({ environment }: PrecedenceLineProps) {
  const scopes = [
    { key: 'request', text: SCOPE_LABELS.request, note: 'this tab' },
    {
      key: 'environment',
      text: environment ? `${SCOPE_LABELS.environment} “${environment}”` : SCOPE_LABELS.environment,
      note: environment ? null : 'none active',
    },
    { key: 'folder', text: 'Folder', note: null },
    { key: 'container', text: 'Collection', note: null },
    { key: 'collection', text: SCOPE_LABELS.collection, note: null },
    { key: 'global', text: SCOPE_LABELS.global, note: null },
  ];
  return (
    <div className={styles.precedence}>
      <span className={styles.precedenceLabel} id="rb-precedence-label">
        Precedence
      </span>
      <ol className={styles.precedenceList} aria-labelledby="rb-precedence-label">
        {scopes.map((scope, index) => (
          <Fragment key={scope.key}>
            {index > 0 ? (
              <li className={styles.precedenceSep} aria-hidden="true">
                ›
              </li>
            ) : null}
            <li className={scope.key === 'request' ? `${styles.precedenceScope} ${styles.precedenceScopeHere}` : styles.precedenceScope}>
              {scope.text}
              {scope.note ? <span className={styles.precedenceNote}> ({scope.note})</span> : null}
            </li>
          </Fragment>
        ))}
      </ol>
    </div>
  );
}
