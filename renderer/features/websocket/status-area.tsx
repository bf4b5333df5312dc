import { countLabel, describeCloseCode } from '../../../shared/websocket';
import { bridge } from '../../lib/bridge';
import { Button, InlineMessage } from '../../ui';
import { EnvPermissionNotice } from '../env-permission';
import type { SessionView } from './session-store';
import styles from './websocket.module.css';

const STATE_TEXT: Record<SessionView['state'], string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  open: 'Open',
  closing: 'Closing…',
  closed: 'Closed',
  reconnecting: 'Reconnecting',
};

const STATE_CLASS: Partial<Record<SessionView['state'], string>> = {
  open: styles.stateOpen,
  connecting: styles.stateConnecting,
  reconnecting: styles.stateReconnecting,
  closing: styles.stateClosing,
};

function HeaderList({ headers, label }: { headers: [string, string][]; label: string }) {
  return (
    <table className={styles.headers} aria-label={label}>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The connection's lifecycle in plain words: state, handshake, refusal, close code and reason, last error. */
export function StatusArea({ sessionId, view, onRetry }: { sessionId: string; view: SessionView; onRetry: () => void }) {
  const { handshake, rejected, closed, error, reconnect } = view;
  return (
    <div className={styles.status} role="status" aria-live="polite" aria-label="Connection status">
      <div className={styles.statusLine}>
        <span className={`${styles.state} ${STATE_CLASS[view.state] ?? ''}`}>{STATE_TEXT[view.state]}</span>
        {reconnect && view.state === 'reconnecting' ? (
          <span className={styles.muted}>
            attempt {reconnect.attempt} in {(reconnect.delayMs / 1000).toFixed(1)} s
          </span>
        ) : null}
        {handshake && view.state === 'open' ? (
          <span className={styles.muted}>
            {handshake.status} {handshake.statusText}
            {handshake.protocol ? ` · subprotocol ${handshake.protocol}` : ''}
            {handshake.extensions ? ` · ${handshake.extensions}` : ''}
          </span>
        ) : null}
        {closed && view.state !== 'open' ? (
          <span className={styles.muted}>
            {closed.byClient ? 'You closed it' : 'The server closed it'}: {closed.code} ({describeCloseCode(closed.code)})
            {closed.reason ? ` — “${closed.reason}”` : ''}
          </span>
        ) : null}
        <Button type="button" className={styles.statusPing} disabled={view.state !== 'open'} onClick={() => void bridge.invoke('ws.ping', { sessionId })}>
          Ping
        </Button>
      </div>
      {view.lost && view.state === 'idle' ? <InlineMessage tone="info">Disconnected when the window reloaded. Connect to open it again.</InlineMessage> : null}
      {error ? <InlineMessage tone="error">{error.error.message}</InlineMessage> : null}
      {/* a connection refused for {{$env.NAME}} not yet allowed: the same Allow as an HTTP send, then connect again */}
      <EnvPermissionNotice error={error?.error ?? null} subject="This WebSocket connection" allowLabel="Allow and connect" onAllowed={onRetry} />
      {rejected ? (
        <div className={styles.rejected}>
          <p className={styles.rejectedTitle}>
            Handshake response: {rejected.status} {rejected.statusText}
          </p>
          <HeaderList headers={rejected.headers} label="Handshake response headers" />
          {rejected.bodyExcerpt ? (
            <pre className={styles.rejectedBody} aria-label="Handshake response body">
              {rejected.bodyExcerpt}
            </pre>
          ) : null}
        </div>
      ) : null}
      {handshake ? (
        <details className={styles.handshake}>
          <summary>
            Handshake: {handshake.status} {handshake.statusText}, {countLabel(handshake.headers.length, 'header')}
          </summary>
          <HeaderList headers={handshake.headers} label="Handshake response headers" />
        </details>
      ) : null}
    </div>
  );
}
