import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventPayload, WorkspaceTree } from '../../../shared/contract';
import { bridge, call } from '../../lib/bridge';

export const workspaceKeys = {
  tree: ['workspace', 'tree'] as const,
};

export const fetchWorkspaceTree = (): Promise<WorkspaceTree> => call('workspace.tree', {});

export function useWorkspaceTree() {
  return useQuery({
    queryKey: workspaceKeys.tree,
    queryFn: fetchWorkspaceTree,
    // The tree changes only when the service says so ('workspace.changed').
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Refetches the tree on every 'workspace.changed' and hands the event on (open tabs reload external edits). */
export function useWorkspaceEvents(onChange: (event: EventPayload<'workspace.changed'>) => void): void {
  const client = useQueryClient();
  useEffect(
    () =>
      bridge.subscribe('workspace.changed', (event) => {
        void client.invalidateQueries({ queryKey: workspaceKeys.tree });
        onChange(event);
      }),
    [client, onChange],
  );
}
