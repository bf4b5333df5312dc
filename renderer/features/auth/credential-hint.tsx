import { InlineMessage, formControls } from '../../ui';
import styles from './credential-hint.module.css';

interface CredentialHintProps {
  /** a credential is typed in as it is rather than taken from a variable */
  literal: boolean;
}

/** Recommends secret variables for credentials; louder once one is typed in directly. */
export function CredentialHint({ literal }: CredentialHintProps) {
  const text = (
    <>
      Keep credentials in secret variables and write <code className={styles.code}>{'{{name}}'}</code> here: secrets are encrypted in the vault and never shown.
      A credential typed in directly is kept in the vault when the request is saved or sent (files and history hold only a reference).
    </>
  );
  return literal ? <InlineMessage tone="info">{text}</InlineMessage> : <p className={formControls.hint}>{text}</p>;
}
