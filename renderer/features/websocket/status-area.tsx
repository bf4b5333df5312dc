import { countLabel, describeCloseCode } from '../../../shared/websocket';
import { bridge } from '../../lib/bridge';
import { InlineMessage } from '../../ui';
import { EnvPermissionNotice } from '../env-permission';
import type { SessionView } from './session-store';

const STATE_TEXT: Record<SessionView['state'], string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  open: 'Open',
  closing: 'Closing…',
  closed: 'Closed',
  reconnecting: 'Reconnecting',
};

function HeaderList({ headers, label }: { headers: [string, string][]; label: string }) {
  return (
    <table className="ws-headers" aria-label={label}>
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
    <div className="ws-status" role="status" aria-live="polite" aria-label="Connection status">
      <div className="ws-status__line">
        <span className={`ws-state ws-state--${view.state}`}>{STATE_TEXT[view.state]}</span>
        {reconnect && view.state === 'reconnecting' ? (
          <span className="ws-muted">
            attempt {reconnect.attempt} in {(reconnect.delayMs / 1000).toFixed(1)} s
          </span>
        ) : null}
        {handshake && view.state === 'open' ? (
          <span className="ws-muted">
            {handshake.status} {handshake.statusText}
            {handshake.protocol ? ` · subprotocol ${handshake.protocol}` : ''}
            {handshake.extensions ? ` · ${handshake.extensions}` : ''}
          </span>
        ) : null}
        {closed && view.state !== 'open' ? (
          <span className="ws-muted">
            {closed.byClient ? 'You closed it' : 'The server closed it'}: {closed.code} ({describeCloseCode(closed.code)})
            {closed.reason ? ` — “${closed.reason}”` : ''}
          </span>
        ) : null}
        <button
          type="button"
          className="ws-button ws-status__ping"
          disabled={view.state !== 'open'}
          onClick={() => void bridge.invoke('ws.ping', { sessionId })}
        >
          Ping
        </button>
      </div>
      {view.lost && view.state === 'idle' ? <InlineMessage tone="info">Disconnected when the window reloaded. Connect to open it again.</InlineMessage> : null}
      {error ? <InlineMessage tone="error">{error.error.message}</InlineMessage> : null}
      {/* a connection refused for {{$env.NAME}} not yet allowed: the same Allow as an HTTP send, then connect again */}
      <EnvPermissionNotice error={error?.error ?? null} subject="This WebSocket connection" allowLabel="Allow and connect" onAllowed={onRetry} />
      {rejected ? (
        <div className="ws-rejected">
          <p className="ws-rejected__title">
            Handshake response: {rejected.status} {rejected.statusText}
          </p>
          <HeaderList headers={rejected.headers} label="Handshake response headers" />
          {rejected.bodyExcerpt ? (
            <pre className="ws-rejected__body" aria-label="Handshake response body">
              {rejected.bodyExcerpt}
            </pre>
          ) : null}
        </div>
      ) : null}
      {handshake ? (
        <details className="ws-handshake">
          <summary>
            Handshake: {handshake.status} {handshake.statusText}, {countLabel(handshake.headers.length, 'header')}
          </summary>
          <HeaderList headers={handshake.headers} label="Handshake response headers" />
        </details>
      ) : null}
    </div>
  );
}
