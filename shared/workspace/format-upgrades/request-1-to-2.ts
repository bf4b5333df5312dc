import type { FileObject } from './step';

/**
 * Request files 1 → 2 ("Inherit from parent" and "No auth"). Version 1 had no "inherit": an HTTP
 * request whose auth was absent or "none" took its collection's or folder's auth. Version 2 says inherit by leaving
 * auth out and writes "none" only for No auth, so those files lose their auth key and keep their meaning.
 * WebSocket files (`"kind": "websocket"`) came later with their auth written as meant, so only the number changes.
 */
export function requestFormat1To2(file: FileObject): FileObject {
  const { auth, ...rest } = file;
  if (file.kind !== undefined) return { ...file, format: 2 };
  const kind = auth !== null && typeof auth === 'object' ? (auth as { kind?: unknown }).kind : undefined;
  return auth === undefined || kind === 'none' ? { ...rest, format: 2 } : { ...rest, auth, format: 2 };
}
