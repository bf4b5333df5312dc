import type { RequestDraft } from './draft';

/**
 * With a GraphQL body the request line's method follows the body's "send as" choice (POST or GET), so the URL bar
 * never says GET while a JSON body goes out. Applied after each body edit; other edits leave the method alone.
 */
export function syncGraphqlMethod(previous: RequestDraft, next: RequestDraft): RequestDraft {
  if (next.body.kind !== 'graphql') return next;
  const switched = previous.body.kind !== 'graphql' || previous.body.graphql.method !== next.body.graphql.method;
  return switched && next.method !== next.body.graphql.method ? { ...next, method: next.body.graphql.method } : next;
}
