import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlSubscriptionEvent, GraphqlSubscriptionItem } from '../../../shared/contract';
import { startGraphqlServer, type GraphqlTestServer } from '../../test-support/graphql-server';
import { closedPort } from '../../test-support';
import { createSubscriptionService, type SubscriptionService } from './subscriptions';
import { subscriptionUrl } from './subscription-url';
import { graphqlSpec } from './test-engine';

let server: GraphqlTestServer;
beforeAll(async () => {
  server = await startGraphqlServer();
});
afterAll(async () => {
  await server.close();
});

function collect(batchMs = 30) {
  const events: GraphqlSubscriptionEvent[] = [];
  const service = createSubscriptionService({ emit: (event) => events.push(event), batchMs });
  const items = (id: string) => events.filter((e) => e.subscriptionId === id).flatMap((e) => e.items);
  const until = async (id: string, done: (items: GraphqlSubscriptionItem[]) => boolean) => {
    const deadline = Date.now() + 5000;
    while (!done(items(id))) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(items(id))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return items(id);
  };
  return { service, events, items, until };
}

describe('subscriptions over graphql-transport-ws', () => {
  let service: SubscriptionService | null = null;
  afterAll(async () => {
    await service?.close();
  });

  it('streams every result in order, then completes, in batches; headers go on the upgrade', async () => {
    const run = collect();
    service = run.service;
    run.service.subscribe(
      's1',
      graphqlSpec(
        server.url,
        { query: 'subscription Count($from: Int!) { countdown(from: $from, intervalMs: 5) }', variables: '{"from":5}' },
        {
          headers: [{ name: 'X-Token', value: 'abc' }],
        },
      ),
    );
    const items = await run.until('s1', (list) => list.some((i) => i.kind === 'complete'));
    expect(items.map((i) => i.kind)).toEqual(['connecting', 'connected', 'next', 'next', 'next', 'next', 'next', 'complete']);
    expect(items.filter((i) => i.kind === 'next').map((i) => JSON.parse(i.payload!))).toEqual([5, 4, 3, 2, 1].map((n) => ({ data: { countdown: n } })));
    expect(items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // five results 5 ms apart arrive in fewer events than items
    expect(run.events.filter((e) => e.subscriptionId === 's1').length).toBeLessThan(items.length);
    expect(server.socketConnections().at(-1)!['x-token']).toBe('abc');
    expect(run.service.size).toBe(0);
  });

  it('stops on unsubscribe and sends nothing more', async () => {
    const run = collect(5);
    run.service.subscribe('s2', graphqlSpec(server.url, { query: 'subscription { countdown(from: 100, intervalMs: 20) }' }));
    await run.until('s2', (list) => list.some((i) => i.kind === 'next'));
    expect(run.service.unsubscribe('s2')).toBe(true);
    expect(run.service.unsubscribe('s2')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const items = run.items('s2');
    expect(items.at(-1)).toMatchObject({ kind: 'complete', message: 'Stopped' });
    expect(items.filter((i) => i.kind === 'next').length).toBeLessThan(5);
    await run.service.close();
  });

  it('reports GraphQL errors from the server and connection failures as error items', async () => {
    const run = collect(5);
    run.service.subscribe('bad', graphqlSpec(server.url, { query: 'subscription { nope }' }));
    const bad = await run.until('bad', (list) => list.some((i) => i.kind === 'error'));
    expect(JSON.parse(bad.find((i) => i.kind === 'error')!.payload!)[0].message).toMatch(/nope/);

    run.service.subscribe('down', graphqlSpec(`http://127.0.0.1:${await closedPort()}/graphql`, { query: 'subscription { countdown }' }));
    const down = await run.until('down', (list) => list.some((i) => i.kind === 'error' || i.kind === 'closed'));
    expect(down.at(-1)!.message).toBeTruthy();
    await run.service.close();
  });

  it('refuses bad variables and a duplicate id at once', async () => {
    const run = collect();
    expect(() => run.service.subscribe('v', graphqlSpec(server.url, { query: 'subscription { countdown }', variables: '[1]' }))).toThrow(/JSON object/);
    run.service.subscribe('d', graphqlSpec(server.url, { query: 'subscription { countdown(from: 50) }' }));
    expect(() => run.service.subscribe('d', graphqlSpec(server.url, { query: 'subscription { countdown }' }))).toThrow(/already/);
    await run.service.close();
    expect(run.service.size).toBe(0);
  });

  it('switches http(s) URLs to ws(s) and keeps the params', () => {
    expect(subscriptionUrl('https://api.example.com/graphql#x', [{ name: 'a', value: 'b c' }])).toBe('wss://api.example.com/graphql?a=b+c');
    expect(subscriptionUrl('ws://h/g')).toBe('ws://h/g');
    expect(() => subscriptionUrl('ftp://h')).toThrow(/ws\(s\)/);
  });
});
