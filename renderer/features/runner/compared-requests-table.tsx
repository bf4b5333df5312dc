import type { ComparedRequest, RunSide } from '../../../shared/runner';
import { VirtualList } from '../../ui/virtual-list';
import styles from './runner.module.css';

const ROW_HEIGHT = 26;
/** the header row sits in the scroller above the rows (sticky); the virtualizer counts rows from below it */
const HEADER_HEIGHT = 28;

// "removed" read as if the request had been deleted; mostly the newer run just had fewer iterations
const CHANGE: Record<ComparedRequest['change'], string> = {
  same: 'no change',
  'pass→fail': 'pass → fail',
  'fail→pass': 'fail → pass',
  added: 'only in the newer run',
  removed: 'only in the older run',
  cancelled: 'cancelled in one run: not compared',
};

const sideText = (side: RunSide | null) =>
  side === null
    ? '—'
    : side.outcome === 'cancelled'
      ? 'cancelled'
      : `${side.status ?? 'no response'} · ${side.timeMs ?? '—'} ms${side.failed ? ' · failed' : ''}`;

const rowClass = (row: ComparedRequest) =>
  row.change === 'pass→fail' ? styles.failed : row.change === 'fail→pass' ? styles.passed : row.change === 'cancelled' ? styles.cancelled : '';

/**
 * Two runs per request and iteration, virtualised: 1,000 requests × 10 iterations are 10,000 rows, of which only
 * those on screen are in the DOM. An ARIA table of rows and cells (a <table> cannot position its rows), so it reads
 * as the table it is; aria-rowcount/aria-rowindex say where a row sits among all of them.
 */
export function ComparedRequestsTable({ rows }: { rows: readonly ComparedRequest[] }) {
  const header = (
    <div role="rowgroup" className={styles.gridHead}>
      <div role="row" aria-rowindex={1} className={styles.gridRow} style={{ height: HEADER_HEIGHT }}>
        <span role="columnheader">Request</span>
        <span role="columnheader">Iteration</span>
        <span role="columnheader">Older run</span>
        <span role="columnheader">Newer run</span>
        <span role="columnheader">Change</span>
      </div>
    </div>
  );
  return (
    <VirtualList
      count={rows.length}
      estimateSize={ROW_HEIGHT}
      scrollMargin={HEADER_HEIGHT}
      before={header}
      rowsProps={{ role: 'rowgroup', className: styles.gridBody }}
      role="table"
      aria-label="Compared requests"
      aria-rowcount={rows.length + 1}
      className={styles.grid}
      tabIndex={0}
    >
      {(item) => {
        const row = rows[item.index]!;
        return (
          <div
            // keyed by slot: a scroll reuses the screenful of row elements instead of rebuilding them
            key={item.slot}
            role="row"
            aria-rowindex={item.index + 2}
            className={`${styles.gridRow} ${styles.gridBodyRow} ${rowClass(row)}`}
            style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
          >
            <span role="cell" title={row.name}>
              {row.name}
            </span>
            <span role="cell">{row.iteration}</span>
            <span role="cell">{sideText(row.before)}</span>
            <span role="cell">{sideText(row.after)}</span>
            <span role="cell">{CHANGE[row.change]}</span>
          </div>
        );
      }}
    </VirtualList>
  );
}
