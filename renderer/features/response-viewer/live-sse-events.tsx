import { useEffect, useState } from 'react';
import type { SseEvent } from '../../../shared/contract';
import { bridge } from '../../lib/bridge';
import { useThrottledValue } from '../../ui';
import { SseEventList } from './sse-event-list';

/**
 * Events of a text/event-stream response while it is still arriving. Batches from 'http.sse' are gathered and shown
 * once per frame. Stop ends the stream and keeps it: the response (and history) holds everything received.
 */
export function LiveSseEvents({ requestId }: { requestId: string }) {
  // One array that grows in place (copying it per batch would cost O(n²) over a long stream); `version` re-renders.
  const [buffer] = useState(() => ({ events: [] as SseEvent[] }));
  const [version, setVersion] = useState(0);
  const [stopping, setStopping] = useState(false);

  useEffect(() => {
    let frame = 0;
    const unsubscribe = bridge.subscribe('http.sse', (batch) => {
      if (batch.requestId !== requestId) return;
      for (const event of batch.events) buffer.events.push(event);
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
  const count = buffer.events.length;
  return (
    <div className="response-sse-live">
      <div className="response-sse-live__bar">
        <span role="status" aria-live="off" className="response-sse-live__count">
          {count.toLocaleString()} events so far
        </span>
        <button
          type="button"
          className="response-sse-live__stop"
          disabled={stopping}
          onClick={() => {
            setStopping(true);
            void bridge.invoke('http.cancel', { requestId });
          }}
        >
          {stopping ? 'Stopping…' : 'Stop stream'}
        </button>
      </div>
      <SseEventList events={buffer.events} version={listVersion} follow />
    </div>
  );
}
