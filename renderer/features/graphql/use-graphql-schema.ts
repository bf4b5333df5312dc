import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import type { SchemaIndex } from '../../../shared/graphql';
import { call } from '../../lib/bridge';
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

/**
 * The endpoint's schema on demand: introspection in the main process (cached there per endpoint and headers), then
 * the schema is built and indexed in the GraphQL worker. The query editor's completion and markers follow it.
 */
export function useGraphqlSchema() {
  const mutation = useMutation({
    mutationKey: ['graphql.introspect'],
    mutationFn: async ({ request, refresh }: { request: HttpRequestSpec; refresh: boolean }): Promise<LoadedSchema> => {
      const answer = await call('graphql.introspect', { request, refresh });
      const { index } = await loadSchema(answer.hash, answer.introspection);
      return { key: answer.hash, url: request.url, index, fetchedAt: answer.fetchedAt, cached: answer.cached };
    },
  });
  const schema = mutation.data ?? null;
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
    fetch: (request: HttpRequestSpec, refresh: boolean) => mutation.mutate({ request, refresh }),
  };
}
