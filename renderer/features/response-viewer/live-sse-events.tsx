import { useCallback, useSyncExternalStore } from 'react';
import { countLabel } from '../../../shared/websocket';
import { bridge } from '../../lib/bridge';
import { Button, useThrottledValue } from '../../ui';
import { liveSseEvents } from './live-sse-feed';
import { CAP_CHOICES } from './live-sse-store';
import { SseEventList } from './sse-event-list';
import styles from './sse.module.css';

/**
 * Events of a text/event-stream response while it is still arriving, as kept by the window's live store from the
 * send's first batch (so a view that mounts late, or again after its tab was left, shows them all) and shown once per
 * frame. Stop ends the stream and keeps it: the response (and history) holds everything received. Only the newest
 * `cap` events stay in the window (older ones are counted as dropped); the stored body keeps them all.
 */
export function LiveSseEvents({ requestId }: { requestId: string }) {
  const subscribe = useCallback((listener: () => void) => liveSseEvents.subscribe(requestId, listener), [requestId]);
  const version = useSyncExternalStore(subscribe, () => liveSseEvents.version(requestId));

  // The counter follows every frame; the list (tens of thousands of rows to lay out) ten times a second.
  const listVersion = useThrottledValue(version, 100);
  const buffer = liveSseEvents.buffer(requestId);
  if (buffer === null || version === 0) return null;
  const count = buffer.events.length + buffer.dropped;
  const changeCap = (next: number) => liveSseEvents.setCap(requestId, next);
  return (
    <div className={styles.live}>
      <div className={styles.liveBar}>
        <span role="status" aria-live="off" className={styles.count} data-testid="sse-live-count">
          {countLabel(count, 'event')} so far
          {buffer.dropped > 0 ? ` · ${countLabel(buffer.dropped, 'older event')} dropped` : ''}
        </span>
        <label className={styles.liveCap}>
          Keep
          <select aria-label="Live events kept" value={buffer.cap} onChange={(event) => changeCap(Number(event.target.value))}>
            {CAP_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant="danger-quiet"
          className={styles.liveStop}
          disabled={buffer.stopping}
          onClick={() => {
            liveSseEvents.markStopping(requestId);
            void bridge.invoke('http.cancel', { requestId });
          }}
        >
          {buffer.stopping ? 'Stopping…' : 'Stop stream'}
        </Button>
      </div>
      <SseEventList events={buffer.events} version={listVersion} follow />
    </div>
  );
}
