import { useEffect, useState } from 'react';
import type { BodyRef, SseEvent } from '../../../shared/contract';
import { formatBytes, textDecoderFor } from '../../../shared/response';
import { createSseParser } from '../../../shared/sse';
import { countLabel } from '../../../shared/websocket';
import { SseEventList } from './sse-event-list';
import { readBodyRanges } from './read-body-ranges';
import styles from './sse.module.css';
import viewerStyles from './response-viewer.module.css';

/** Parsing a stored stream beyond this is left to Save: the events tab is for reading, not for archives. */
const MAX_PARSED_BYTES = 64 * 1024 * 1024;

type Loaded = { state: 'loading' } | { state: 'done'; events: SseEvent[]; truncated: boolean } | { state: 'error'; message: string };

/** The events of a finished (or stopped) text/event-stream response, parsed from the stored body. */
export function SseEventsPanel({ body }: { body: BodyRef }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const parser = createSseParser();
      const decoder = textDecoderFor(body.contentType);
      const events: SseEvent[] = [];
      const limit = Math.min(body.size, MAX_PARSED_BYTES);
      try {
        await readBodyRanges(body.id, limit, (bytes) => {
          if (cancelled) return false;
          events.push(...parser.push(decoder.decode(bytes, { stream: true })));
          return true;
        });
        events.push(...parser.push(decoder.decode()), ...parser.end());
        if (!cancelled) setLoaded({ state: 'done', events, truncated: body.size > limit });
      } catch (error) {
        if (!cancelled) setLoaded({ state: 'error', message: error instanceof Error ? error.message : 'The events could not be read.' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [body]);

  if (loaded.state === 'loading') return <p className={viewerStyles.notice}>Reading events…</p>;
  if (loaded.state === 'error')
    return (
      <p className={viewerStyles.notice} role="alert">
        {loaded.message}
      </p>
    );
  return (
    <div className={styles.done}>
      <p className={`${styles.count} ${styles.doneCount}`} role="status">
        {countLabel(loaded.events.length, 'event')}
        {loaded.truncated ? ` in the first ${formatBytes(MAX_PARSED_BYTES)} (Save the body for the rest)` : ''}
      </p>
      {loaded.events.length > 0 ? <SseEventList events={loaded.events} version={0} follow={false} /> : null}
    </div>
  );
}
