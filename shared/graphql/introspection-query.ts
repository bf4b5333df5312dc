import { getIntrospectionQuery } from 'graphql';

/**
 * The query Courier introspects with: descriptions and deprecated members included (the explorer shows them), but
 * not the spec's newer optional parts, which older servers reject as unknown fields.
 */
export function introspectionQueryText(): string {
  return getIntrospectionQuery({ descriptions: true, inputValueDeprecation: false, specifiedByUrl: false, directiveIsRepeatable: false });
}
