import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type GraphqlSubscriptionEvent } from '../../shared/contract';
import { startGraphqlServer, type GraphqlTestServer } from '../test-support/graphql-server';
import { createCourier, type Courier } from './create-courier';

let workDir: string;
let server: GraphqlTestServer;
let courier: Courier;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'courier-graphql-core-'));
  server = await startGraphqlServer();
  courier = createCourier({ dataDir: workDir, mode: 'web', version: '1.2.3', openExternal: () => false });
});

afterAll(async () => {
  await courier.close();
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

const request = (query: string) => ({ method: 'POST', url: server.url, body: { kind: 'graphql', query } });

describe('GraphQL through the composition root', () => {
  it('introspects through dispatch, and a second call is answered from the cache', async () => {
    const first = await dispatch(courier.handlers, 'graphql.introspect', { request: request('') });
    expect(first.ok).toBe(true);
    const second = await dispatch(courier.handlers, 'graphql.introspect', { request: request('{ hello }') });
    expect(second).toMatchObject({ ok: true, value: { cached: true } });
  });

  it('streams subscription results as graphql.subscription events, and unsubscribe answers whether it ran', async () => {
    const events: GraphqlSubscriptionEvent[] = [];
    const stop = courier.onEvent((event, payload) => {
      if (event === 'graphql.subscription') events.push(payload as GraphqlSubscriptionEvent);
    });
    const started = await dispatch(courier.handlers, 'graphql.subscribe', {
      subscriptionId: 'core-1',
      request: request('subscription { countdown(from: 2, intervalMs: 5) }'),
    });
    expect(started).toEqual({ ok: true, value: { started: true } });
    await expect.poll(() => events.flatMap((e) => e.items).map((i) => i.kind), { timeout: 5000 }).toContain('complete');
    expect(events.flatMap((e) => e.items).filter((i) => i.kind === 'next')).toHaveLength(2);
    expect(await dispatch(courier.handlers, 'graphql.unsubscribe', { subscriptionId: 'core-1' })).toEqual({ ok: true, value: { stopped: false } });
    stop();
  });

  it('refuses variables that are not an object with INVALID_BODY, not a raw error', async () => {
    const result = await dispatch(courier.handlers, 'graphql.subscribe', {
      subscriptionId: 'core-2',
      request: { ...request('subscription { countdown }'), body: { kind: 'graphql', query: 'subscription { countdown }', variables: '[]' } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_BODY' } });
  });
});
