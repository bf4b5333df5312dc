import type { GraphqlCompletion, GraphqlDiagnostic } from '../../shared/graphql/language';
import type { SchemaIndex } from '../../shared/graphql';

/** Messages to the GraphQL worker; `schemaKey` is the introspection hash the schema was loaded under. */
export type GraphqlWorkerRequest =
  | { id: number; type: 'load'; schemaKey: string; introspection: string }
  | { id: number; type: 'complete'; schemaKey: string; query: string; line: number; column: number }
  | { id: number; type: 'diagnose'; schemaKey: string | null; query: string };

export type GraphqlWorkerReply =
  | { id: number; type: 'loaded'; index: SchemaIndex; buildMs: number }
  | { id: number; type: 'completions'; items: GraphqlCompletion[] }
  | { id: number; type: 'diagnostics'; items: GraphqlDiagnostic[] }
  | { id: number; type: 'error'; message: string };
