import { useRef, type KeyboardEvent } from 'react';
import { TAB_SHORTCUT_KEYS as KEYS } from '../../../shared/workspace';
import { useSessionState } from './use-session-view';
import type { WsSessions } from './use-ws-sessions';
import type { WsSessionStore } from './session-store';

const TAB_KEYS_HINT = `${KEYS.next} / ${KEYS.previous}: next / previous tab · ${KEYS.close}: close · ${KEYS.new}: new connection`;

const STATE_LABELS = {
  idle: 'not connected',
  connecting: 'connecting',
  open: 'open',
  closing: 'closing',
  closed: 'closed',
  reconnecting: 'reconnecting',
} as const;

function StateDot({ store, sessionId }: { store: WsSessionStore; sessionId: string }) {
  const state = useSessionState(store, sessionId);
  return <span className={`ws-dot ws-dot--${state}`} title={STATE_LABELS[state]} aria-label={STATE_LABELS[state]} role="img" />;
}

/** One tab per connection, a close button on each, and "New connection" at the end. */
export function SessionTabs({ sessions }: { sessions: WsSessions }) {
  const listRef = useRef<HTMLDivElement>(null);
  const { tabs, titles, active, setActive, closeTab, open, store } = sessions;
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
    <div className="ws-session-tabs">
      <div ref={listRef} role="tablist" aria-label="WebSocket connections" className="ws-session-tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const title = titles[tab.id] ?? 'New connection';
          const selected = tab.id === active;
          return (
            <div key={tab.id} className={selected ? 'ws-session-tab ws-session-tab--on' : 'ws-session-tab'}>
              <button
                type="button"
                role="tab"
                id={`ws-session-tab-${tab.id}`}
                aria-selected={selected}
                aria-controls={`ws-session-panel-${tab.id}`}
                tabIndex={selected ? 0 : -1}
                className="ws-session-tab__select"
                title={`${title}\n${TAB_KEYS_HINT}`}
                aria-keyshortcuts="Control+Alt+PageDown Control+Alt+PageUp Alt+W"
                onClick={() => setActive(tab.id)}
              >
                <StateDot store={store} sessionId={tab.id} />
                <span className="ws-session-tab__title">{title}</span>
              </button>
              <button type="button" className="ws-session-tab__close" aria-label={`Close connection ${title}`} title={`Close (${KEYS.close})`} onClick={() => closeTab(tab.id)}>
                ×
              </button>
            </div>
          );
        })}
      </div>
      <button type="button" className="ws-button ws-session-tabs__new" title={`New connection (${KEYS.new})`} aria-keyshortcuts="Alt+T" onClick={() => open()}>
        + New connection
      </button>
    </div>
  );
}
