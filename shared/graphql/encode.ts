import { CourierError } from '../contract/courier-error';
import type { GraphqlBody } from '../contract/graphql-body';

/**
 * The variables text as an object, or null when blank. Anything else (bad JSON, an array, a number) is refused
 * before sending: a GraphQL server would only answer with a less helpful error about the whole request.
 */
export function parseGraphqlVariables(text: string): Record<string, unknown> | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CourierError('INVALID_BODY', `The GraphQL variables are not valid JSON: ${(error as Error).message}.`, 'variables');
  }
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CourierError('INVALID_BODY', 'The GraphQL variables must be a JSON object, such as { "id": 1 }.', 'variables');
  }
  return value as Record<string, unknown>;
}

/** The POST body: the shape every GraphQL-over-HTTP server reads ({ query, variables?, operationName? }). */
export function graphqlPostBody(body: GraphqlBody): string {
  const variables = parseGraphqlVariables(body.variables);
  const payload: Record<string, unknown> = { query: body.query };
  if (variables !== null) payload.variables = variables;
  if (body.operationName.trim() !== '') payload.operationName = body.operationName.trim();
  return JSON.stringify(payload);
}

/** GET: the same three members as query-string parameters, variables as JSON text (GraphQL over HTTP, §GET). */
export function graphqlGetParams(body: GraphqlBody): [string, string][] {
  const variables = parseGraphqlVariables(body.variables);
  const params: [string, string][] = [['query', body.query]];
  if (variables !== null) params.push(['variables', JSON.stringify(variables)]);
  if (body.operationName.trim() !== '') params.push(['operationName', body.operationName.trim()]);
  return params;
}
