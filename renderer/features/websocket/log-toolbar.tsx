import { exportLog, isFilterActive, type MessageFilter } from '../../../shared/websocket';
import { saveBlob } from '../../lib/save-blob';
import type { SessionView } from './session-store';

interface LogToolbarProps {
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
export function LogToolbar({ url, view, shown, filter, onFilter, follow, onFollow, onClear }: LogToolbarProps) {
  const total = view.messages.length;
  return (
    <div className="ws-log-toolbar">
      <input
        type="search"
        className="ws-input ws-log-toolbar__search"
        aria-label="Search messages"
        placeholder="Search text"
        value={filter.search}
        onChange={(event) => onFilter({ ...filter, search: event.target.value })}
      />
      <select className="ws-input" aria-label="Direction" value={filter.direction} onChange={(event) => onFilter({ ...filter, direction: event.target.value as MessageFilter['direction'] })}>
        <option value="all">Both ways</option>
        <option value="sent">Sent</option>
        <option value="received">Received</option>
      </select>
      <select className="ws-input" aria-label="Message type" value={filter.kind} onChange={(event) => onFilter({ ...filter, kind: event.target.value as MessageFilter['kind'] })}>
        <option value="all">All types</option>
        <option value="text">Text</option>
        <option value="binary">Binary</option>
        <option value="control">Ping/pong</option>
      </select>
      <label className="ws-check">
        <input type="checkbox" checked={follow} onChange={(event) => onFollow(event.target.checked)} />
        Auto-scroll
      </label>
      <button type="button" className="ws-button" onClick={onClear} disabled={total === 0}>
        Clear
      </button>
      <button
        type="button"
        className="ws-button"
        disabled={total === 0}
        onClick={() => saveBlob(new Blob([exportLog(url, view.messages, Date.now())], { type: 'application/json' }), 'websocket-messages.json')}
      >
        Export JSON
      </button>
      <span className="ws-log-toolbar__count" aria-live="off" data-testid="ws-log-count">
        {isFilterActive(filter) ? `${shown.toLocaleString()} of ` : ''}
        {total.toLocaleString()} messages · keeps {view.cap.toLocaleString()}
        {view.dropped > 0 ? ` · ${view.dropped.toLocaleString()} older dropped` : ''}
      </span>
    </div>
  );
}
