import { referenceWarnings, type ReferenceProblems } from '../../../shared/request';
import { InlineMessage } from '../../ui';
import styles from './request-builder.module.css';

interface ReferenceWarningsProps {
  problems: ReferenceProblems;
  /** opens the vault dialog; the locked-secrets warning then carries the way out */
  onOpenVault?: () => void;
}

/** Under the URL bar: references that will not be replaced. Sending stays allowed; this says what will happen. */
export function ReferenceWarnings({ problems, onOpenVault }: ReferenceWarningsProps) {
  const warnings = referenceWarnings(problems);
  if (warnings.length === 0) return null;
  return (
    <div className={styles.refWarnings}>
      {warnings.map((warning) => (
        <InlineMessage key={`${warning.kind}:${warning.text}`} tone="warning">
          {warning.text}
          {warning.kind === 'locked' && onOpenVault ? (
            <>
              {' '}
              <button type="button" className={styles.refWarningsAction} aria-haspopup="dialog" onClick={onOpenVault}>
                Unlock
              </button>
            </>
          ) : null}
        </InlineMessage>
      ))}
    </div>
  );
}
