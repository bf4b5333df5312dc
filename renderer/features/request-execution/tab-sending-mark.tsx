import { useCallback, useSyncExternalStore } from 'react';
import type { ExecutionStore } from './execution-store';
import styles from './tab-sending-mark.module.css';

/**
 * A small spinner on a request tab whose send is in flight, said as "sending". It reads only "is this tab sending",
 * so progress events (many a second) do not re-render it, and one tab's send never re-renders another's mark.
 */
export function TabSendingMark({ store, tabId }: { store: ExecutionStore; tabId: string }) {
  const subscribe = useCallback((listener: () => void) => store.subscribe(tabId, listener), [store, tabId]);
  const sending = useSyncExternalStore(subscribe, () => store.state(tabId).kind === 'sending');
  if (!sending) return null;
  return (
    <span className={styles.sending} role="status" aria-label="sending" title="Sending…">
      <span className={styles.spinner} aria-hidden="true" />
    </span>
  );
}
