import { NOTICE_TIMEOUT_MS, useAutoDismiss } from '../../ui';
import type { TreeNotice, UndoOffer } from './use-tree-actions';
import styles from './collections.module.css';

/** "Deleted …. Undo": offered for ten seconds (longer while pointed at or focused), then the deletion stands. */
export function UndoToast({ offer, onUndo, onDismiss }: { offer: UndoOffer; onUndo: () => void; onDismiss: () => void }) {
  const handlers = useAutoDismiss(NOTICE_TIMEOUT_MS.undo, onDismiss, offer.token);
  return (
    <div className={styles.toast} role="status" {...handlers}>
      Deleted “{offer.name}”.
      <button type="button" className={styles.link} onClick={onUndo}>
        Undo
      </button>
      <button type="button" className={styles.link} aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

/** A finished export: news, not an error. Goes by itself unless it says what was left out. */
export function TreeNoticeMessage({ notice, onDismiss }: { notice: TreeNotice; onDismiss: () => void }) {
  const handlers = useAutoDismiss(notice.warns ? null : NOTICE_TIMEOUT_MS.success, onDismiss, notice.text);
  return (
    <p className={notice.warns ? `${styles.message} ${styles.messageWarning}` : styles.message} role="status" {...handlers}>
      {notice.text}
      <button type="button" className={styles.link} onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}
