import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpRequestSpecSchema, type HttpRequestSpec, type HttpRequestSpecInput } from '../../../shared/contract';
import { createBodyStore } from '../body-store';
import { createHttpEngine } from '../http';
import type { SendForText } from './introspection';

/** The real HTTP engine and body store, as the composition root wires them, for this folder's tests. */
export async function createGraphqlTestEngine() {
  const spoolDir = await mkdtemp(join(tmpdir(), 'courier-graphql-'));
  const bodyStore = createBodyStore({ spoolDir });
  const engine = createHttpEngine({ bodyStore, userAgent: 'Courier/test' });
  let next = 0;
  const sendForText: SendForText = async (spec) => {
    const exchange = await engine.send(`t${++next}`, spec);
    const { bytes } = await bodyStore.read(exchange.body.id, 0, exchange.body.size);
    await bodyStore.release(exchange.body.id);
    return { status: exchange.response.status, statusText: exchange.response.statusText, contentType: exchange.body.contentType, text: bytes.toString('utf8') };
  };
  return {
    engine,
    sendForText,
    async dispose() {
      await engine.close();
      await bodyStore.close();
      await rm(spoolDir, { recursive: true, force: true });
    },
  };
}

export function graphqlSpec(
  url: string,
  body: { query: string; variables?: string; operationName?: string; method?: 'POST' | 'GET' },
  extra: Partial<HttpRequestSpecInput> = {},
): HttpRequestSpec {
  return httpRequestSpecSchema.parse({
    method: body.method ?? 'POST',
    url,
    body: { kind: 'graphql', ...body },
    ...extra,
  });
}
