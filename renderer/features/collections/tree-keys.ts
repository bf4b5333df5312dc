import type { WorkspaceNode } from '../../../shared/contract';

/** what a key on a tree row asks for */
type TreeKeyCommand =
  | { kind: 'focus'; index: number }
  | { kind: 'toggle' }
  | { kind: 'open' }
  | { kind: 'rename' }
  | { kind: 'delete' }
  | { kind: 'menu' }
  | { kind: 'shift'; by: -1 | 1 };

interface TreeKey {
  key: string;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The tree's keys (WAI-ARIA tree view pattern): arrows move and open/close, Home/End, Enter opens or toggles, F2
 * renames, Delete deletes, Alt+↑/↓ reorders, Shift+F10 or the menu key opens the row's menu. Null: not a tree key,
 * the event goes on its way.
 */
export function treeKeyCommand(
  event: TreeKey,
  node: WorkspaceNode,
  index: number,
  rows: readonly WorkspaceNode[],
  collapsed: ReadonlySet<string>,
): TreeKeyCommand | null {
  const container = node.kind !== 'request';
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return { kind: 'shift', by: event.key === 'ArrowUp' ? -1 : 1 };
  switch (event.key) {
    case 'ArrowDown':
      return { kind: 'focus', index: index + 1 };
    case 'ArrowUp':
      return { kind: 'focus', index: index - 1 };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (!container) return null;
      return collapsed.has(node.path) ? { kind: 'toggle' } : { kind: 'focus', index: index + 1 };
    case 'ArrowLeft':
      if (container && !collapsed.has(node.path)) return { kind: 'toggle' };
      return { kind: 'focus', index: rows.findIndex((row) => row.path === node.parent) };
    case 'Enter':
      return container ? { kind: 'toggle' } : { kind: 'open' };
    case 'F2':
      return { kind: 'rename' };
    case 'Delete':
      return { kind: 'delete' };
    case 'ContextMenu':
      return { kind: 'menu' };
    case 'F10':
      return event.shiftKey ? { kind: 'menu' } : null;
    default:
      return null;
  }
}
