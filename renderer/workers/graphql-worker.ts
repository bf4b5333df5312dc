/// <reference lib="webworker" />
import type { GraphQLSchema } from 'graphql';
import { indexSchema, schemaFromIntrospection } from '../../shared/graphql';
import { completeAt, diagnose } from '../../shared/graphql/language';
import type { GraphqlWorkerReply, GraphqlWorkerRequest } from './graphql-protocol';

/**
 * Builds schemas from introspection results and answers completion and validation against them, off the main
 * thread: building and indexing a schema of thousands of types, and validating on each pause in typing, would
 * otherwise be long tasks in the window.
 */
declare const self: DedicatedWorkerGlobalScope;

// A few endpoints' schemas; the oldest goes first.
const MAX_SCHEMAS = 4;
const schemas = new Map<string, GraphQLSchema>();

function schemaFor(key: string | null): GraphQLSchema | null {
  return key === null ? null : (schemas.get(key) ?? null);
}

function handle(request: GraphqlWorkerRequest): GraphqlWorkerReply {
  switch (request.type) {
    case 'load': {
      const started = performance.now();
      const schema = schemas.get(request.schemaKey) ?? schemaFromIntrospection(JSON.parse(request.introspection));
      schemas.delete(request.schemaKey);
      schemas.set(request.schemaKey, schema);
      while (schemas.size > MAX_SCHEMAS) schemas.delete(schemas.keys().next().value!);
      const index = indexSchema(schema);
      return { id: request.id, type: 'loaded', index, buildMs: performance.now() - started };
    }
    case 'complete': {
      const schema = schemaFor(request.schemaKey);
      return { id: request.id, type: 'completions', items: schema ? completeAt(schema, request.query, request.line, request.column) : [] };
    }
    case 'diagnose':
      return { id: request.id, type: 'diagnostics', items: diagnose(schemaFor(request.schemaKey), request.query) };
  }
}

self.onmessage = (event: MessageEvent<GraphqlWorkerRequest>) => {
  let reply: GraphqlWorkerReply;
  try {
    reply = handle(event.data);
  } catch (error) {
    reply = { id: event.data.id, type: 'error', message: (error as Error).message };
  }
  self.postMessage(reply);
};
