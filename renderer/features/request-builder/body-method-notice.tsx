import { methodUsuallyHasNoBody, type BodyEditorKind } from '../../../shared/request';
import { InlineMessage } from '../../ui';
import styles from './request-builder.module.css';

interface BodyMethodNoticeProps {
  method: string;
  bodyKind: BodyEditorKind;
  /** sets the body to None (what was typed stays in the draft, one click on its kind away) */
  onRemoveBody: () => void;
}

/**
 * Under the URL bar, on every request tab: a GET or HEAD that would go out with a body (often left over from a
 * POST). Sending stays allowed; the Body tab is rarely the tab on screen when the method is switched.
 */
export function BodyMethodNotice({ method, bodyKind, onRemoveBody }: BodyMethodNoticeProps) {
  // A GraphQL body picks its own transport (GET puts the query in the URL), so it is not a body on a GET.
  if (bodyKind === 'none' || bodyKind === 'graphql' || !methodUsuallyHasNoBody(method)) return null;
  return (
    <div className={styles.refWarnings}>
      <InlineMessage tone="warning">
        {method} with a body: some servers ignore or reject it.{' '}
        <button type="button" className={styles.refWarningsAction} onClick={onRemoveBody}>
          Remove body
        </button>
      </InlineMessage>
    </div>
  );
}
