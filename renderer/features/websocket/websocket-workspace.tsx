import { useMediaQuery } from '../../ui';
import { SessionTabs } from './session-tabs';
import { SessionPanel } from './session-panel';
import { useWsSessions } from './use-ws-sessions';
import './websocket.css';

/**
 * Several WebSocket connections at once, one tab each. Every tab stays mounted while another is shown, so what is
 * typed in its form and the scroll position of its log survive switching.
 */
export function WebSocketWorkspace() {
  const sessions = useWsSessions();
  const wide = useMediaQuery('(min-width: 900px)');
  return (
    <section className="ws-workspace" aria-label="WebSocket">
      <SessionTabs sessions={sessions} />
      {sessions.tabs.map((tab) => (
        <div
          key={tab.id}
          className="ws-workspace__session"
          role="tabpanel"
          id={`ws-session-panel-${tab.id}`}
          aria-labelledby={`ws-session-tab-${tab.id}`}
          hidden={tab.id !== sessions.active}
        >
          <SessionPanel sessionId={tab.id} initialUrl={tab.initialUrl} sessions={sessions} wide={wide} />
        </div>
      ))}
    </section>
  );
}
