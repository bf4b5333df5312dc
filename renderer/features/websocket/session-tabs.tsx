import { useRef, type KeyboardEvent } from 'react';
import { distinctTitles } from '../../../shared/websocket';
import { TAB_SHORTCUT_KEYS as KEYS } from '../../../shared/workspace';
import { useSessionState } from './use-session-view';
import type { WsSessions } from './use-ws-sessions';
import type { WsSessionStore } from './session-store';
import { Button } from '../../ui';
import styles from './websocket.module.css';

const TAB_KEYS_HINT = `${KEYS.next} / ${KEYS.previous}: next / previous tab · ${KEYS.close}: close · ${KEYS.new}: new connection`;

const STATE_LABELS = {
  idle: 'not connected',
  connecting: 'connecting',
  open: 'open',
  closing: 'closing',
  closed: 'closed',
  reconnecting: 'reconnecting',
} as const;

/** the dot's colour for the states that have one (idle and closed keep the plain grey) */
const DOT_CLASS: Partial<Record<keyof typeof STATE_LABELS, string>> = {
  open: styles.dotOpen,
  connecting: styles.dotConnecting,
  reconnecting: styles.dotReconnecting,
  closing: styles.dotClosing,
};

function StateDot({ store, sessionId }: { store: WsSessionStore; sessionId: string }) {
  const state = useSessionState(store, sessionId);
  return <span className={`${styles.dot} ${DOT_CLASS[state] ?? ''}`} title={STATE_LABELS[state]} aria-label={STATE_LABELS[state]} role="img" />;
}

/** One tab per connection, a close button on each, and "New connection" at the end. */
export function SessionTabs({ sessions }: { sessions: WsSessions }) {
  const listRef = useRef<HTMLDivElement>(null);
  const { tabs, titles, active, setActive, closeTab, open, store } = sessions;
  const shown = distinctTitles(tabs.map((tab) => titles[tab.id] ?? 'New connection'));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === active);
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    event.preventDefault();
    setActive(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`ws-session-tab-${tab.id}`)}`)?.focus();
  };
  return (
    <div className={styles.sessionTabs}>
      <div ref={listRef} role="tablist" aria-label="WebSocket connections" className={styles.sessionTabsList} onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => {
          const title = shown[index]!;
          const selected = tab.id === active;
          return (
            <div key={tab.id} className={selected ? `${styles.sessionTab} ${styles.sessionTabOn}` : styles.sessionTab}>
              <button
                type="button"
                role="tab"
                id={`ws-session-tab-${tab.id}`}
                aria-selected={selected}
                aria-controls={`ws-session-panel-${tab.id}`}
                tabIndex={selected ? 0 : -1}
                className={styles.sessionTabSelect}
                title={`${title}\n${TAB_KEYS_HINT}`}
                aria-keyshortcuts="Control+Alt+PageDown Control+Alt+PageUp Alt+W"
                onClick={() => setActive(tab.id)}
              >
                <StateDot store={store} sessionId={tab.id} />
                <span className={styles.sessionTabTitle}>{title}</span>
              </button>
              <button
                type="button"
                className={styles.sessionTabClose}
                aria-label={`Close connection ${title}`}
                title={`Close (${KEYS.close})`}
                onClick={() => closeTab(tab.id)}
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      <Button className={styles.sessionTabsNew} title={`New connection (${KEYS.new})`} aria-keyshortcuts="Alt+T" onClick={() => open()}>
        + New connection
      </Button>
    </div>
  );
}
