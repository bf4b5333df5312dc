import type { WorkspaceNode } from '../../../shared/contract';
import { siblingsOf } from '../../../shared/workspace';

/** what a tree row's menu can do; the panel maps each to its handler */
export type TreeCommand =
  | 'new-request'
  | 'new-websocket'
  | 'run'
  | 'new-folder'
  | 'settings'
  | 'export-postman'
  | 'export-bruno'
  | 'export-openapi'
  | 'export-k6'
  | 'open'
  | 'rename'
  | 'duplicate'
  | 'move-up'
  | 'move-down'
  | 'move-to'
  | 'delete';

interface TreeMenuEntry {
  command: TreeCommand;
  label: string;
  disabled: boolean;
  danger?: boolean;
}

interface TreeMenuHost {
  /** the window can show WebSocket requests */
  webSocket: boolean;
  /** the window has the collection runner */
  runner: boolean;
}

/**
 * A row's menu as data: which entries, in which order, which are disabled. Pure, so the menu's rules (a broken file
 * can only be renamed away, moved or deleted; the first sibling cannot move up) are tested without rendering.
 */
export function treeMenuModel(node: WorkspaceNode, nodes: readonly WorkspaceNode[], host: TreeMenuHost): TreeMenuEntry[] {
  const siblings = siblingsOf(nodes, node);
  const index = siblings.findIndex((s) => s.path === node.path);
  const broken = !!node.error;
  const entries: TreeMenuEntry[] = [];
  if (node.kind !== 'request') {
    entries.push({ command: 'new-request', label: 'New request', disabled: broken });
    if (host.webSocket) entries.push({ command: 'new-websocket', label: 'New WebSocket request', disabled: broken });
    if (host.runner) entries.push({ command: 'run', label: 'Run…', disabled: broken });
    entries.push(
      { command: 'new-folder', label: 'New folder', disabled: broken },
      { command: 'settings', label: 'Settings…', disabled: broken },
      { command: 'export-postman', label: 'Export as Postman collection', disabled: false },
      { command: 'export-bruno', label: 'Export as Bruno collection…', disabled: false },
      { command: 'export-openapi', label: 'Export as OpenAPI 3.1', disabled: false },
      { command: 'export-k6', label: 'Export as k6 script', disabled: false },
    );
  } else {
    entries.push({ command: 'open', label: 'Open', disabled: broken });
  }
  entries.push(
    { command: 'rename', label: 'Rename', disabled: broken },
    { command: 'duplicate', label: 'Duplicate', disabled: broken },
    { command: 'move-up', label: 'Move up', disabled: index <= 0 },
    { command: 'move-down', label: 'Move down', disabled: index >= siblings.length - 1 },
    { command: 'move-to', label: 'Move to…', disabled: node.kind === 'collection' },
    { command: 'delete', label: 'Delete', disabled: false, danger: true },
  );
  return entries;
}
