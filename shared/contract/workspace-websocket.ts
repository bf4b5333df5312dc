import { z } from 'zod';
import { wsRequestSpecSchema } from './websocket';

/**
 * WebSocket requests saved in a collection: the connection as composed and the messages saved for it,
 * in one request file with `"kind": "websocket"`, so they travel with the collection (git) instead of the browser's
 * storage, whose origin changes with every web-mode launch.
 */
export const wsSavedMessageSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['text', 'json', 'binary']),
  /** text and json: the text; binary: hex as typed */
  body: z.string().max(1024 * 1024),
});
export type WsSavedMessage = z.infer<typeof wsSavedMessageSchema>;

export const savedWebSocketSchema = z.object({
  path: z.string(),
  name: z.string(),
  request: wsRequestSpecSchema,
  messages: z.array(wsSavedMessageSchema).max(1000),
});
export type SavedWebSocket = z.infer<typeof savedWebSocketSchema>;

/**
 * Open WebSocket tabs as they were, for a reload or a restart; credentials typed into the Auth tab are
 * masked as in the HTTP session. The tab id is the service's session id, so a reloaded window can re-attach to a
 * connection that is still open.
 */
export const wsSessionTabSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
  /** the WebSocket request file the tab edits; null when never saved */
  path: z.string().max(4096).nullable(),
  name: z.string().max(200),
  request: wsRequestSpecSchema,
  /** the message being typed */
  draft: z.object({ kind: z.enum(['text', 'json', 'binary']), text: z.string().max(1024 * 1024), hex: z.string().max(1024 * 1024) }),
  /** connected (or connecting) when written: a reload that finds it gone says so instead of staying silent */
  connected: z.boolean(),
});
export type WsSessionTab = z.infer<typeof wsSessionTabSchema>;

export const wsWorkspaceSessionSchema = z.object({
  tabs: z.array(wsSessionTabSchema).max(100),
  activeId: z.string().nullable(),
});
export type WsWorkspaceSession = z.infer<typeof wsWorkspaceSessionSchema>;
