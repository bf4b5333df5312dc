import { Fragment } from 'react';
import { SCOPE_LABELS } from '../../../shared/request';

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
    <div className="rb-precedence">
      <span className="rb-precedence__label" id="rb-precedence-label">
        Precedence
      </span>
      <ol className="rb-precedence__list" aria-labelledby="rb-precedence-label">
        {scopes.map((scope, index) => (
          <Fragment key={scope.key}>
            {index > 0 ? (
              <li className="rb-precedence__sep" aria-hidden="true">
                ›
              </li>
            ) : null}
            <li className={scope.key === 'request' ? 'rb-precedence__scope rb-precedence__scope--here' : 'rb-precedence__scope'}>
              {scope.text}
              {scope.note ? <span className="rb-precedence__note"> ({scope.note})</span> : null}
            </li>
          </Fragment>
        ))}
      </ol>
    </div>
  );
}
