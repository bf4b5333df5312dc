import { z } from 'zod';
import { wsRequestSpecSchema } from './websocket';

/**
 * WebSocket requests saved in a collection (issue 10 §6): the connection as composed and the messages saved for it,
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
