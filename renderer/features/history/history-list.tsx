import { useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { HistoryFilter, HistorySummary } from '../../../shared/contract';
import { dayLabel, filterKey } from '../../../shared/history-view';
import { useVirtualRows } from '../../ui/virtual-list';
import { toBridgeErrorMessage } from './error-message';
import { HistoryPageStore, type ListReach } from './history-page-store';
import { PAGE_SIZE, pageQueryOptions } from './history-queries';
import { HistoryRow } from './history-row';
import styles from './history-list.module.css';
import shared from './history-shared.module.css';

const ROW_HEIGHT = 46;
const HEADER_HEIGHT = 26;

export type ListCount = Pick<ListReach, 'total' | 'capped'>;

interface HistoryListProps {
  filter: HistoryFilter;
  activeId: number | null;
  checked: ReadonlySet<number>;
  onOpen: (id: number) => void;
  onToggleChecked: (id: number) => void;
  /** how many entries match, once known; `capped`: at least that many (a search counts only so far) */
  onTotal: (count: ListCount | null) => void;
  emptyText: string;
}

/**
 * The history list, virtualized over the whole store: the first page gives the total, the scrollbar covers every
 * entry, and only the pages under the visible rows are fetched (offset paging), so jumping to the middle of
 * 100,000 entries costs one small request. A search counts its matches only up to a cap ('totalCapped'); each
 * page's answer counts further than the page, so the list grows as the user scrolls towards its end and every match
 * stays reachable. A row that starts a day carries that day's heading; a sticky heading names the day at the top.
 */
export function HistoryList({ filter, activeId, checked, onOpen, onToggleChecked, onTotal, emptyText }: HistoryListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const key = filterKey(filter);
  const store = useMemo(() => new HistoryPageStore(PAGE_SIZE), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const reach = useSyncExternalStore(store.subscribe, store.getReach);

  const first = useQuery({ ...pageQueryOptions(filter, 0), placeholderData: keepPreviousData });
  // "Today" is judged at the time of the answer, not at every render
  const now = useMemo(() => Date.now(), [first.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps, react-hooks/purity
  const total = first.data ? reach.total : 0;
  const capped = first.data ? reach.capped : false;

  const virtualizer = useVirtualRows({
    count: total,
    scrollRef,
    estimateSize: (index) => (store.startsDay(index) ? ROW_HEIGHT + HEADER_HEIGHT : ROW_HEIGHT),
    overscan: 6,
  });

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [key]);

  const items = virtualizer.rows;
  const firstPage = items.length > 0 ? Math.floor(items[0]!.index / PAGE_SIZE) : 0;
  const lastPage = items.length > 0 ? Math.floor(items[items.length - 1]!.index / PAGE_SIZE) : 0;
  const pageNumbers: number[] = [];
  for (let p = firstPage; p <= lastPage; p++) pageNumbers.push(p);
  // Near the end of a list whose count is capped, the next page is asked for too: its answer counts further.
  if (reach.capped && items.length > 0 && items[items.length - 1]!.index >= reach.total - PAGE_SIZE) pageNumbers.push(lastPage + 1);
  const pages = useQueries({ queries: pageNumbers.map((p) => pageQueryOptions(filter, p)) });

  // A page that counted further lengthens the list. A layout effect: the new length shows in the same frame, and an
  // uncounted first page never paints as "no entries".
  const answers = [first.data, ...pages.map((result) => result.data)];
  const answerSignature = answers.map((answer) => (answer ? `${answer.total}${answer.totalCapped ? '+' : ''}` : '-')).join(',');
  useLayoutEffect(() => {
    if (first.data) store.count(first.dataUpdatedAt, answers);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, first.dataUpdatedAt, answerSignature]);

  useEffect(() => {
    onTotal(first.data && reach.counted ? { total, capped } : null);
  }, [first.data, reach.counted, total, capped, onTotal]);

  const pageData = new Map<number, HistorySummary[]>();
  pages.forEach((result, i) => {
    if (result.data) pageData.set(pageNumbers[i]!, result.data.entries);
  });
  if (first.data && !first.isPlaceholderData) pageData.set(0, first.data.entries);

  // Record newly arrived pages and re-measure when a day heading may have moved, so headings take their room.
  const signature = [...pageData.entries()].map(([p, entries]) => `${p}:${entries.length}:${entries[0]?.id ?? ''}:${entries.at(-1)?.id ?? ''}`).join(',');
  useEffect(() => {
    if (!store.record(pageData)) return;
    const started = performance.now();
    virtualizer.measure();
    // Visible in DevTools and to the benchmark: re-measuring is the one step whose cost grows with the history.
    performance.measure('courier:history-measure', { start: started, end: performance.now() });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, store]);

  const entryAt = (index: number): HistorySummary | undefined => pageData.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? store.entryAt(index);

  const scrollOffset = virtualizer.scrollOffset;
  const topItem = items.find((item) => item.end > scrollOffset);
  const topEntry = topItem ? entryAt(topItem.index) : undefined;
  const stickyLabel = scrollOffset > 0 && topEntry ? dayLabel(topEntry.sentAt, now) : null;

  if (first.isError && !first.data) {
    return (
      <p className={shared.message} role="alert">
        {toBridgeErrorMessage(first.error)}
      </p>
    );
  }
  if (first.data && reach.counted && total === 0) {
    return <p className={shared.message}>{emptyText}</p>;
  }

  return (
    <div
      ref={scrollRef}
      className={styles.list}
      role="list"
      aria-label="History entries"
      data-pane-focus=""
      aria-busy={first.isPending || first.isPlaceholderData}
    >
      {stickyLabel ? (
        <div className={`${styles.day} ${styles.daySticky}`} aria-hidden="true">
          {stickyLabel}
        </div>
      ) : null}
      <div className={styles.inner} style={{ height: virtualizer.totalSize }}>
        {items.map((item) => {
          const summary = entryAt(item.index);
          const heading = summary && store.startsDay(item.index) ? dayLabel(summary.sentAt, now) : null;
          return (
            <div
              key={item.key}
              role="listitem"
              className={styles.item}
              aria-posinset={item.index + 1}
              aria-setsize={capped ? -1 : total}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              {heading ? <div className={styles.day}>{heading}</div> : null}
              {summary ? (
                <HistoryRow
                  summary={summary}
                  active={summary.id === activeId}
                  checked={checked.has(summary.id)}
                  onOpen={onOpen}
                  onToggleChecked={onToggleChecked}
                />
              ) : (
                <div className={`${styles.row} ${styles.rowPlaceholder}`} aria-label="Loading entry" />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
