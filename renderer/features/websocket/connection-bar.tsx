import { useId } from 'react';
import { impliedWebSocketScheme } from '../../../shared/websocket';
import type { SessionView } from './session-store';
import { UrlBarButton } from '../../ui';
import styles from './websocket.module.css';

interface ConnectionBarProps {
  url: string;
  onUrlChange: (url: string) => void;
  state: SessionView['state'];
  onConnect: () => void;
  onDisconnect: () => void;
}

/** The URL and the one button that connects or disconnects (also stops connecting and reconnecting). */
export function ConnectionBar({ url, onUrlChange, state, onConnect, onDisconnect }: ConnectionBarProps) {
  const live = state === 'connecting' || state === 'open' || state === 'reconnecting' || state === 'closing';
  const implied = impliedWebSocketScheme(url);
  const noteId = useId();
  return (
    <>
      <form
        className={styles.bar}
        onSubmit={(event) => {
          event.preventDefault();
          if (live) onDisconnect();
          else onConnect();
        }}
      >
        <span className={styles.barScheme} aria-hidden="true">
          WS
        </span>
        <input
          className={styles.barUrl}
          aria-label="WebSocket URL"
          placeholder="wss://echo.example.com/socket"
          spellCheck={false}
          value={url}
          aria-describedby={implied ? noteId : undefined}
          onChange={(event) => onUrlChange(event.target.value)}
        />
        {live ? (
          <UrlBarButton type="submit" stop className={styles.barButton}>
            {state === 'connecting' || state === 'reconnecting' ? 'Stop' : 'Disconnect'}
          </UrlBarButton>
        ) : (
          <UrlBarButton type="submit" className={styles.barButton}>
            Connect
          </UrlBarButton>
        )}
      </form>
      {implied ? (
        <p className={styles.barNote} id={noteId}>
          (connects as {implied})
        </p>
      ) : null}
    </>
  );
}
