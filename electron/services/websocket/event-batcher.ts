import { STREAM_BATCH_MAX_EVENTS, type WsEvent, type WsEventBatch } from '../../../shared/contract';

export interface EventBatcherOptions {
  /** length of a window in which a few flushes go out at once */
  windowMs?: number;
  /** flushes per window sent without waiting; beyond that, the rest of the window is coalesced into one */
  immediateFlushesPerWindow?: number;
  /** a batch this long goes out at once, whatever the window says (at most STREAM_BATCH_MAX_EVENTS) */
  maxBatch?: number;
}

/**
 * Groups a session's events into batches. A quiet socket pays no delay (the batch leaves on the next turn of the
 * event loop, so an echo is not held back); a busy one is coalesced into a batch per window, so 10,000 messages a
 * second become a few dozen bridge messages. No batch holds more than STREAM_BATCH_MAX_EVENTS: a sender faster than
 * that per window gets several batches, in order, each small enough for the window to take between two frames.
 */
export function createEventBatcher(sink: (batch: WsEventBatch) => void, options: EventBatcherOptions = {}) {
  const windowMs = options.windowMs ?? 16;
  const immediate = options.immediateFlushesPerWindow ?? 8;
  const maxBatch = Math.min(options.maxBatch ?? STREAM_BATCH_MAX_EVENTS, STREAM_BATCH_MAX_EVENTS);
  const queues = new Map<string, WsEvent[]>();
  let scheduled: NodeJS.Immediate | NodeJS.Timeout | null = null;
  let scheduledKind: 'immediate' | 'timer' | null = null;
  let windowStart = 0;
  let flushesInWindow = 0;
  let closed = false;

  const flush = (): void => {
    scheduled = null;
    scheduledKind = null;
    const now = performance.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      flushesInWindow = 0;
    }
    flushesInWindow += 1;
    const batches = [...queues];
    queues.clear();
    for (const [sessionId, events] of batches) sink({ sessionId, events });
  };

  const schedule = (): void => {
    if (closed) return;
    const now = performance.now();
    if (now - windowStart >= windowMs || flushesInWindow < immediate) {
      if (scheduled === null) {
        scheduled = setImmediate(flush);
        scheduledKind = 'immediate';
      }
      return;
    }
    if (scheduledKind === 'immediate' || scheduled !== null) return;
    scheduled = setTimeout(flush, Math.max(0, windowStart + windowMs - now));
    scheduledKind = 'timer';
  };

  return {
    push(sessionId: string, event: WsEvent): void {
      if (closed) return;
      let queue = queues.get(sessionId);
      if (!queue) {
        queue = [];
        queues.set(sessionId, queue);
      }
      queue.push(event);
      if (queue.length >= maxBatch) {
        if (scheduled !== null) {
          if (scheduledKind === 'timer') clearTimeout(scheduled as NodeJS.Timeout);
          else clearImmediate(scheduled as NodeJS.Immediate);
        }
        flush();
        return;
      }
      schedule();
    },
    /** sends whatever is queued now (before a session's final answer, so the log is complete first) */
    flushNow(): void {
      if (queues.size === 0) return;
      if (scheduled !== null) {
        if (scheduledKind === 'timer') clearTimeout(scheduled as NodeJS.Timeout);
        else clearImmediate(scheduled as NodeJS.Immediate);
      }
      flush();
    },
    close(): void {
      this.flushNow();
      closed = true;
    },
  };
}
