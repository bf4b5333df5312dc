import styles from './websocket.module.css';
export type RequestKind = 'http' | 'websocket';

/**
 * What the work area composes: an HTTP request or WebSocket connections. A radio group, one choice at a time; the
 * WebSocket choice says how many connections are open, so an open socket is not forgotten while working in HTTP.
 */
export function RequestKindSwitch({ kind, onChange, openCount = 0 }: { kind: RequestKind; onChange: (kind: RequestKind) => void; openCount?: number }) {
  const kinds: { id: RequestKind; label: string; ariaLabel?: string }[] = [
    { id: 'http', label: 'HTTP' },
    openCount > 0
      ? { id: 'websocket', label: `WebSocket · ${openCount} open`, ariaLabel: `WebSocket, ${openCount} open connection${openCount === 1 ? '' : 's'}` }
      : { id: 'websocket', label: 'WebSocket' },
  ];
  return (
    <div className={styles.kindSwitch} role="radiogroup" aria-label="Request kind">
      {kinds.map((item) => (
        <label key={item.id} className={item.id === kind ? `${styles.kindSwitchItem} ${styles.kindSwitchItemOn}` : styles.kindSwitchItem}>
          <input
            type="radio"
            name="request-kind"
            className="visually-hidden"
            checked={item.id === kind}
            aria-label={item.ariaLabel}
            onChange={() => onChange(item.id)}
          />
          {item.label}
        </label>
      ))}
    </div>
  );
}
