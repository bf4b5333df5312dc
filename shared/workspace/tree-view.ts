import type { WorkspaceNode } from '../contract/workspace';

/** The rows on screen: every node whose ancestors are all expanded. One pass, so 10,000 rows cost nothing. */
export function visibleNodes(nodes: readonly WorkspaceNode[], collapsed: ReadonlySet<string>): WorkspaceNode[] {
  const out: WorkspaceNode[] = [];
  let hideBelow = Number.POSITIVE_INFINITY;
  for (const node of nodes) {
    if (node.depth > hideBelow) continue;
    hideBelow = Number.POSITIVE_INFINITY;
    out.push(node);
    if (node.kind !== 'request' && collapsed.has(node.path)) hideBelow = node.depth;
  }
  return out;
}

/** Collections and folders, for "Save to…" and "Move to…" pickers: label indented by depth. */
export function containerChoices(nodes: readonly WorkspaceNode[]): { path: string; label: string }[] {
  return nodes
    .filter((node) => node.kind !== 'request' && node.error === undefined)
    .map((node) => ({ path: node.path, label: `${'\u00a0\u00a0'.repeat(node.depth)}${node.name}` }));
}

/** Siblings of a node in display order (for Move up / Move down). */
export function siblingsOf(nodes: readonly WorkspaceNode[], node: WorkspaceNode): WorkspaceNode[] {
  return nodes.filter((other) => other.parent === node.parent && other.depth === node.depth);
}
