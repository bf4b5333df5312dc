import { printSchema, buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourierError } from '../../../shared/contract';
import { schemaFromIntrospection } from '../../../shared/graphql';
import { startGraphqlServer, TEST_SCHEMA_SDL, type GraphqlTestServer } from '../../test-support/graphql-server';
import { startHttpServer, type TestServer } from '../../test-support';
import { createIntrospectionService } from './introspection';
import { createGraphqlTestEngine, graphqlSpec } from './test-engine';

let server: GraphqlTestServer;
let plain: TestServer;
let harness: Awaited<ReturnType<typeof createGraphqlTestEngine>>;

beforeAll(async () => {
  server = await startGraphqlServer();
  plain = await startHttpServer((req, res) => {
    if (req.url === '/errors') res.writeHead(200, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Introspection is disabled"}]}');
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>');
  });
  harness = await createGraphqlTestEngine();
});
afterAll(async () => {
  await harness.dispose();
  await server.close();
  await plain.close();
});

describe('introspection', () => {
  it('fetches the schema through the engine, with the request headers, and answers the same endpoint from its cache', async () => {
    const service = createIntrospectionService({ send: harness.sendForText });
    const request = graphqlSpec(server.url, { query: '{ hello }' }, { headers: [{ name: 'Authorization', value: 'Bearer t1' }] });
    const first = await service.introspect(request, false);
    expect(first.cached).toBe(false);
    const schema = schemaFromIntrospection(JSON.parse(first.introspection));
    expect(printSchema(schema)).toBe(printSchema(buildSchema(TEST_SCHEMA_SDL)));
    const sent = server.requests().at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer t1');
    expect(JSON.parse(sent.body).operationName).toBe('IntrospectionQuery');

    const count = server.requests().length;
    const second = await service.introspect({ ...request, body: { kind: 'none' } }, false);
    expect(second).toMatchObject({ cached: true, hash: first.hash, introspection: first.introspection });
    expect(server.requests().length).toBe(count);

    // other headers are another cache entry; refresh always asks again
    await service.introspect({ ...request, headers: [{ name: 'Authorization', value: 'Bearer t2', enabled: true }] }, false);
    await service.introspect(request, true);
    expect(server.requests().length).toBe(count + 2);
  });

  it('shares one request between callers asking at the same time', async () => {
    const service = createIntrospectionService({ send: harness.sendForText });
    const count = server.requests().length;
    const request = graphqlSpec(server.url, { query: '' });
    const [a, b] = await Promise.all([service.introspect(request, false), service.introspect(request, false)]);
    expect(a.hash).toBe(b.hash);
    expect(server.requests().length).toBe(count + 1);
  });

  it('explains an endpoint that is not GraphQL, and one that refuses introspection', async () => {
    const service = createIntrospectionService({ send: harness.sendForText });
    const notGraphql = await service.introspect(graphqlSpec(`${plain.origin}/nope`, { query: '' }), false).catch((e: unknown) => e);
    expect(notGraphql).toBeInstanceOf(CourierError);
    expect(notGraphql).toMatchObject({ code: 'GRAPHQL_INTROSPECTION_FAILED', message: expect.stringMatching(/404/) });
    const refused = await service.introspect(graphqlSpec(`${plain.origin}/errors`, { query: '' }), false).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'GRAPHQL_INTROSPECTION_FAILED', message: expect.stringMatching(/Introspection is disabled/) });
  });

  it('forgets the least recently used endpoint beyond its limit', async () => {
    const service = createIntrospectionService({ send: harness.sendForText, maxEntries: 1 });
    await service.introspect(graphqlSpec(`${server.url}?a`, { query: '' }), false);
    await service.introspect(graphqlSpec(`${server.url}?b`, { query: '' }), false);
    expect((await service.introspect(graphqlSpec(`${server.url}?a`, { query: '' }), false)).cached).toBe(false);
  });
});
