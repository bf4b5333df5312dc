import { z } from 'zod';
import { bridgeErrorSchema } from './errors';

/**
 * Web mode carries the same contract over one WebSocket at WEB_BRIDGE_PATH.
 * Client → server: a call. Server → client: the call's result, or an event.
 */
export const WEB_BRIDGE_PATH = '/bridge';
/** Query parameter that carries the per-launch token on the first page load. */
export const WEB_TOKEN_PARAM = 'token';

export const webCallSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(128),
  input: z.unknown(),
});
export type WebCall = z.infer<typeof webCallSchema>;

export const webReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.number(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: bridgeErrorSchema }),
    ]),
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WebReply = z.infer<typeof webReplySchema>;
