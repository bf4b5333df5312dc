import { type ReactNode } from 'react';
import { type PartialResponse } from '../../lib/execution-state';
import { formatBytes, formatProgress } from '../../../shared/response';
import { BodyTextPreview } from './body-text-preview';
import { ResponseHeadersTable } from './response-headers-table';
import { StatusCode } from './status-summary';
import bodyStyles from './response-body.module.css';
import styles from './partial-response.module.css';

/**
 * What has arrived of a response whose body is not complete: its status and headers as soon as they came, and the
 * first lines of its body (masked in the main process, like everything the window is sent). While it arrives it is
 * replaced by the full view when the exchange completes; after Cancel it stays, said to be incomplete.
 */
export function PartialResponseView({
  partial,
  ended = null,
  progress = null,
}: {
  partial: PartialResponse;
  /** how it ended before the body was complete (null: still arriving) */
  ended?: 'cancelled' | 'failed' | null;
  progress?: ReactNode;
}) {
  const { head, preview } = partial;
  const received = formatProgress(partial.bytesReceived, partial.bytesExpected);
  return (
    <div className={preview ? `${styles.partial} ${styles.grow}` : styles.partial} data-testid={ended ? `response-partial-${ended}` : 'response-partial'}>
      <div className={styles.bar}>
        {head && <StatusCode status={head.status} statusText={head.statusText} testId="response-status-partial" />}
        {progress}
        {head && (
          <details className={styles.headers}>
            <summary>Headers ({head.headers.length})</summary>
            <ResponseHeadersTable headers={head.headers} label="Response headers received so far" />
          </details>
        )}
      </div>
      {ended ? (
        <p className={styles.cancelled} role="status">
          {ended === 'cancelled' ? 'Request cancelled' : 'Failed'} after {received}: the response is incomplete and was not kept.
          {preview ? ' Its first lines, as they arrived, are below.' : ''}
        </p>
      ) : (
        preview && (
          <p className={styles.note}>Still receiving: the first {formatBytes(preview.bytes)} are shown; the whole body opens here when it has arrived.</p>
        )
      )}
      {preview && (
        <div className={bodyStyles.body} data-testid="response-body">
          <BodyTextPreview text={preview.text} />
        </div>
      )}
    </div>
  );
}
