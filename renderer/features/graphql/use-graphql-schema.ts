import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import type { SchemaIndex } from '../../../shared/graphql';
import { BridgeCallError, call } from '../../lib/bridge';
import type { CodeEditorAssist } from '../../ui/monaco';
import { completeQuery, diagnoseQuery, loadSchema } from './graphql-worker-client';

export interface LoadedSchema {
  /** the introspection hash: the worker keeps the schema under it */
  key: string;
  url: string;
  index: SchemaIndex;
  fetchedAt: number;
  cached: boolean;
}

// The body panel unmounts whenever another request tab is shown; the schema fetched for a URL outlives it, with the
// introspection text so the worker can be handed it again if it has let that schema go.
const MAX_REMEMBERED = 4;
const remembered = new Map<string, { schema: LoadedSchema; introspection: string }>();

function remember(url: string, schema: LoadedSchema, introspection: string): void {
  remembered.delete(url);
  remembered.set(url, { schema, introspection });
  while (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

/**
 * The endpoint's schema on demand: introspection in the main process (cached there per endpoint and headers), then
 * the schema is built and indexed in the GraphQL worker. The query editor's completion and markers follow it.
 */
export function useGraphqlSchema(url: string, workspacePath: string | null = null) {
  const mutation = useMutation({
    mutationKey: ['graphql.introspect'],
    mutationFn: async ({ request, refresh }: { request: HttpRequestSpec; refresh: boolean }): Promise<LoadedSchema> => {
      const answer = await call('graphql.introspect', { request, refresh, ...(workspacePath ? { workspacePath } : {}) });
      const { index } = await loadSchema(answer.hash, answer.introspection);
      const schema = { key: answer.hash, url: request.url, index, fetchedAt: answer.fetchedAt, cached: answer.cached };
      remember(request.url, schema, answer.introspection);
      return schema;
    },
  });
  const [restored, setRestored] = useState<LoadedSchema | null>(null);
  useEffect(() => {
    const entry = remembered.get(url);
    if (!entry) return;
    let live = true;
    // The worker answers at once when it still has this schema.
    void loadSchema(entry.schema.key, entry.introspection).then(
      () => live && setRestored(entry.schema),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [url]);

  const fresh = mutation.data && mutation.data.url === url ? mutation.data : null;
  const schema = fresh ?? (restored && restored.url === url ? restored : null);
  const key = schema?.key ?? null;
  // Syntax errors are marked even before a schema is loaded; with one, fields and types are checked too.
  const assist = useMemo<CodeEditorAssist>(
    () => ({
      complete: (text, line, column) => (key ? completeQuery(key, text, line, column) : Promise.resolve([])),
      diagnose: (text) => diagnoseQuery(key, text),
    }),
    [key],
  );
  return {
    schema,
    assist,
    loading: mutation.isPending,
    error: mutation.error ? mutation.error.message : null,
    /** the bridge error behind `error` (its code and detail), e.g. ENV_NOT_ALLOWED to offer Allow */
    failure: mutation.error instanceof BridgeCallError ? mutation.error.error : null,
    /** fetches again as last asked (after the user allowed the environment variables it wanted) */
    retry: () => {
      if (mutation.variables) mutation.mutate(mutation.variables);
    },
    fetch: (request: HttpRequestSpec, refresh: boolean) => mutation.mutate({ request, refresh }),
  };
}
