import { memo, useEffect, useRef } from 'react';
import type { WsMessage } from '../../../shared/contract';
import { formatBytes } from '../../../shared/response';
import { base64ToBytes, describeCloseFrame, formatLogTime, hexPreview } from '../../../shared/websocket';
import { VirtualList } from '../../ui/virtual-list';
import styles from './websocket.module.css';

const ROW_HEIGHT = 24;

interface MessageListProps {
  messages: readonly WsMessage[];
  /** changes when the list does (it may be mutated in place) */
  version: number;
  follow: boolean;
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
}

function preview(message: WsMessage): string {
  if (message.kind === 'close') return describeCloseFrame(message.closeCode ?? 1005, message.text ?? '');
  if (message.text !== undefined) return message.text.length > 300 ? `${message.text.slice(0, 300)}…` : message.text;
  if (message.dataBase64 !== undefined) return hexPreview(base64ToBytes(message.dataBase64.slice(0, 64)));
  return '';
}

/** The log: only the rows in view exist in the DOM, so tens of thousands of messages cost what a screenful does. */
// memo: the pane around it re-renders every frame for its counters; the list only when `version` moves.
export const MessageList = memo(function MessageList({ messages, version, follow, selectedSeq, onSelect }: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);

  // Straight to the bottom: the virtualizer's scrollToIndex re-checks the scroll height over several frames, which
  // under a flood of messages became most of the window's work.
  useEffect(() => {
    const element = scrollRef.current;
    if (follow && element) element.scrollTop = element.scrollHeight;
  }, [follow, messages.length, version]);

  if (messages.length === 0) {
    return (
      <div className={`${styles.log} ${styles.logEmpty}`}>
        <p className={styles.muted}>No messages yet.</p>
      </div>
    );
  }

  return (
    <VirtualList
      count={messages.length}
      estimateSize={ROW_HEIGHT}
      // a log that follows its newest message lays out every row in view each frame: few rows beyond the view
      overscan={4}
      scrollRef={scrollRef}
      className={styles.log}
      role="listbox"
      aria-label="Messages"
      tabIndex={0}
    >
      {(row) => {
        const message = messages[row.index] as WsMessage;
        const sent = message.direction === 'sent';
        return (
          <div
            // Keyed by slot: while the log scrolls under a flood the same row elements are reused, not rebuilt.
            key={row.slot}
            role="option"
            aria-selected={message.seq === selectedSeq}
            className={`${styles.logRow} ${sent ? styles.logRowSent : styles.logRowReceived}${message.seq === selectedSeq ? ` ${styles.logRowSelected}` : ''}`}
            style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            onClick={() => onSelect(message.seq)}
          >
            <span className={styles.logDir}>
              <span aria-hidden="true">{sent ? '↑' : '↓'}</span>
              <span className="visually-hidden">{sent ? 'sent' : 'received'}</span>
            </span>
            <span className={styles.logTime}>{formatLogTime(message.at)}</span>
            <span className={styles.logKind}>{message.kind}</span>
            <span className={styles.logOpcode} title="opcode">
              {message.opcode}
            </span>
            <span className={styles.logSize}>{formatBytes(message.size)}</span>
            <span className={styles.logPreview}>{preview(message)}</span>
          </div>
        );
      }}
    </VirtualList>
  );
});
