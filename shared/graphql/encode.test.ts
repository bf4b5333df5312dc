import { describe, expect, it } from 'vitest';
import { CourierError } from '../contract/errors';
import { graphqlGetParams, graphqlPostBody, parseGraphqlVariables } from './encode';

const body = (over: Partial<{ query: string; variables: string; operationName: string }> = {}) => ({
  kind: 'graphql' as const,
  query: '{ hello }',
  variables: '',
  operationName: '',
  method: 'POST' as const,
  ...over,
});

describe('GraphQL encoding', () => {
  it('posts { query } alone when there are no variables or operation name', () => {
    expect(JSON.parse(graphqlPostBody(body()))).toEqual({ query: '{ hello }' });
  });

  it('posts variables as an object and the trimmed operation name', () => {
    const text = graphqlPostBody(body({ variables: '{ "id": "1" }', operationName: ' One ' }));
    expect(JSON.parse(text)).toEqual({ query: '{ hello }', variables: { id: '1' }, operationName: 'One' });
  });

  it('puts query, variables (JSON text) and operation name in GET parameters', () => {
    expect(graphqlGetParams(body({ variables: '{"a":[1]}', operationName: 'Q' }))).toEqual([
      ['query', '{ hello }'],
      ['variables', '{"a":[1]}'],
      ['operationName', 'Q'],
    ]);
  });

  it('treats blank and null variables as none', () => {
    expect(parseGraphqlVariables('  ')).toBeNull();
    expect(parseGraphqlVariables('null')).toBeNull();
  });

  it('refuses invalid JSON and non-objects with INVALID_BODY before anything is sent', () => {
    for (const text of ['{ id: 1 }', '[1]', '3', '"x"']) {
      let error: unknown;
      try {
        parseGraphqlVariables(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CourierError);
      expect((error as CourierError).code).toBe('INVALID_BODY');
      expect((error as CourierError).message).toMatch(/variables/);
    }
  });
});
