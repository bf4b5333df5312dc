import { useMemo, useState } from 'react';
import { filterMessages, NO_FILTER, type MessageFilter } from '../../../shared/websocket';
import { useThrottledValue } from '../../ui';
import { LogToolbar } from './log-toolbar';
import { MessageDetail } from './message-detail';
import { MessageList } from './message-list';
import type { WsSessionStore } from './session-store';
import { useSessionView } from './use-session-view';
import { StatusArea } from './status-area';
import styles from './websocket.module.css';

interface ActivityPaneProps {
  sessionId: string;
  url: string;
  store: WsSessionStore;
  /** the log cap in the connection's settings, shown before the first Connect */
  logCap: number;
  /** connects again (after a refused connection was allowed to read its environment variables) */
  onRetry: () => void;
}

/** What happened on the connection: its status, then the message log and the selected message. */
export function ActivityPane({ sessionId, url, store, logCap, onRetry }: ActivityPaneProps) {
  const view = useSessionView(store, sessionId, logCap);
  const [filter, setFilter] = useState<MessageFilter>(NO_FILTER);
  const [follow, setFollow] = useState(true);
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  // view.version changes whenever the (mutated in place) message list does; the list follows ten times a second,
  // the status and counts every frame.
  const listVersion = useThrottledValue(view.version, 100);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const shown = useMemo(() => filterMessages(view.messages, filter), [view.messages, listVersion, filter]);
  const selected = selectedSeq === null ? null : (view.messages.find((message) => message.seq === selectedSeq) ?? null);

  return (
    <section className={styles.activity} aria-label="Connection activity">
      <StatusArea sessionId={sessionId} view={view} onRetry={onRetry} />
      <LogToolbar
        sessionId={sessionId}
        url={url}
        view={view}
        shown={shown.length}
        filter={filter}
        onFilter={setFilter}
        follow={follow}
        onFollow={setFollow}
        onClear={() => {
          store.clear(sessionId);
          setSelectedSeq(null);
        }}
      />
      <MessageList messages={shown} version={listVersion} follow={follow} selectedSeq={selectedSeq} onSelect={setSelectedSeq} />
      {selected ? <MessageDetail message={selected} onClose={() => setSelectedSeq(null)} /> : null}
    </section>
  );
}
