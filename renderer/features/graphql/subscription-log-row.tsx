import { useMemo } from 'react';
import type { GraphqlSubscriptionItem } from '../../../shared/contract';
import { readGraphqlResponse } from '../../../shared/graphql';
import { GraphqlErrorList } from './graphql-error-list';
import styles from './graphql.module.css';

const KIND_LABEL: Record<GraphqlSubscriptionItem['kind'], string> = {
  connecting: 'connecting',
  connected: 'connected',
  next: 'result',
  error: 'error',
  complete: 'complete',
  closed: 'closed',
};

/** Results in green, errors and a closed connection in red; the other kinds keep the muted colour. */
const KIND_CLASS: Partial<Record<GraphqlSubscriptionItem['kind'], string>> = {
  next: styles.logRowNext,
  error: styles.logRowError,
  closed: styles.logRowClosed,
};

// One line per result keeps the log scannable; the full text is in the title and selectable.
const SHOWN_CHARS = 2_000;

function time(at: number): string {
  const date = new Date(at);
  return `${date.toLocaleTimeString(undefined, { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** A result's data (compact JSON) and, apart from it, any GraphQL errors the result or the server sent. */
export function SubscriptionLogRow({ item }: { item: GraphqlSubscriptionItem }) {
  const parsed = useMemo(() => {
    if (!item.payload) return null;
    try {
      return JSON.parse(item.payload) as unknown;
    } catch {
      return null;
    }
  }, [item.payload]);
  const view =
    item.kind === 'next' ? readGraphqlResponse(parsed) : item.kind === 'error' && Array.isArray(parsed) ? readGraphqlResponse({ errors: parsed }) : null;
  const data = item.kind === 'next' && parsed && typeof parsed === 'object' && 'data' in parsed ? JSON.stringify((parsed as { data: unknown }).data) : null;

  return (
    <div className={`${styles.logRow} ${KIND_CLASS[item.kind] ?? ''}`.trimEnd()}>
      <span className={styles.logRowSeq}>#{item.seq}</span>
      <time className={styles.logRowTime} dateTime={new Date(item.at).toISOString()}>
        {time(item.at)}
      </time>
      <span className={styles.logRowKind}>{KIND_LABEL[item.kind]}</span>
      <div className={styles.logRowBody}>
        {data !== null ? (
          <code className={styles.logRowData} title={data.length > SHOWN_CHARS ? undefined : data}>
            {data.length > SHOWN_CHARS ? `${data.slice(0, SHOWN_CHARS)}…` : data}
          </code>
        ) : null}
        {item.message ? <span className={styles.faint}>{item.message}</span> : null}
        {view && view.errors.length > 0 ? <GraphqlErrorList errors={view.errors} /> : null}
      </div>
    </div>
  );
}
