import type { LoadedSchema } from './use-graphql-schema';
import styles from './graphql.module.css';

/** One line on what the editor checks against, announced politely when a schema arrives. */
export function SchemaStatus({ schema }: { schema: LoadedSchema | null }) {
  const time = schema ? new Date(schema.fetchedAt).toLocaleTimeString() : '';
  return (
    <span className={`${styles.faint} ${styles.status}`} role="status">
      {schema
        ? `Schema: ${schema.index.types.length} types, ${schema.index.fieldCount} fields (${schema.cached ? 'cached, ' : ''}fetched ${time})`
        : 'No schema yet: fetch it for completion and checks'}
    </span>
  );
}
