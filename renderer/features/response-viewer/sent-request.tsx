import { type HttpExchange } from '../../../shared/contract';
import { formatBytes } from '../../../shared/response';
import { ResponseHeadersTable } from './response-headers-table';
import styles from './response-viewer.module.css';

/** What was actually sent, with the headers Courier added by default. */
export function SentRequest({ exchange }: { exchange: HttpExchange }) {
  const { request } = exchange;
  return (
    <div>
      <p className={styles.sentLine} data-testid="sent-request-line">
        <code>
          {request.method} {request.url} HTTP/{request.httpVersion}
        </code>
      </p>
      <ResponseHeadersTable headers={request.headers} label="Request headers sent" />
      <p>Body: {request.bodyBytes > 0 ? formatBytes(request.bodyBytes) : 'none'}</p>
    </div>
  );
}
