import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { SseEvent } from '../../../shared/contract';
import { prettyJson } from '../../../shared/response';
import { VirtualList } from '../../ui/virtual-list';
import { CodeEditor } from '../../ui/monaco';
import styles from './sse.module.css';

const ROW_HEIGHT = 24;

interface SseEventListProps {
  /** may grow in place while a stream arrives; `version` says when */
  events: readonly SseEvent[];
  version: number;
  /** keep the newest event in view while the stream arrives */
  follow: boolean;
}

/** Server-sent events as a virtualized table (event, id, data, retry); the selected event's data in full below. */
export const SseEventList = memo(function SseEventList({ events, version, follow }: SseEventListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<number | null>(null);
  // Straight to the bottom (scrollToIndex re-checks the scroll height over several frames: costly while streaming).
  useEffect(() => {
    const element = scrollRef.current;
    if (follow && selected === null && element) element.scrollTop = element.scrollHeight;
  }, [follow, selected, events.length, version]);

  // The retry column only when some event set one (rare): otherwise its width goes to data, the column people read.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- events grows in place; version says when
  const hasRetry = useMemo(() => events.some((event) => event.retry !== null), [events, version]);

  const chosen = selected === null ? null : (events[selected] ?? null);
  const detail = useMemo(() => {
    if (!chosen) return null;
    const pretty = prettyJson(chosen.data);
    return pretty.ok ? { language: 'json' as const, text: pretty.text } : { language: 'plaintext' as const, text: chosen.data };
  }, [chosen]);

  return (
    <div className={hasRetry ? styles.sse : `${styles.sse} ${styles.noRetry}`}>
      <div className={styles.head} data-testid="sse-head" aria-hidden="true">
        <span>#</span>
        <span>event</span>
        <span>id</span>
        <span>data</span>
        {hasRetry ? <span title="retry (ms)">retry</span> : null}
      </div>
      <VirtualList
        count={events.length}
        estimateSize={ROW_HEIGHT}
        scrollRef={scrollRef}
        className={styles.list}
        role="listbox"
        aria-label="Events"
        tabIndex={0}
      >
        {(row) => {
          const event = events[row.index] as SseEvent;
          return (
            <div
              key={row.index}
              role="option"
              aria-selected={row.index === selected}
              className={row.index === selected ? `${styles.row} ${styles.rowSelected}` : styles.row}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={() => setSelected(row.index === selected ? null : row.index)}
            >
              <span className={styles.index}>{event.index + 1}</span>
              <span className={styles.event}>{event.event}</span>
              <span className={styles.id}>{event.id}</span>
              <span className={styles.data} data-testid="sse-data">
                {event.data.length > 300 ? `${event.data.slice(0, 300)}…` : event.data}
              </span>
              {hasRetry ? (
                <span className={styles.retry} data-testid="sse-retry">
                  {event.retry ?? ''}
                </span>
              ) : null}
            </div>
          );
        }}
      </VirtualList>
      {chosen && detail ? (
        <div className={styles.detail} aria-label="Selected event">
          <p className={styles.detailHead}>
            Event {chosen.index + 1} · {chosen.event}
            {chosen.id ? ` · id ${chosen.id}` : ''}
            {chosen.retry !== null ? ` · retry ${chosen.retry} ms` : ''}
          </p>
          <div className={styles.detailBody}>
            <CodeEditor key={chosen.index} value={detail.text} language={detail.language} ariaLabel="Event data" readOnly />
          </div>
        </div>
      ) : null}
    </div>
  );
});
