import { useRef, useState, type DragEvent } from 'react';
import type { WorkspaceNode } from '../../../shared/contract';
import { siblingsOf } from '../../../shared/workspace';

/** where a dropped item goes: under `parent` at `index` */
interface DropPlace {
  parent: string | null;
  index: number;
}

/** may `from` be dropped on `onto`? Not on itself, not inside itself */
export function canDrop(from: WorkspaceNode, onto: WorkspaceNode): boolean {
  return from.path !== onto.path && !onto.path.startsWith(`${from.path}/`);
}

/**
 * Onto a request: take its place. Onto a folder: go inside, last. A collection onto a collection: reorder.
 */
export function dropPlace(from: WorkspaceNode, onto: WorkspaceNode, nodes: readonly WorkspaceNode[]): DropPlace | null {
  if (!canDrop(from, onto)) return null;
  if (onto.kind === 'request' || (from.kind === 'collection' && onto.kind === 'collection')) {
    return { parent: onto.parent, index: siblingsOf(nodes, onto).findIndex((s) => s.path === onto.path) };
  }
  return { parent: onto.path, index: Number.MAX_SAFE_INTEGER };
}

/** Drag and drop to move and reorder tree rows: the row under the pointer is marked as the drop target. */
export function useTreeDrag(nodes: readonly WorkspaceNode[], move: (from: WorkspaceNode, place: DropPlace) => void) {
  const [dropPath, setDropPath] = useState<string | null>(null);
  const dragging = useRef<WorkspaceNode | null>(null);
  const handlers = (node: WorkspaceNode) => ({
    onDragStart: (event: DragEvent) => {
      dragging.current = node;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', node.path);
    },
    onDragOver: (event: DragEvent) => {
      const from = dragging.current;
      if (!from || !canDrop(from, node)) return;
      event.preventDefault();
      setDropPath(node.path);
    },
    onDragLeave: () => setDropPath((current) => (current === node.path ? null : current)),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDropPath(null);
      const from = dragging.current;
      dragging.current = null;
      const place = from ? dropPlace(from, node, nodes) : null;
      if (from && place) move(from, place);
    },
  });
  return { dropPath, handlers };
}
