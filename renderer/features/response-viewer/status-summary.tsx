import { type HttpExchange } from '../../../shared/contract';
import { formatBytes, formatDuration, statusInfo } from '../../../shared/response';
// the module itself, not shared/runner's index: that brings papaparse (the runner's CSV data files) into start-up
import { retryWait } from '../../../shared/runner/rate-limit';
import styles from './status-summary.module.css';

/** The status's colours, by its class (1xx, 2xx… or unknown). */
const STATUS_CLASS: Record<ReturnType<typeof statusInfo>['statusClass'], string | undefined> = {
  informational: styles.informational,
  success: styles.success,
  redirect: styles.redirect,
  'client-error': styles.clientError,
  'server-error': styles.serverError,
  unknown: styles.unknown,
};

/** The headline: status with reason and what it means, time, and sizes on the wire and decoded. */
export function StatusSummary({ exchange }: { exchange: HttpExchange }) {
  const info = statusInfo(exchange.response.status, exchange.response.statusText);
  const { sizes, timings } = exchange;
  const compressed = sizes.responseBodyWireBytes !== sizes.responseBodyBytes;
  // "wait (see Retry-After)" says how long: measured from when the answer came (an HTTP date is absolute)
  const wait = retryWait(exchange.response.status, exchange.response.headers, timings.startedAt + timings.total);
  return (
    <div className={styles.status} aria-label="Response summary" role="group">
      <StatusCode status={exchange.response.status} statusText={exchange.response.statusText} testId="response-status" />
      <p className={styles.explanation} data-testid="response-status-explanation">
        {info.explanation}
        {wait ? ` The server asks to wait ${formatDuration(wait.waitMs)} (${wait.source}).` : null}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Time</dt>
          <dd data-testid="response-time">{formatDuration(timings.total)}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd
            data-testid="response-size"
            title={`${sizes.responseBodyBytes} bytes decoded, ${sizes.responseBodyWireBytes} bytes on the wire, ${sizes.responseHeaderBytes} bytes of headers`}
          >
            {formatBytes(sizes.responseBodyBytes)}
            {compressed && <> ({formatBytes(sizes.responseBodyWireBytes)} on the wire)</>}
          </dd>
        </div>
        <div>
          <dt>Protocol</dt>
          <dd>HTTP/{exchange.response.httpVersion}</dd>
        </div>
      </dl>
    </div>
  );
}

/** "200 OK" in its class's colours; the reason the server sent, or the standard one. */
export function StatusCode({ status, statusText, testId }: { status: number; statusText: string; testId: string }) {
  const info = statusInfo(status, statusText);
  return (
    <p className={`${styles.code} ${STATUS_CLASS[info.statusClass]}`} data-testid={testId}>
      <strong>{status}</strong> {info.reason}
    </p>
  );
}
