import { useState } from 'react';
import type { HistoryEntry, HttpRequestSpec } from '../../../shared/contract';
import { fullTimestamp } from '../../../shared/history-view';
import type { ExecutionState } from '../../lib/execution-state';
import { ResponseViewer } from '../response-viewer';
import { toBridgeErrorMessage } from './error-message';
import { useDeleteEntries, useHistoryEntry, usePinEntry } from './history-queries';
import { Button, ConfirmDialog, Toolbar } from '../../ui';
import { focusHistorySearch } from './history-focus';
import styles from './entry-view.module.css';
import shared from './history-shared.module.css';

interface HistoryEntryViewProps {
  id: number;
  onClose: () => void;
  /** the whole entry: the restored tab shows its response too */
  onRestore: (entry: HistoryEntry) => void;
  /** `id` is the history entry's, so a second Re-send of it can reuse the tab the first one opened */
  onResend: (request: HttpRequestSpec, id: number) => void;
}

function stateOf(entry: HistoryEntry): ExecutionState {
  const requestId = `history-${entry.summary.id}`;
  if (entry.exchange) return { kind: 'done', requestId, exchange: entry.exchange, request: entry.composed };
  return {
    kind: 'failed',
    requestId,
    request: entry.composed,
    error: entry.error ?? { code: 'INTERNAL', message: 'This entry has no response and no recorded error.' },
  };
}

/** A history entry in the response pane: what was sent and when, its response read-only, and what can be done with it. */
export function HistoryEntryView({ id, onClose, onRestore, onResend }: HistoryEntryViewProps) {
  const entry = useHistoryEntry(id);
  const pin = usePinEntry();
  const deleteEntries = useDeleteEntries();
  const [askingDelete, setAskingDelete] = useState(false);
  const data = entry.data;

  return (
    <div className={styles.entry}>
      <Toolbar className={styles.bar} aria-label="History entry">
        <div className={styles.barWhat}>
          <span className={styles.barLabel}>History</span>
          {data ? (
            <span className={styles.barTitle} title={data.summary.url}>
              {data.summary.method} {data.summary.url}
            </span>
          ) : null}
          {data ? <span className={styles.barTime}>sent {fullTimestamp(data.summary.sentAt)}</span> : null}
        </div>
        <div className={styles.barActions}>
          <Button disabled={!data} onClick={() => data && onRestore(data)}>
            Restore to builder
          </Button>
          <Button variant="primary" disabled={!data} onClick={() => data && onResend(data.composed, id)}>
            Re-send
          </Button>
          <Button
            disabled={!data || pin.isPending}
            aria-pressed={data?.summary.pinned ?? false}
            title="Pinned entries are never removed by retention"
            onClick={() => data && pin.mutate({ id, pinned: !data.summary.pinned })}
          >
            {data?.summary.pinned ? 'Pinned' : 'Pin'}
          </Button>
          <Button variant="danger-quiet" disabled={!data} onClick={() => setAskingDelete(true)}>
            Delete
          </Button>
          <button type="button" className={shared.link} onClick={onClose}>
            Back to current response
          </button>
        </div>
      </Toolbar>
      {pin.isError ? (
        <p className={shared.problem} role="alert">
          {toBridgeErrorMessage(pin.error)}
        </p>
      ) : null}
      {deleteEntries.isError ? (
        <p className={shared.problem} role="alert">
          {toBridgeErrorMessage(deleteEntries.error)}
        </p>
      ) : null}
      {entry.isError ? (
        <p className={shared.message} role="alert">
          {toBridgeErrorMessage(entry.error)}
        </p>
      ) : data ? (
        <ResponseViewer state={stateOf(data)} className={styles.viewer} />
      ) : (
        <p className={shared.message}>Loading entry…</p>
      )}
      {askingDelete && data ? (
        <ConfirmDialog
          title="Delete this entry?"
          description={`${data.summary.method} ${data.summary.url}, sent ${fullTimestamp(data.summary.sentAt)}, is deleted with its bodies.`}
          confirmLabel="Delete entry"
          onConfirm={() => {
            deleteEntries.mutate(
              { ids: [id] },
              {
                onSuccess: () => {
                  onClose();
                  focusHistorySearch();
                },
              },
            );
            setAskingDelete(false);
          }}
          onCancel={() => setAskingDelete(false)}
        />
      ) : null}
    </div>
  );
}
