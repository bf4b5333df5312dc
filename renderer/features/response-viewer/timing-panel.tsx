import { type HttpExchange } from '../../../shared/contract';
import { formatDuration, waterfallSegments } from '../../../shared/response';
import styles from './timing-panel.module.css';

/** Each phase's colour in the waterfall. */
const PHASE_CLASS: Record<ReturnType<typeof waterfallSegments>[number]['phase'], string | undefined> = {
  redirects: styles.redirects,
  dns: styles.dns,
  connect: styles.connect,
  tls: styles.tls,
  other: styles.other,
  wait: styles.wait,
  download: styles.download,
};

/** The timing waterfall, plus where the connection went and how it was secured. */
export function TimingPanel({ exchange }: { exchange: HttpExchange }) {
  const { timings, tls } = exchange;
  const segments = waterfallSegments(timings, exchange.redirects.length);
  return (
    <div>
      <ol className={styles.waterfall} aria-label="Timing waterfall">
        {segments.map((segment) => (
          <li key={segment.phase} className={styles.row}>
            <span>{segment.label}</span>
            <span className={styles.track} aria-hidden="true">
              <span className={`${styles.bar} ${PHASE_CLASS[segment.phase]}`} style={{ left: `${segment.leftPct}%`, width: `${segment.widthPct}%` }} />
            </span>
            <span className={styles.value}>{formatDuration(segment.durationMs)}</span>
            <span className={styles.explanation}>{segment.explanation}</span>
          </li>
        ))}
        <li className={`${styles.row} ${styles.total}`}>
          <span>Total</span>
          <span className={styles.track} aria-hidden="true" />
          <span className={styles.value}>{formatDuration(timings.total)}</span>
        </li>
      </ol>
      {timings.reusedConnection && <p className={styles.note}>Reused an open connection: no DNS lookup, connect or TLS handshake was needed.</p>}
      <dl className={styles.facts}>
        {exchange.remoteAddress && (
          <div>
            <dt>Remote address</dt>
            <dd>
              {exchange.remoteAddress}
              {exchange.remotePort !== null ? `:${exchange.remotePort}` : ''}
            </dd>
          </div>
        )}
        {tls && (
          <>
            <div>
              <dt>TLS</dt>
              <dd>
                {tls.protocol ?? 'unknown protocol'}
                {tls.cipher ? `, ${tls.cipher}` : ''}
              </dd>
            </div>
            <div>
              <dt>Certificate</dt>
              <dd>
                {tls.verified ? 'Verified' : 'Not verified (TLS verification was off)'}
                {tls.subject ? ` · subject ${tls.subject}` : ''}
                {tls.issuer ? ` · issuer ${tls.issuer}` : ''}
                {tls.validTo ? ` · valid until ${tls.validTo}` : ''}
              </dd>
            </div>
          </>
        )}
      </dl>
    </div>
  );
}
