import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildClientSchema, buildSchema, introspectionFromSchema, type GraphQLSchema } from 'graphql';
import { createCourier } from '../../electron/core';
import { startGraphqlServer } from '../../electron/test-support/graphql-server';
import { httpRequestSpecSchema } from '../../shared/contract';
import { indexSchema, schemaFromIntrospection } from '../../shared/graphql';
import { median, round, type Metrics } from './report';

const TYPE_COUNT = 1_000;
const WARMUP = 2;
const RUNS = 9;

/** A schema of TYPE_COUNT object types that reference each other, with arguments, descriptions and deprecations. */
export function generateSchema(typeCount: number): GraphQLSchema {
  const parts: string[] = [];
  for (let i = 0; i < typeCount; i++) {
    const next = `T${(i + 1) % typeCount}`;
    const other = `T${(i * 7 + 3) % typeCount}`;
    parts.push(`"Type number ${i}, generated for the benchmark"
type T${i} {
  id: ID!
  name: String
  "How many of them there are"
  count(first: Int = 10, after: String): Int!
  next: ${next}
  related(filter: String, limit: Int = 20): [${other}!]!
  tags: [String!]!
  score: Float
  active: Boolean
  old: String @deprecated(reason: "Use name")
}`);
  }
  const roots = Array.from({ length: Math.min(typeCount, 200) }, (_, i) => `  t${i}(id: ID!): T${i}`).join('\n');
  parts.push(`type Query {\n${roots}\n}`);
  return buildSchema(parts.join('\n\n'));
}

/** Serves one prepared answer to every request: the server's own execution time is not what is measured. */
async function startPreparedServer(body: string) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const timeOf = async (fn: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

/**
 * graphql_introspect_ms: a schema of 1,000 types from a local server; introspected through the main process
 * (createCourier's graphql.introspect handler and the HTTP engine, cache bypassed), then built and indexed as the
 * renderer's worker does (JSON.parse + buildClientSchema + indexSchema). The server answers with the introspection
 * result prepared in advance, so its own execution time (graphql-js needs ~170 ms here) is not counted; the
 * baseline in the same run is the least any client does with that answer: JSON.parse + buildClientSchema in memory.
 * graphql_introspect_live_ms is the same against graphql-js executing the introspection query on every request.
 */
export async function benchGraphql(): Promise<Metrics> {
  const schema = generateSchema(TYPE_COUNT);
  const answerText = JSON.stringify({ data: introspectionFromSchema(schema) });
  const prepared = await startPreparedServer(answerText);
  const live = await startGraphqlServer({ schema, rootValue: {} });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'courier-bench-graphql-'));
  const courier = createCourier({ dataDir, mode: 'web', version: 'bench', openExternal: () => false });
  const specFor = (url: string) => httpRequestSpecSchema.parse({ method: 'POST', url, body: { kind: 'graphql', query: '' } });

  let typesIndexed = 0;
  const ours = (url: string) => async (): Promise<void> => {
    const answer = await courier.handlers['graphql.introspect']({ request: specFor(url), refresh: true });
    const index = indexSchema(schemaFromIntrospection(JSON.parse(answer.introspection)));
    typesIndexed = index.types.length;
  };
  const baseline = async (): Promise<void> => {
    buildClientSchema((JSON.parse(answerText) as { data: Parameters<typeof buildClientSchema>[0] }).data);
  };

  const samples = { ours: [] as number[], base: [] as number[], live: [] as number[], cached: [] as number[] };
  for (let i = 0; i < WARMUP; i++) {
    await ours(prepared.url)();
    await baseline();
    await ours(live.url)();
  }
  for (let i = 0; i < RUNS; i++) {
    samples.base.push(await timeOf(baseline));
    samples.ours.push(await timeOf(ours(prepared.url)));
    samples.live.push(await timeOf(ours(live.url)));
  }
  for (let i = 0; i < RUNS; i++) {
    samples.cached.push(await timeOf(() => courier.handlers['graphql.introspect']({ request: specFor(prepared.url), refresh: false })));
  }

  await courier.close();
  await prepared.close();
  await live.close();
  await rm(dataDir, { recursive: true, force: true });

  const value = median(samples.ours);
  const base = median(samples.base);
  return {
    graphql_introspect_ms: {
      value: round(value, 1),
      unit: 'ms',
      baseline: round(base, 1),
      ratio: round(value / base, 2),
      target: '≤ 300 ms',
      how: `schema of ${TYPE_COUNT} object types (${typesIndexed} indexed, answer ${Math.round(answerText.length / 1024)} KB) served prepared: graphql.introspect through createCourier (HTTP engine, cache bypassed) + JSON.parse + buildClientSchema + index, median of ${RUNS}; baseline: JSON.parse + buildClientSchema of the same answer in memory`,
    },
    graphql_introspect_live_ms: {
      value: round(median(samples.live), 1),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: 'informational',
      how: 'the same, against a graphql-js server executing the introspection query on each request (in the same process)',
    },
    graphql_introspect_cached_ms: {
      value: round(median(samples.cached), 2),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: 'informational',
      how: 'the same endpoint again: answered from the main-process cache (no build or index)',
    },
  };
}
