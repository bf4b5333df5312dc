import { useCallback, useState } from 'react';

/** A WebSocket request file asked to be opened (from the collections tree); seq tells two asks for one file apart. */
export interface WsOpenRequest {
  path: string;
  seq: number;
}

/**
 * Carries "open this WebSocket request file" from the tree to the WebSocket view, which may not be mounted yet (it
 * loads on first use): the ask waits in the window's state until the view reads it.
 */
export function useWsRequestOpener(): {
  request: WsOpenRequest | null;
  open: (path: string) => void;
  /** the last rename or move in the tree, which open WebSocket requests follow */
  move: WsMove | null;
  moved: (from: string, to: string, name?: string) => void;
} {
  const [request, setRequest] = useState<WsOpenRequest | null>(null);
  const open = useCallback((path: string) => setRequest((current) => ({ path, seq: (current?.seq ?? 0) + 1 })), []);
  const [move, setMove] = useState<WsMove | null>(null);
  const moved = useCallback((from: string, to: string, name?: string) => setMove((current) => ({ from, to, name, seq: (current?.seq ?? 0) + 1 })), []);
  return { request, open, move, moved };
}

/** An item renamed or moved in the tree (a WebSocket request, or a folder holding some). */
export interface WsMove {
  from: string;
  to: string;
  /** the new display name, when the item itself was renamed */
  name?: string;
  seq: number;
}
