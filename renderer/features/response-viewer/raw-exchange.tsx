import { type HttpExchange } from '../../../shared/contract';
import { formatRedirectHop } from '../../../shared/response';
import styles from './response-viewer.module.css';

/** The exchange as it went over the wire: earlier redirect hops, then the final request and response heads. */
export function RawExchange({ exchange }: { exchange: HttpExchange }) {
  return (
    <div>
      {exchange.redirects.map((hop, i) => (
        <pre key={i} className={styles.rawBlock} aria-label={`Redirect hop ${i + 1}`}>
          {formatRedirectHop(hop, i)}
        </pre>
      ))}
      <pre className={styles.rawBlock} aria-label="Raw request head">
        {exchange.raw.requestHead.trimEnd()}
      </pre>
      <pre className={styles.rawBlock} aria-label="Raw response head">
        {exchange.raw.responseHead.trimEnd()}
      </pre>
    </div>
  );
}
