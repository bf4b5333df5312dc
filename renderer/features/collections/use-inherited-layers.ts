import { useCallback, useMemo } from 'react';
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AuthKind, ContainerSettings, WorkspaceTree } from '../../../shared/contract';
import { inheritedAuth, inheritedLayers } from '../../../shared/workspace';
import type { VariableLayer } from '../../../shared/variables';
import { call } from '../../lib/bridge';
import { fetchWorkspaceTree, useWorkspaceTree, workspaceKeys } from './workspace-queries';

/** The collection and folders above a request, collection first, from the tree's parent links. */
function ancestorsOf(path: string | null, parents: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  let parent = path === null ? null : (parents.get(path) ?? null);
  while (parent !== null) {
    chain.unshift(parent);
    parent = parents.get(parent) ?? null;
  }
  return chain;
}

/**
 * Variables a saved request inherits from its collection and folders, as resolver layers (nearest first), so the
 * builder can show {{names}} defined there as resolved. The main process resolves them the same way on send.
 */
export function useInheritedLayers(path: string | null): VariableLayer[] {
  const settings = useInheritanceChain(path);
  const key = JSON.stringify(settings);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => inheritedLayers(settings), [key]);
}

/** What "Inherit from parent" gives a request: the folder or collection that supplies auth, and its kind. */
interface InheritedAuthView {
  /** false for a request not saved in a collection: nothing to inherit from */
  saved: boolean;
  /** the name of the nearest folder or collection with auth; null when none has */
  source: string | null;
  kind: AuthKind | null;
}

export function useInheritedAuth(path: string | null): InheritedAuthView {
  const settings = useInheritanceChain(path);
  const found = inheritedAuth({ kind: 'inherit' }, settings);
  return { saved: path !== null, source: found.source, kind: found.source === null ? null : found.auth.kind };
}

// Keyed by the container alone: 'workspace.changed' invalidates the tree and, by prefix, these, which are then read
// again while the settings read before stay in place. (Keyed by the tree's update time, they started empty after every
// save until read again, and a request seemed for that moment to inherit nothing.)
const containerKey = (container: string) => [...workspaceKeys.tree, 'container', container] as const;
const readContainer = (container: string) => (): Promise<ContainerSettings> => call('workspace.readContainer', { path: container });

/** The settings of the collection and folders above a saved request, collection first; none for an unsaved one. */
function useInheritanceChain(path: string | null): ContainerSettings[] {
  const tree = useWorkspaceTree();
  const parents = useMemo(() => new Map((tree.data?.nodes ?? []).map((node) => [node.path, node.parent])), [tree.data]);
  const chain = useMemo(() => ancestorsOf(path, parents), [path, parents]);
  const results = useQueries({
    queries: chain.map((container) => ({
      queryKey: containerKey(container),
      queryFn: readContainer(container),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  return results.map((result) => result.data).filter((data): data is ContainerSettings => data !== undefined);
}

/**
 * The chain as the service has it now, for what is written once rather than shown (Export): what a render saw may
 * still be on its way, and a chain missing its collection would write the request without the auth it inherits.
 */
async function readInheritanceChain(client: QueryClient, path: string | null): Promise<ContainerSettings[]> {
  if (path === null) return [];
  const known = client.getQueryData<WorkspaceTree>(workspaceKeys.tree);
  // a request's folders are its path's: a tree that lists it already names them; one saved a moment ago may not yet
  const tree = known?.nodes.some((node) => node.path === path)
    ? known
    : await client.fetchQuery({ queryKey: workspaceKeys.tree, queryFn: fetchWorkspaceTree, staleTime: 0 });
  const chain = ancestorsOf(path, new Map(tree.nodes.map((node) => [node.path, node.parent])));
  // staleTime 0: read again from the files (joining a read already under way), not what the cache last held
  return Promise.all(chain.map((container) => client.fetchQuery({ queryKey: containerKey(container), queryFn: readContainer(container), staleTime: 0 })));
}

/** Reads the chain above a saved request from the service at the moment it is called (see readInheritanceChain). */
export function useReadInheritanceChain(): (path: string | null) => Promise<ContainerSettings[]> {
  const client = useQueryClient();
  return useCallback((path) => readInheritanceChain(client, path), [client]);
}
