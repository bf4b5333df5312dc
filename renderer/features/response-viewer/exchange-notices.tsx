import { type HttpExchange } from '../../../shared/contract';
import styles from './response-viewer.module.css';

/** Warnings (TLS verification off, headers dropped on a redirect…) and the redirect chain, above the tabs so they are not missed. */
export function ExchangeNotices({ exchange }: { exchange: HttpExchange }) {
  const warnings = [...exchange.warnings];
  if (exchange.tls && !exchange.tls.verified && !warnings.some((w) => /verif/i.test(w))) {
    warnings.unshift("TLS verification was off: the server's certificate was not checked.");
  }
  return (
    <>
      {warnings.length > 0 && (
        <ul className={styles.warnings} aria-label="Warnings">
          {warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      )}
      {exchange.redirects.length > 0 && (
        <details className={styles.redirects}>
          <summary>
            Followed {exchange.redirects.length} redirect{exchange.redirects.length === 1 ? '' : 's'}
          </summary>
          <ol aria-label="Redirect chain">
            {exchange.redirects.map((hop, i) => (
              <li key={i}>
                <code>
                  {hop.status} {hop.method} {hop.url}
                </code>{' '}
                → <code>{hop.location}</code>
                {hop.droppedHeaders.length > 0 && <span> (dropped {hop.droppedHeaders.join(', ')})</span>}
              </li>
            ))}
            <li>
              <code>
                {exchange.response.status} {exchange.request.method} {exchange.request.url}
              </code>
            </li>
          </ol>
        </details>
      )}
    </>
  );
}
