import { z } from 'zod';
import { bridgeErrorSchema } from './errors';

export { WEB_SECRET_PATH_PREFIX, WEB_BRIDGE_NAME } from './values';

/**
 * Web mode serves the app under a per-launch secret path, /s/<token>/, and carries the same contract over one
 * WebSocket at /s/<token>/bridge. Client → server: a call. Server → client: the call's result, or an event.
 */

export const webCallSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(128),
  input: z.unknown(),
});

export const webReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.number(),
    result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: bridgeErrorSchema })]),
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WebReply = z.infer<typeof webReplySchema>;
