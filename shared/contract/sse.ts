import { z } from 'zod';
import { STREAM_BATCH_MAX_EVENTS } from './values';

/** One server-sent event as dispatched (WHATWG HTML §9.2): type, last event id, data and any retry seen with it. */
export const sseEventSchema = z.object({
  /** 0-based position in the stream */
  index: z.number().int(),
  /** 'message' unless the server named it */
  event: z.string(),
  /** the last event id in force when this event was dispatched */
  id: z.string(),
  data: z.string(),
  /** a retry value (ms) sent in this event's block, else null */
  retry: z.number().nullable(),
});
export type SseEvent = z.infer<typeof sseEventSchema>;

/** Events parsed while a text/event-stream body is still arriving, batched per request (a bounded batch each). */
export const httpSseSchema = z.object({
  requestId: z.string(),
  events: z.array(sseEventSchema).max(STREAM_BATCH_MAX_EVENTS),
});
export type HttpSse = z.infer<typeof httpSseSchema>;
