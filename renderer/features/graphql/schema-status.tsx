import type { LoadedSchema } from './use-graphql-schema';

/** One line on what the editor checks against, announced politely when a schema arrives. */
export function SchemaStatus({ schema }: { schema: LoadedSchema | null }) {
  const time = schema ? new Date(schema.fetchedAt).toLocaleTimeString() : '';
  return (
    <span className="gql-faint gql-status" role="status">
      {schema
        ? `Schema: ${schema.index.types.length} types, ${schema.index.fieldCount} fields (${schema.cached ? 'cached, ' : ''}fetched ${time})`
        : 'No schema yet: fetch it for completion and checks'}
    </span>
  );
}
