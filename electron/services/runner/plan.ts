import { type WorkspaceNode } from '../../../shared/contract';
import { requestsToRun, type RunRequest } from '../../../shared/runner';
import { RunInputError } from './types';

export type PlannedRequest = RunRequest;

/** The requests a run sends (shared/runner's requestsToRun); a path that is not in the tree is an input error. */
export function planRun(nodes: readonly WorkspaceNode[], paths: readonly string[]): PlannedRequest[] {
  const known = new Set(nodes.map((node) => node.path));
  for (const path of paths) {
    if (!known.has(path)) throw new RunInputError(`Nothing named "${path}" in this workspace.`);
  }
  return requestsToRun(nodes, paths);
}
