import { useDeferredValue, useMemo, useState } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import { listOperations, parseGraphqlVariables } from '../../../shared/graphql';
import type { GraphqlDraft } from '../../../shared/request';
import { Button, InlineMessage } from '../../ui';
import { CodeEditor } from '../../ui/monaco';
import { EnvPermissionNotice } from '../env-permission';
import { SchemaExplorer } from './schema-explorer';
import { SchemaStatus } from './schema-status';
import { TransportPicker } from './transport-picker';
import { useGraphqlSchema } from './use-graphql-schema';
import styles from './graphql.module.css';

export interface GraphqlBodyPanelProps {
  value: GraphqlDraft;
  onChange: (value: GraphqlDraft) => void;
  /** the request as it would be sent now: introspection uses its URL, headers, TLS settings and auth */
  getRequest: () => HttpRequestSpec;
  /** the saved request's file: its collection's and folders' headers, auth and variables apply to the schema fetch */
  workspacePath?: string | null;
}

function variablesProblem(text: string): string | null {
  try {
    parseGraphqlVariables(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The GraphQL body: query (with schema completion and checks), variables, operation name, POST or GET. */
export function GraphqlBodyPanel({ value, onChange, getRequest, workspacePath = null }: GraphqlBodyPanelProps) {
  // Keyed by the URL as typed: a schema belongs to the endpoint it came from.
  const { schema, assist, loading, error, failure, retry, fetch } = useGraphqlSchema(getRequest().url, workspacePath);
  const [explorerOpen, setExplorerOpen] = useState(true);
  const [insertion, setInsertion] = useState<{ id: number; text: string } | null>(null);
  const settledQuery = useDeferredValue(value.query);
  const settledVariables = useDeferredValue(value.variables);
  const operations = useMemo(() => listOperations(settledQuery).filter((op) => op.name !== null), [settledQuery]);
  const problem = useMemo(() => variablesProblem(settledVariables), [settledVariables]);
  const update = (patch: Partial<GraphqlDraft>) => onChange({ ...value, ...patch });

  return (
    <div className={styles.gql}>
      <div className={styles.bar}>
        <TransportPicker method={value.method} onChange={(method) => update({ method })} />
        <label className={styles.operation}>
          <span>Operation</span>
          <input
            className={styles.input}
            list="gql-operations"
            aria-label="Operation name"
            placeholder={operations.length > 1 ? 'required: several operations' : 'optional'}
            value={value.operationName}
            onChange={(event) => update({ operationName: event.target.value })}
          />
          <datalist id="gql-operations">
            {operations.map((op) => (
              <option key={op.name} value={op.name!}>
                {op.type}
              </option>
            ))}
          </datalist>
        </label>
        <Button disabled={loading} onClick={() => fetch(getRequest(), schema !== null)}>
          {loading ? 'Fetching schema…' : schema ? 'Refresh schema' : 'Fetch schema'}
        </Button>
        {schema ? (
          <Button aria-pressed={explorerOpen} onClick={() => setExplorerOpen((open) => !open)}>
            Schema explorer
          </Button>
        ) : null}
        <SchemaStatus schema={schema} />
      </div>
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      <EnvPermissionNotice error={failure} subject="Fetching this schema" allowLabel="Allow and fetch" onAllowed={retry} />
      <div className={styles.main}>
        <div className={styles.editors}>
          <div className={`${styles.editor} ${styles.editorQuery}`}>
            <CodeEditor
              value={value.query}
              language="graphql"
              ariaLabel="GraphQL query"
              onChange={(query) => update({ query })}
              assist={assist}
              insertion={insertion}
            />
          </div>
          <span className={styles.label} id="gql-variables-label">
            Variables (JSON)
          </span>
          <div className={`${styles.editor} ${styles.editorVariables}`}>
            <CodeEditor value={value.variables} language="json" ariaLabel="GraphQL variables (JSON)" onChange={(variables) => update({ variables })} />
          </div>
          {problem ? <InlineMessage tone="warning">{problem} Fix it to send.</InlineMessage> : null}
        </div>
        {schema && explorerOpen ? (
          <SchemaExplorer key={schema.key} index={schema.index} onInsert={(text) => setInsertion((last) => ({ id: (last?.id ?? 0) + 1, text: ` ${text}` }))} />
        ) : null}
      </div>
    </div>
  );
}
