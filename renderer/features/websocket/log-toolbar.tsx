import { useState } from 'react';
import { countLabel, isFilterActive, type MessageFilter } from '../../../shared/websocket';
import { bridge } from '../../lib/bridge';
import { saveBlob } from '../../lib/save-blob';
import type { SessionView } from './session-store';
import { Button } from '../../ui';
import styles from './websocket.module.css';

interface LogToolbarProps {
  sessionId: string;
  url: string;
  view: SessionView;
  shown: number;
  filter: MessageFilter;
  onFilter: (filter: MessageFilter) => void;
  follow: boolean;
  onFollow: (follow: boolean) => void;
  onClear: () => void;
}

/** Filter, search, auto-scroll, clear, export, and how many messages are kept against the cap. */
export function LogToolbar({ sessionId, url, view, shown, filter, onFilter, follow, onFollow, onClear }: LogToolbarProps) {
  const total = view.messages.length;
  const [exportError, setExportError] = useState<string | null>(null);
  // The file is written by the main process's rules: the secrets the handshake carried are masked in it.
  const exportJson = async () => {
    setExportError(null);
    const result = await bridge.invoke('ws.exportLog', { sessionId, url, messages: view.messages, exportedAt: Date.now() });
    if (result.ok) saveBlob(new Blob([result.value.text], { type: 'application/json' }), 'websocket-messages.json');
    else setExportError(result.error.message);
  };
  return (
    <div className={styles.logToolbar}>
      <input
        type="search"
        className={`${styles.input} ${styles.logToolbarSearch}`}
        aria-label="Search messages"
        placeholder="Search text"
        value={filter.search}
        onChange={(event) => onFilter({ ...filter, search: event.target.value })}
      />
      <select
        className={styles.input}
        aria-label="Direction"
        value={filter.direction}
        onChange={(event) => onFilter({ ...filter, direction: event.target.value as MessageFilter['direction'] })}
      >
        <option value="all">Both ways</option>
        <option value="sent">Sent</option>
        <option value="received">Received</option>
      </select>
      <select
        className={styles.input}
        aria-label="Message type"
        value={filter.kind}
        onChange={(event) => onFilter({ ...filter, kind: event.target.value as MessageFilter['kind'] })}
      >
        <option value="all">All types</option>
        <option value="text">Text</option>
        <option value="binary">Binary</option>
        <option value="control">Ping/pong/close</option>
      </select>
      <label className={styles.check}>
        <input type="checkbox" checked={follow} onChange={(event) => onFollow(event.target.checked)} />
        Auto-scroll
      </label>
      <Button onClick={onClear} disabled={total === 0}>
        Clear
      </Button>
      <Button
        type="button"

        disabled={total === 0}
        onClick={() => void exportJson()}
      >
        Export JSON
      </Button>
      {exportError ? (
        <span role="alert" className={styles.logToolbarError}>
          {exportError}
        </span>
      ) : null}
      <span className={styles.logToolbarCount} aria-live="off" data-testid="ws-log-count">
        {isFilterActive(filter) ? `${shown.toLocaleString()} of ` : ''}
        {countLabel(total, 'message')} · keeps {view.cap.toLocaleString()}
        {view.dropped > 0 ? ` · ${view.dropped.toLocaleString()} older dropped` : ''}
      </span>
    </div>
  );
}
