import { useEffect, useRef } from 'react';
import { Button, InlineMessage } from '../../ui';
import { VirtualList, type VirtualListHandle } from '../../ui/virtual-list';
import { EnvPermissionNotice } from '../env-permission';
import { SubscriptionLogRow } from './subscription-log-row';
import type { SubscriptionRun } from './use-graphql-subscription';
import styles from './graphql.module.css';

export interface SubscriptionLogProps {
  run: SubscriptionRun;
  onStop: () => void;
  /** subscribes again with the same request (after its environment variables were allowed) */
  onRetry: () => void;
}

/**
 * A GraphQL subscription's results as they stream in: a virtualized log (thousands of results stay smooth) that
 * follows the newest entry while the user is at the bottom.
 */
export function SubscriptionLog({ run, onStop, onRetry }: SubscriptionLogProps) {
  const listRef = useRef<VirtualListHandle>(null);
  const atBottomRef = useRef(true);
  const results = run.items.filter((item) => item.kind === 'next').length;
  useEffect(() => {
    if (atBottomRef.current && run.items.length > 0) listRef.current?.scrollToIndex(run.items.length - 1, { align: 'end' });
  }, [run.items.length]);

  return (
    <section className={styles.log} aria-label="Subscription">
      <div className={styles.logBar}>
        <h2 className={styles.logTitle}>GraphQL subscription</h2>
        <span className={run.running ? styles.logStateLive : undefined} role="status">
          {run.running ? 'Subscribed' : 'Ended'} · {results} {results === 1 ? 'result' : 'results'}
          {run.dropped > 0 ? ` (${run.dropped} older entries dropped)` : ''}
        </span>
        <Button onClick={onStop} disabled={!run.running}>
          Stop
        </Button>
      </div>
      {run.startError ? <InlineMessage tone="error">{run.startError}</InlineMessage> : null}
      <EnvPermissionNotice error={run.startFailure} subject="This subscription" allowLabel="Allow and subscribe" onAllowed={onRetry} />
      <VirtualList
        count={run.items.length}
        estimateSize={44}
        overscan={8}
        handleRef={listRef}
        className={styles.logScroll}
        role="log"
        aria-label="Subscription results"
        tabIndex={0}
        onScroll={(event) => {
          const el = event.currentTarget;
          atBottomRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {(row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={row.measureRef}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
          >
            <SubscriptionLogRow item={run.items[row.index]!} />
          </div>
        )}
      </VirtualList>
    </section>
  );
}
