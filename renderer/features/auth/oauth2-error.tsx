import type { BridgeError } from '../../../shared/contract';
import styles from './oauth2-error.module.css';

/** An OAuth failure as the server (or the main process) put it: the message, then the server's answer verbatim. */
export function OAuth2Error({ error }: { error: BridgeError }) {
  return (
    <div role="alert" className={`ui-inline-message ui-inline-message--error ${styles.error}`}>
      <p className={styles.message}>{error.message}</p>
      {error.detail ? <pre className={styles.detail}>{error.detail}</pre> : null}
    </div>
  );
}
