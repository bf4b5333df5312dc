import { type HttpExchange } from '../../../shared/contract';
import { formatDuration, waterfallSegments } from '../../../shared/response';

/** The timing waterfall, plus where the connection went and how it was secured. */
export function TimingPanel({ exchange }: { exchange: HttpExchange }) {
  const { timings, tls } = exchange;
  const segments = waterfallSegments(timings, exchange.redirects.length);
  return (
    <div className="response-timing">
      <ol className="response-waterfall" aria-label="Timing waterfall">
        {segments.map((segment) => (
          <li key={segment.phase} className="response-waterfall__row">
            <span className="response-waterfall__label">{segment.label}</span>
            <span className="response-waterfall__track" aria-hidden="true">
              <span
                className={`response-waterfall__bar response-waterfall__bar--${segment.phase}`}
                style={{ left: `${segment.leftPct}%`, width: `${segment.widthPct}%` }}
              />
            </span>
            <span className="response-waterfall__value">{formatDuration(segment.durationMs)}</span>
            <span className="response-waterfall__explanation">{segment.explanation}</span>
          </li>
        ))}
        <li className="response-waterfall__row response-waterfall__row--total">
          <span className="response-waterfall__label">Total</span>
          <span className="response-waterfall__track" aria-hidden="true" />
          <span className="response-waterfall__value">{formatDuration(timings.total)}</span>
        </li>
      </ol>
      {timings.reusedConnection && <p className="response-timing__note">Reused an open connection: no DNS lookup, connect or TLS handshake was needed.</p>}
      <dl className="response-timing__facts">
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
