import { z } from 'zod';
import { httpRequestSpecSchema } from './http';
import { workspacePathSchema } from './workspace';

const subscriptionIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * graphql.introspect: the request's URL, headers, TLS settings and auth are used as they are; the body is replaced
 * by the standard introspection query. The answer is the server's JSON text, which the renderer
 * turns into a schema in a worker (a GraphQLSchema cannot cross the bridge).
 */
export const graphqlIntrospectInputSchema = z.object({
  request: httpRequestSpecSchema,
  /** skip the per-endpoint cache and ask the server again */
  refresh: z.boolean().default(false),
  /** a saved request's file: its collection's and folders' headers, auth and variables apply, as for http.send */
  workspacePath: workspacePathSchema.optional(),
});

export const graphqlIntrospectOutputSchema = z.object({
  /** JSON text of the server's introspection answer ({ data: { __schema: … } }), as received */
  introspection: z.string(),
  /** hash of the introspection text: the same schema gives the same hash, so the renderer rebuilds only on change */
  hash: z.string(),
  fetchedAt: z.number(),
  /** answered from the cache */
  cached: z.boolean(),
  /** milliseconds the server took (0 from the cache) */
  durationMs: z.number(),
});
export type GraphqlIntrospection = z.infer<typeof graphqlIntrospectOutputSchema>;

export const graphqlSubscribeInputSchema = z.object({
  subscriptionId: subscriptionIdSchema,
  /** a request whose body is a GraphQL subscription; http(s) URLs are switched to ws(s) */
  request: httpRequestSpecSchema,
  /** a saved request's file: its collection's and folders' headers, auth and variables apply, as for http.send */
  workspacePath: workspacePathSchema.optional(),
});

export const graphqlUnsubscribeInputSchema = z.object({ subscriptionId: subscriptionIdSchema });

const GRAPHQL_SUBSCRIPTION_ITEM_KINDS = ['connecting', 'connected', 'next', 'error', 'complete', 'closed'] as const;

export const graphqlSubscriptionItemSchema = z.object({
  /** 1, 2, 3… per subscription: the log keeps order and can tell a gap */
  seq: z.number().int(),
  /** epoch ms when the main process saw it */
  at: z.number(),
  kind: z.enum(GRAPHQL_SUBSCRIPTION_ITEM_KINDS),
  /** next: the execution result ({ data, errors }) as JSON text; error: the GraphQL errors as JSON text */
  payload: z.string().optional(),
  /** connection-level problems and close reasons, written for the user */
  message: z.string().optional(),
});
export type GraphqlSubscriptionItem = z.infer<typeof graphqlSubscriptionItemSchema>;

/** Results are batched (at most every few tens of ms) so a chatty subscription does not flood the bridge. */
export const graphqlSubscriptionEventSchema = z.object({
  subscriptionId: z.string(),
  items: z.array(graphqlSubscriptionItemSchema),
});
export type GraphqlSubscriptionEvent = z.infer<typeof graphqlSubscriptionEventSchema>;
