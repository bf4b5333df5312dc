import { type WorkspaceNode } from '../../../shared/contract';
import { RunInputError } from './types';

export interface PlannedRequest {
  path: string;
  name: string;
  method: string;
  folder: string;
  websocket: boolean;
}

/**
 * The requests a run sends, in the tree's display order (the order the user sees and set): everything under each
 * collection or folder asked for, plus requests asked for by path, each once.
 */
export function planRun(nodes: readonly WorkspaceNode[], paths: readonly string[]): PlannedRequest[] {
  const byPath = new Map(nodes.map((node) => [node.path, node]));
  for (const path of paths) {
    if (!byPath.has(path)) throw new RunInputError(`Nothing named "${path}" in this workspace.`);
  }
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
