import { memo } from 'react';
import type { HistorySummary } from '../../../shared/contract';
import { fullTimestamp, statusText, statusTone, timeOfDay } from '../../../shared/history-view';
import { formatBytes, formatDuration } from '../../../shared/response';
import styles from './history-list.module.css';
import { statusClassName } from './status-style';

interface HistoryRowProps {
  summary: HistorySummary;
  active: boolean;
  checked: boolean;
  onOpen: (id: number) => void;
  onToggleChecked: (id: number) => void;
}

const METHOD_CLASS: Partial<Record<string, string>> = {
  GET: styles.methodGet,
  POST: styles.methodPost,
  PUT: styles.methodPut,
  PATCH: styles.methodPatch,
  DELETE: styles.methodDelete,
};

/** The method in its colour; any other method keeps the plain one. */
function methodClass(method: string): string | undefined {
  const colour = METHOD_CLASS[method];
  return colour ? `${styles.method} ${colour}` : styles.method;
}

/**
 * The host (with its port: 127.0.0.1:8001 and :8002 are different servers) shown fainter in front of the path and
 * query; the scheme is left out of the row for room (the full URL is in its title and accessible name).
 */
function splitUrl(url: string): { host: string; port: string; path: string; query: string } {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*?)(:\d+)?(\/[^?#]*)?([?#].*)?$/i.exec(url);
  return match ? { host: match[1]!, port: match[2] ?? '', path: match[3] || '/', query: match[4] ?? '' } : { host: '', port: '', path: url, query: '' };
}

/** Where a redirected request ended: its path and query on the same origin, the whole URL elsewhere. */
function redirectTarget(sent: string, final: string): string {
  try {
    const from = new URL(sent);
    const to = new URL(final);
    return from.origin === to.origin ? `${to.pathname}${to.search}` : final;
  } catch {
    return final;
  }
}

/**
 * One entry of the list. Kept cheap: plain elements, no hooks, memoised by its summary object, because hundreds
 * mount and unmount while a long history is scrolled.
 */
export const HistoryRow = memo(function HistoryRow({ summary, active, checked, onOpen, onToggleChecked }: HistoryRowProps) {
  const { host, port, path, query } = splitUrl(summary.url);
  const status = statusText(summary);
  const time = timeOfDay(summary.sentAt);
  const outcome =
    status === 'Cancelled'
      ? 'cancelled'
      : status === 'Failed'
        ? `failed${summary.errorCode ? ` (${summary.errorCode})` : ''}`
        : `${status}${summary.statusText ? ` ${summary.statusText}` : ''}`;
  const tests = summary.tests ? `Tests ${summary.tests.passed}/${summary.tests.passed + summary.tests.failed}` : null;
  // the row names the URL sent; a redirect says where it ended, so it is not mistaken for a request to that URL
  const redirect =
    summary.redirectedTo === undefined
      ? null
      : { target: redirectTarget(summary.url, summary.redirectedTo), hops: summary.redirects === 1 ? '1 redirect' : `${summary.redirects ?? 1} redirects` };
  const redirected = redirect ? `, redirected to ${summary.redirectedTo} (${redirect.hops})` : '';
  const name = `${summary.method} ${summary.url}${redirected}, ${outcome}, ${time}${tests ? `, ${tests}` : ''}${summary.pinned ? ', pinned' : ''}`;
  return (
    <div className={active ? `${styles.row} ${styles.rowActive}` : styles.row}>
      <input
        type="checkbox"
        className={styles.rowCheck}
        checked={checked}
        onChange={() => onToggleChecked(summary.id)}
        aria-label={`Select ${summary.method} ${summary.url} at ${time}`}
      />
      <button
        type="button"
        className={styles.open}
        onClick={() => onOpen(summary.id)}
        aria-label={name}
        aria-current={active ? 'true' : undefined}
        title={`${summary.method} ${summary.url}${redirect ? `\n→ ${summary.redirectedTo} (${redirect.hops})` : ''}\n${fullTimestamp(summary.sentAt)}`}
      >
        <span className={styles.line}>
          <span className={methodClass(summary.method)}>{summary.method}</span>
          <span className={styles.url}>
            <span className={styles.host}>{host}</span>
            <span className={styles.port}>{port}</span>
            <span className={styles.path}>{path}</span>
            {query ? <span className={styles.query}>{query}</span> : null}
          </span>
        </span>
        <span className={`${styles.line} ${styles.meta}`}>
          <span className={statusClassName(status === 'Cancelled' ? 'cancelled' : statusTone(summary.statusClass))}>{status}</span>
          {redirect ? (
            <span className={styles.redirect} data-testid="history-redirect">
              → {redirect.target}
            </span>
          ) : null}
          <span className={styles.time}>{time}</span>
          <span className={styles.duration}>{summary.durationMs === null ? '—' : formatDuration(summary.durationMs)}</span>
          <span className={styles.size}>{summary.status === null ? '' : formatBytes(summary.responseBytes)}</span>
          {/* the assertion counts kept with the entry; failures in the danger tone */}
          {tests && summary.tests ? <span className={statusClassName(summary.tests.failed > 0 ? 'failed' : 'success')}>{tests}</span> : null}
          {summary.pinned ? (
            <span className={styles.pin} title="Pinned: retention never removes it">
              ●<span className={styles.pinWord}> Pinned</span>
            </span>
          ) : null}
        </span>
      </button>
    </div>
  );
});
