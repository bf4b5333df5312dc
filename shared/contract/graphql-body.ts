import { z } from 'zod';

/**
 * A GraphQL request as the body of an HTTP request. Kept apart from graphql.ts so http.ts can use it without an
 * import cycle (graphql.ts needs the request spec from http.ts).
 */
export const graphqlBodySchema = z.object({
  kind: z.literal('graphql'),
  query: z.string().max(16 * 1024 * 1024),
  /** JSON text of an object, as typed; blank means no variables. Checked before sending (INVALID_BODY). */
  variables: z
    .string()
    .max(16 * 1024 * 1024)
    .default(''),
  /** which operation of a document with several; blank means the only one */
  operationName: z.string().max(1024).default(''),
  /** POST sends a JSON body; GET puts query, variables and operationName in the URL's query string */
  method: z.enum(['POST', 'GET']).default('POST'),
});
export type GraphqlBody = z.infer<typeof graphqlBodySchema>;
