import styles from './app-notices.module.css';
import { useState } from 'react';
import { useAppInfo } from '../../lib/app-info';
import { Button } from '../../ui';

/** Things the app needs the user to know since it started (a damaged history database kept aside), each dismissible. */
export function AppNotices() {
  const info = useAppInfo();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const notices = (info.data?.notices ?? []).filter((n) => !dismissed.has(n));
  if (notices.length === 0) return null;
  return (
    <div className={styles.notices}>
      {notices.map((notice) => (
        <div key={notice} className={styles.notice} role="alert">
          <span className={styles.text}>{notice}</span>
          <Button aria-label="Dismiss notice" onClick={() => setDismissed((d) => new Set([...d, notice]))}>
            Dismiss
          </Button>
        </div>
      ))}
    </div>
  );
}
