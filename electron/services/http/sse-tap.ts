import { STREAM_BATCH_MAX_EVENTS, type HttpSse, type SseEvent } from '../../../shared/contract';
import { textDecoderFor } from '../../../shared/response';
import { createSseParser } from '../../../shared/sse';

const FLUSH_MS = 16;

export interface SseTap {
  /** decoded body bytes, in order, as they arrive */
  write(chunk: Buffer): void;
  /** the body ended (or was stopped): whatever is parsed goes out now */
  end(): void;
  readonly count: number;
}

/**
 * Parses a text/event-stream body while it arrives and hands the events on in batches of at most one per 16 ms,
 * so thousands of events a second cost the bridge about sixty messages. A batch never holds more than
 * STREAM_BATCH_MAX_EVENTS: one read of a fast stream can hold thousands of events, and a batch that size is a task
 * the window cannot finish within a frame. The body itself is stored as usual; this is a live view of it.
 */
export function createSseTap(requestId: string, sink: (batch: HttpSse) => void): SseTap {
  // an event stream is UTF-8 whatever it declares, as the stored one is read (textDecoderFor)
  const decoder = textDecoderFor('text/event-stream');
  const parser = createSseParser();
  let pending: SseEvent[] = [];
  let timer: NodeJS.Timeout | null = null;
  let ended = false;

  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const events = pending;
    pending = [];
    try {
      sink({ requestId, events });
    } catch {
      // A faulty listener must not break the exchange.
    }
  };

  const accept = (events: SseEvent[]): void => {
    for (const event of events) {
      pending.push(event);
      if (pending.length >= STREAM_BATCH_MAX_EVENTS) flush();
    }
    if (pending.length > 0 && timer === null) timer = setTimeout(flush, FLUSH_MS);
  };

  return {
    write(chunk) {
      if (ended) return;
      accept(parser.push(decoder.decode(chunk, { stream: true })));
    },
    end() {
      if (ended) return;
      ended = true;
      accept(parser.push(decoder.decode()));
      accept(parser.end());
      flush();
    },
    get count() {
      return parser.count;
    },
  };
}
