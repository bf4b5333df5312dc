import { useEffect, useRef, useState } from 'react';
import type { WsWorkspaceSession } from '../../../shared/contract';
import { neighbourTabId } from '../../../shared/workspace';
import { InlineMessage, useMediaQuery, useTabShortcuts } from '../../ui';
import { call } from '../../lib/bridge';
import { SessionTabs } from './session-tabs';
import { SessionPanel } from './session-panel';
import type { WsMove, WsOpenRequest } from './use-ws-request-opener';
import { useWsSessions } from './use-ws-sessions';
import styles from './websocket.module.css';

/**
 * Several WebSocket connections at once, one tab each. Every tab stays mounted while another is shown, so what is
 * typed in its form and the scroll position of its log survive switching.
 */
export function WebSocketWorkspace({
  openRequest = null,
  move = null,
  restored = null,
  onOpenCountChange,
  onOpenVault,
  active = true,
}: {
  openRequest?: WsOpenRequest | null;
  move?: WsMove | null;
  /** the tabs of the last session (read before this view mounts), or null for a fresh start */
  restored?: WsWorkspaceSession | null;
  /** how many connections are open, for the HTTP/WebSocket switch */
  onOpenCountChange?: (count: number) => void;
  /** the vault dialog, for a save refused because a typed handshake credential needs it */
  onOpenVault?: () => void;
  /** false while the HTTP view is on screen: the tab keys are its tabs' then */
  active?: boolean;
}) {
  const sessions = useWsSessions(restored);
  // The same keys as the HTTP tabs (Alt+T, Alt+W, Ctrl+Alt+PageDown/PageUp), so switching views changes no habit.
  useTabShortcuts((shortcut) => {
    if (shortcut === 'new') return void sessions.open();
    if (shortcut === 'close') return sessions.closeTab(sessions.active);
    const next = neighbourTabId(
      sessions.tabs.map((tab) => tab.id),
      sessions.active,
      shortcut === 'next' ? 1 : -1,
    );
    if (next !== null) sessions.setActive(next);
  }, active);
  const { openCount } = sessions;
  useEffect(() => onOpenCountChange?.(openCount), [openCount, onOpenCountChange]);
  const wide = useMediaQuery('(min-width: 900px)');
  const [openError, setOpenError] = useState<string | null>(null);
  // A WebSocket request file picked in the tree: read it and open (or show) its tab, once per ask.
  const handled = useRef<number | null>(null);
  const { openSaved } = sessions;
  useEffect(() => {
    if (!openRequest || handled.current === openRequest.seq) return;
    handled.current = openRequest.seq;
    call('workspace.readWebSocket', { path: openRequest.path }).then(
      (saved) => {
        setOpenError(null);
        openSaved(saved);
      },
      (error: unknown) => setOpenError(error instanceof Error ? error.message : String(error)),
    );
  }, [openRequest, openSaved]);
  const movedSeq = useRef<number | null>(move?.seq ?? null);
  const { followMove } = sessions;
  useEffect(() => {
    if (!move || movedSeq.current === move.seq) return;
    movedSeq.current = move.seq;
    followMove(move.from, move.to, move.name);
  }, [move, followMove]);
  return (
    <section className={styles.workspace} aria-label="WebSocket">
      <SessionTabs sessions={sessions} />
      {openError ? <InlineMessage tone="error">{openError}</InlineMessage> : null}
      {sessions.tabs.map((tab) => (
        <div
          key={tab.id}
          className={styles.workspaceSession}
          // Ctrl/⌘+S in here saves this WebSocket request (save-bar.tsx), not the HTTP tab.
          data-save-shortcut="own"
          role="tabpanel"
          id={`ws-session-panel-${tab.id}`}
          aria-labelledby={`ws-session-tab-${tab.id}`}
          hidden={tab.id !== sessions.active}
        >
          {tab.loading ? (
            <p className={styles.muted}>Opening…</p>
          ) : (
            <SessionPanel
              sessionId={tab.id}
              initialUrl={tab.initialUrl}
              saved={tab.saved}
              restored={tab.restored}
              sessions={sessions}
              wide={wide}
              onOpenVault={onOpenVault}
            />
          )}
        </div>
      ))}
    </section>
  );
}
