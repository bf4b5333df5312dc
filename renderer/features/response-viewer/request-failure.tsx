import type { ReactNode } from 'react';
import { type BridgeError } from '../../../shared/contract';
import { errorForPeople } from '../../../shared/response';

/**
 * A failed request in plain words: a headline, a sentence, and the codes in one small details line (for searching and
 * bug reports) rather than in the sentence.
 */
export function RequestFailure({ error, action = null }: { error: BridgeError; action?: ReactNode }) {
  const shown = errorForPeople(error);
  return (
    <div className="response-failure" role="alert">
      <h2 className="response-failure__title">{shown.title}</h2>
      <p className="response-failure__message">{shown.sentence}</p>
      {action ? <p className="response-failure__action">{action}</p> : null}
      <p className="response-failure__code">
        Details: <code>{shown.details}</code>
      </p>
    </div>
  );
}
