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
export function useWsRequestOpener(): { request: WsOpenRequest | null; open: (path: string) => void } {
  const [request, setRequest] = useState<WsOpenRequest | null>(null);
  const open = useCallback((path: string) => setRequest((current) => ({ path, seq: (current?.seq ?? 0) + 1 })), []);
  return { request, open };
}
