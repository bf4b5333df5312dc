import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlSubscriptionEvent, GraphqlSubscriptionItem } from '../../../shared/contract';
import { leakNeedles } from '../../test-support';
import { startGraphqlServer, type GraphqlTestServer } from '../../test-support/graphql-server';
import { createSubscriptionService, type SubscriptionServiceOptions } from './subscriptions';
import { graphqlSpec } from './test-engine';

/** Subscriptions obey the self-request guard, check their headers, and log no secret. */
const CANARY = 'Kq9!canary s3cr3t+/=zZ';
const QUERY = { query: 'subscription { countdown(from: 2, intervalMs: 5) }' };

let server: GraphqlTestServer;
let port: number;
beforeAll(async () => {
  server = await startGraphqlServer();
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

function collect(options: Partial<SubscriptionServiceOptions> = {}) {
  const events: GraphqlSubscriptionEvent[] = [];
  const service = createSubscriptionService({ emit: (event) => events.push(event), batchMs: 5, ...options });
  const items = (id: string) => events.filter((e) => e.subscriptionId === id).flatMap((e) => e.items);
  const until = async (id: string, done: (list: GraphqlSubscriptionItem[]) => boolean) => {
    const deadline = Date.now() + 5000;
    while (!done(items(id))) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(items(id))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return items(id);
  };
  return { service, items, until };
}

function thrown(run: () => void): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a throw');
}

describe('GraphQL subscriptions: guard and secrets', () => {
  it("refuses Courier's own port, by IP literal at once and by name after DNS", async () => {
    const run = collect({ isRefusedAddress: (_address, refusedPort) => refusedPort === port });
    try {
      const literal = thrown(() => run.service.subscribe('g1', graphqlSpec(server.url.replace('localhost', '127.0.0.1'), QUERY)));
      expect(literal.code).toBe('SELF_REQUEST_REFUSED');
      run.service.subscribe('g2', graphqlSpec(`http://localhost:${port}/graphql`, QUERY));
      const items = await run.until('g2', (list) => list.some((i) => i.kind === 'error' || i.kind === 'closed' || i.kind === 'complete'));
      expect(items.some((i) => i.kind === 'next')).toBe(false);
      expect(items.at(-1)?.message).toBe('Courier does not connect to its own web server.');
      expect(server.socketConnections().length).toBe(0);
    } finally {
      await run.service.close();
    }
  });

  it('masks the secret in the "Connecting to" line and in an INVALID_URL', async () => {
    const run = collect();
    try {
      const url = `${server.url}?token=${encodeURIComponent(CANARY)}`;
      run.service.subscribe('g3', graphqlSpec(url, QUERY), [CANARY]);
      const items = await run.until('g3', (list) => list.some((i) => i.kind === 'complete'));
      expect(items[0]?.message).toMatch(/^Connecting to ws:\/\/.*token=••••••$/);
      for (const needle of leakNeedles(CANARY)) expect(JSON.stringify(items)).not.toContain(needle.bytes.toString());
      const invalid = thrown(() => run.service.subscribe('g4', graphqlSpec(`http://exa mple/${CANARY}`, QUERY), [CANARY]));
      expect(invalid.code).toBe('INVALID_URL');
      for (const needle of leakNeedles(CANARY)) expect(JSON.stringify(invalid)).not.toContain(needle.bytes.toString());
    } finally {
      await run.service.close();
    }
  });

  it('refuses a header value with a line break as INVALID_HEADER naming the header', () => {
    const run = collect();
    const error = thrown(() => run.service.subscribe('g5', graphqlSpec(server.url, QUERY, { headers: [{ name: 'X-Bad', value: 'a\r\nb' }] })));
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.message).toContain('X-Bad');
    expect(run.service.size).toBe(0);
  });
});
