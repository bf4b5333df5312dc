import { z } from 'zod';
import { bridgeErrorSchema } from './errors';

/**
 * Web mode serves the app under a per-launch secret path, /s/<token>/ (this constant is the "s"), and carries the
 * same contract over one WebSocket at /s/<token>/bridge. Client → server: a call. Server → client: the call's
 * result, or an event.
 */
export const WEB_SECRET_PATH_PREFIX = 's';
/**
 * The bridge, relative to the app's page (/s/<token>/): the page resolves this name against its own address, so it
 * never needs to know the token, and the token never has to be written into the page.
 */
export const WEB_BRIDGE_NAME = 'bridge';

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
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: bridgeErrorSchema }),
    ]),
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WebReply = z.infer<typeof webReplySchema>;
