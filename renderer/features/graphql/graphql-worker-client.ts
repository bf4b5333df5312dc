import type { SchemaIndex } from '../../../shared/graphql';
import type { GraphqlCompletion, GraphqlDiagnostic } from '../../../shared/graphql/language';
import type { GraphqlWorkerReply, GraphqlWorkerRequest } from '../../workers/graphql-protocol';

type Pending = (reply: GraphqlWorkerReply) => void;
type RequestBody = GraphqlWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** One worker for the window, started on first use (it carries graphql and its language service). */
function ask(body: RequestBody): Promise<GraphqlWorkerReply> {
  if (!worker) {
    worker = new Worker(new URL('../../workers/graphql-worker.ts', import.meta.url), { type: 'module', name: 'graphql-worker' });
    worker.onmessage = (event: MessageEvent<GraphqlWorkerReply>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data);
    };
  }
  const id = nextId++;
  const message = { ...body, id } as GraphqlWorkerRequest;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage(message);
  });
}

export async function loadSchema(schemaKey: string, introspection: string): Promise<{ index: SchemaIndex; buildMs: number }> {
  const reply = await ask({ type: 'load', schemaKey, introspection });
  if (reply.type === 'error') throw new Error(`The schema could not be read: ${reply.message}`);
  if (reply.type !== 'loaded') throw new Error('Unexpected answer from the GraphQL worker.');
  return { index: reply.index, buildMs: reply.buildMs };
}

export async function completeQuery(schemaKey: string, query: string, line: number, column: number): Promise<GraphqlCompletion[]> {
  const reply = await ask({ type: 'complete', schemaKey, query, line, column });
  return reply.type === 'completions' ? reply.items : [];
}

export async function diagnoseQuery(schemaKey: string | null, query: string): Promise<GraphqlDiagnostic[]> {
  const reply = await ask({ type: 'diagnose', schemaKey, query });
  return reply.type === 'diagnostics' ? reply.items : [];
}
