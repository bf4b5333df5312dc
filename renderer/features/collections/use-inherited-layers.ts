import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { AuthKind, ContainerSettings } from '../../../shared/contract';
import { inheritedAuth, inheritedLayers } from '../../../shared/workspace';
import type { VariableLayer } from '../../../shared/variables';
import { call } from '../../lib/bridge';
import { useWorkspaceTree, workspaceKeys } from './workspace-queries';

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

/** The settings of the collection and folders above a saved request, collection first; none for an unsaved one. */
export function useInheritanceChain(path: string | null): ContainerSettings[] {
  const tree = useWorkspaceTree();
  const parents = useMemo(() => new Map((tree.data?.nodes ?? []).map((node) => [node.path, node.parent])), [tree.data]);
  const chain = useMemo(() => ancestorsOf(path, parents), [path, parents]);
  const results = useQueries({
    queries: chain.map((container) => ({
      queryKey: [...workspaceKeys.tree, 'container', container, tree.dataUpdatedAt],
      queryFn: (): Promise<ContainerSettings> => call('workspace.readContainer', { path: container }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  return results.map((result) => result.data).filter((data): data is ContainerSettings => data !== undefined);
}
