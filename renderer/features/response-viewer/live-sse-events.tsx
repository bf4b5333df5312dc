import { useEffect, useState } from 'react';
import type { SseEvent } from '../../../shared/contract';
import { appendCapped, countLabel } from '../../../shared/websocket';
import { bridge } from '../../lib/bridge';
import { Button, useThrottledValue } from '../../ui';
import { SseEventList } from './sse-event-list';
import styles from './sse.module.css';

/** Choices for how many live events the window keeps: a long stream must not grow the tab without end. */
const CAP_CHOICES = [1_000, 10_000, 100_000] as const;
const DEFAULT_CAP = 10_000;
const CAP_KEY = 'courier.sse.liveCap';

interface LiveBuffer {
  events: SseEvent[];
  dropped: number;
  cap: number;
}

/** Events arrive between frames: they go into one array that grows in place and is trimmed to the cap. */
function append(buffer: LiveBuffer, incoming: readonly SseEvent[]): void {
  buffer.dropped += appendCapped(buffer.events, incoming, buffer.cap);
}

function recap(buffer: LiveBuffer, cap: number): void {
  buffer.cap = cap;
  append(buffer, []);
  globalThis.localStorage?.setItem(CAP_KEY, String(cap));
}

function storedCap(): number {
  const value = Number(globalThis.localStorage?.getItem(CAP_KEY));
  return (CAP_CHOICES as readonly number[]).includes(value) ? value : DEFAULT_CAP;
}

/**
 * Events of a text/event-stream response while it is still arriving. Batches from 'http.sse' are gathered and shown
 * once per frame. Stop ends the stream and keeps it: the response (and history) holds everything received. Only the
 * newest `cap` events stay in the window (older ones are counted as dropped); the stored body keeps them all.
 */
export function LiveSseEvents({ requestId }: { requestId: string }) {
  // One array that grows in place (copying it per batch would cost O(n²) over a long stream); `version` re-renders.
  const [buffer] = useState<LiveBuffer>(() => ({ events: [], dropped: 0, cap: storedCap() }));
  const [cap, setCap] = useState(buffer.cap);
  const [version, setVersion] = useState(0);
  const [stopping, setStopping] = useState(false);

  useEffect(() => {
    let frame = 0;
    const unsubscribe = bridge.subscribe('http.sse', (batch) => {
      if (batch.requestId !== requestId) return;
      append(buffer, batch.events);
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion((v) => v + 1);
        });
      }
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [requestId, buffer]);

  // The counter follows every frame; the list (tens of thousands of rows to lay out) ten times a second.
  const listVersion = useThrottledValue(version, 100);
  if (version === 0) return null;
  const count = buffer.events.length + buffer.dropped;
  const changeCap = (next: number) => {
    recap(buffer, next);
    setCap(next);
    setVersion((v) => v + 1);
  };
  return (
    <div className={styles.live}>
      <div className={styles.liveBar}>
        <span role="status" aria-live="off" className={styles.count} data-testid="sse-live-count">
          {countLabel(count, 'event')} so far
          {buffer.dropped > 0 ? ` · ${countLabel(buffer.dropped, 'older event')} dropped` : ''}
        </span>
        <label className={styles.liveCap}>
          Keep
          <select aria-label="Live events kept" value={cap} onChange={(event) => changeCap(Number(event.target.value))}>
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
          disabled={stopping}
          onClick={() => {
            setStopping(true);
            void bridge.invoke('http.cancel', { requestId });
          }}
        >
          {stopping ? 'Stopping…' : 'Stop stream'}
        </Button>
      </div>
      <SseEventList events={buffer.events} version={listVersion} follow />
    </div>
  );
}
