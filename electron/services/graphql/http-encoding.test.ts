import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourierError } from '../../../shared/contract';
import { parseGraphqlResponseText } from '../../../shared/graphql';
import { startGraphqlServer, type GraphqlTestServer } from '../../test-support/graphql-server';
import { createGraphqlTestEngine, graphqlSpec } from './test-engine';

let server: GraphqlTestServer;
let harness: Awaited<ReturnType<typeof createGraphqlTestEngine>>;

beforeAll(async () => {
  server = await startGraphqlServer();
  harness = await createGraphqlTestEngine();
});
afterAll(async () => {
  await harness.dispose();
  await server.close();
});

describe('GraphQL requests through the HTTP engine', () => {
  it('POSTs { query, variables, operationName } as JSON and gets data back', async () => {
    const spec = graphqlSpec(server.url, {
      query: 'query One($id: ID!) { user(id: $id) { name } } query Two { hello }',
      variables: '{"id":"2"}',
      operationName: 'One',
    });
    const answer = await harness.sendForText(spec);
    expect(JSON.parse(answer.text)).toEqual({ data: { user: { name: 'Grace' } } });
    const recorded = server.requests().at(-1)!;
    expect(recorded.method).toBe('POST');
    expect(recorded.headers['content-type']).toBe('application/json');
    expect(JSON.parse(recorded.body)).toEqual({ query: spec.body.kind === 'graphql' ? spec.body.query : '', variables: { id: '2' }, operationName: 'One' });
  });

  it('sends GET with query, variables and operationName in the query string and no body', async () => {
    const answer = await harness.sendForText(
      graphqlSpec(server.url, { query: 'query G($n: String) { hello(name: $n) }', variables: '{"n":"GET"}', method: 'GET' }),
    );
    expect(JSON.parse(answer.text)).toEqual({ data: { hello: 'Hello, GET!' } });
    const recorded = server.requests().at(-1)!;
    expect(recorded.method).toBe('GET');
    expect(recorded.body).toBe('');
    const search = new URL(recorded.url, 'http://x').searchParams;
    expect(search.get('variables')).toBe('{"n":"GET"}');
    expect(recorded.headers['content-type']).toBeUndefined();
  });

  it('runs mutations', async () => {
    const answer = await harness.sendForText(graphqlSpec(server.url, { query: 'mutation { addPost(title: "New", authorId: "2") { title author { name } } }' }));
    expect(JSON.parse(answer.text)).toEqual({ data: { addPost: { title: 'New', author: { name: 'Grace' } } } });
  });

  it('gets field errors with locations and paths, kept apart from data', async () => {
    const answer = await harness.sendForText(graphqlSpec(server.url, { query: '{\n  hello\n  broken\n}' }));
    const view = parseGraphqlResponseText(answer.text)!;
    expect(view.hasData).toBe(true);
    expect(view.errors).toEqual([
      { message: 'The broken field is broken on purpose', locations: [{ line: 3, column: 3 }], path: ['broken'], extensions: '{"code":"BROKEN"}' },
    ]);
  });

  it('refuses variables that are not a JSON object with INVALID_BODY, before connecting', async () => {
    const before = server.requests().length;
    const error = await harness.sendForText(graphqlSpec(server.url, { query: '{ hello }', variables: '{ id: 1 }' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CourierError);
    expect((error as CourierError).code).toBe('INVALID_BODY');
    expect(server.requests().length).toBe(before);
  });
});
