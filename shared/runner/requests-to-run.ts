import type { WorkspaceNode } from '../contract';

export interface RunRequest {
  path: string;
  name: string;
  method: string;
  /** its collection and folders, "API / Users" */
  folder: string;
  websocket: boolean;
}

/**
 * The requests a run of these paths sends, in the tree's display order (the order the user sees and set): everything
 * under each collection or folder, plus requests given by path, each once. The runner plans with it, and the runner
 * dialog lists the same requests for the user to tick.
 */
export function requestsToRun(nodes: readonly WorkspaceNode[], paths: readonly string[]): RunRequest[] {
  const byPath = new Map(nodes.map((node) => [node.path, node]));
  const wanted = (node: WorkspaceNode): boolean => paths.some((path) => node.path === path || node.path.startsWith(`${path}/`));
  const folderOf = (node: WorkspaceNode): string => {
    const names: string[] = [];
    for (let parent = node.parent; parent !== null; parent = byPath.get(parent)?.parent ?? null) {
      names.unshift(byPath.get(parent)?.name ?? parent);
    }
    return names.join(' / ');
  };
  return nodes
    .filter((node) => node.kind === 'request' && wanted(node))
    .map((node) => ({ path: node.path, name: node.name, method: node.method ?? 'GET', folder: folderOf(node), websocket: node.protocol === 'websocket' }));
}
