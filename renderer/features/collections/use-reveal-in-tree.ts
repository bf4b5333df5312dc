import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RequestTabs } from './use-request-tabs';
import { fetchWorkspaceTree, workspaceKeys } from './workspace-queries';

/** A row the tree should expand to, focus and scroll into view; `seq` tells two asks for the same row apart. */
export interface TreeReveal {
  path: string;
  seq: number;
}

/**
 * After collections or requests arrive from outside the tree (an import): refetch the tree now rather than wait for
 * the 'workspace.changed' event, open the first new request, or the first request of the first new collection, in a
 * tab (it then shows selected) and ask the tree to reveal it.
 */
export function useRevealInTree(tabs: Pick<RequestTabs, 'openSaved'>) {
  const client = useQueryClient();
  const [reveal, setReveal] = useState<TreeReveal | null>(null);
  const { openSaved } = tabs;
  const showCollections = useCallback(
    async (paths: readonly string[]) => {
      const first = paths[0];
      if (first === undefined) return;
      const tree = await client.fetchQuery({ queryKey: workspaceKeys.tree, queryFn: fetchWorkspaceTree, staleTime: 0 });
      const request = tree.nodes.find((node) => node.kind === 'request' && !node.error && (node.path === first || node.path.startsWith(`${first}/`)));
      if (request) await openSaved(request.path).catch(() => undefined);
      setReveal((current) => ({ path: request?.path ?? first, seq: (current?.seq ?? 0) + 1 }));
    },
    [client, openSaved],
  );
  return { reveal, showCollections };
}
