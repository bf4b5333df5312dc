import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type GraphqlSubscriptionEvent } from '../../shared/contract';
import { startGraphqlServer, type GraphqlTestServer } from '../test-support/graphql-server';
import { createCourier, type Courier } from './create-courier';

const CANARY = 'gql-inherit-CANARY-5d2e';
let workDir: string;
let server: GraphqlTestServer;
let courier: Courier;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'courier-graphql-inherit-'));
  // seenAuth answers with the Authorization header the server received: an echo of the token
  const schema = buildSchema('type Query { hello: String!, seenAuth: String } type Subscription { countdown(from: Int! = 3, intervalMs: Int = 20): Int! }');
  const rootValue = {
    hello: () => 'Hello',
    seenAuth: (_args: unknown, context: { headers: Record<string, string> }) => `seen ${context.headers.authorization ?? 'nothing'}`,
  };
  server = await startGraphqlServer({ schema, rootValue });
  courier = createCourier({ dataDir: workDir, mode: 'web', version: '0', openExternal: () => false });
});

afterAll(async () => {
  await courier.close();
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

/** A collection (X-Team, Bearer {{tok}}) > folder (X-Folder) > a saved GraphQL request that inherits its auth. */
async function savedGraphqlRequest(query: string) {
  const api = (await call('workspace.createContainer', { parent: null, name: `Graph ${Math.random().toString(36).slice(2, 8)}` })).path as string;
  const folder = (await call('workspace.createContainer', { parent: api, name: 'Queries' })).path as string;
  await call('workspace.saveContainer', {
    path: api,
    settings: {
      name: 'Graph',
      variables: [{ name: 'tok', value: CANARY }],
      headers: [{ name: 'X-Team', value: 'core' }],
      auth: { kind: 'bearer', token: '{{tok}}' },
    },
  });
  await call('workspace.saveContainer', { path: folder, settings: { name: 'Queries', headers: [{ name: 'X-Folder', value: 'queries' }] } });
  const request = { method: 'POST', url: server.url, auth: { kind: 'inherit' }, body: { kind: 'graphql', query } };
  const saved = (await call('workspace.createRequest', { parent: folder, name: 'Hello', request })).path as string;
  return { request, saved };
}

const INHERITED = { 'x-team': 'core', 'x-folder': 'queries', authorization: `Bearer ${CANARY}` };

describe('a GraphQL request saved in a collection', () => {
  it('fetches the schema with the collection and folder headers and the inherited Bearer', async () => {
    const { request, saved } = await savedGraphqlRequest('{ hello }');
    const answer = await call('graphql.introspect', { request, refresh: true, workspacePath: saved });
    expect(String(answer.introspection)).toContain('__schema');
    expect(server.requests().at(-1)?.headers).toMatchObject(INHERITED);
  });

  it('sends a query with the inherited headers and Bearer, and the echoed token is flagged and masked', async () => {
    const { request, saved } = await savedGraphqlRequest('{ seenAuth }');
    const exchange = await call('http.send', { requestId: 'gql-inherit-q', request, workspacePath: saved });
    expect(server.requests().at(-1)?.headers).toMatchObject(INHERITED);
    // The body is shown as the server sent it (as for every request), flagged so Copy and Save ask first;
    // everything else the window is given has the token masked.
    expect(exchange.body).toMatchObject({ containsSecret: true });
    expect(JSON.stringify(exchange)).not.toContain(CANARY);
  });

  it('subscribes with the inherited headers and Bearer on the handshake, and echoed values are masked', async () => {
    const events: GraphqlSubscriptionEvent[] = [];
    const off = courier.onEvent((event, payload) => void (event === 'graphql.subscription' ? events.push(payload as GraphqlSubscriptionEvent) : undefined));
    try {
      const { request, saved } = await savedGraphqlRequest('subscription { countdown(from: 1, intervalMs: 5) }');
      await call('graphql.subscribe', { subscriptionId: 'gql-inherit-s', request, workspacePath: saved });
      await expect.poll(() => events.flatMap((e) => e.items).map((i) => i.kind), { timeout: 5000 }).toContain('complete');
      expect(server.socketConnections().at(-1)).toMatchObject(INHERITED);
      expect(JSON.stringify(events)).not.toContain(CANARY);
    } finally {
      off();
    }
  });
});
