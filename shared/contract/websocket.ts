import { z } from 'zod';
import { STREAM_BATCH_MAX_EVENTS, WS_DEFAULT_SETTINGS, WS_STATES } from './values';
import { requestAuthSchema } from './auth';
import { bridgeErrorSchema } from './errors';
import { headerListSchema, keyValueSchema } from './http';

export { STREAM_BATCH_MAX_EVENTS, WS_DEFAULT_SETTINGS, WS_STATES } from './values';

/**
 * WebSocket sessions: the main process holds the socket (on the `ws` package), the renderer sees a batched stream
 * of log entries and lifecycle events per session. Binary payloads travel as base64.
 */
export const wsSessionIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const wsSettingsSchema = z.object({
  connectTimeoutMs: z.number().int().min(0).max(600_000).default(WS_DEFAULT_SETTINGS.connectTimeoutMs),
  verifyTls: z.boolean().default(WS_DEFAULT_SETTINGS.verifyTls),
  maxMessageBytes: z
    .number()
    .int()
    .min(1)
    .max(1024 ** 3)
    .default(WS_DEFAULT_SETTINGS.maxMessageBytes),
  autoReconnect: z.boolean().default(WS_DEFAULT_SETTINGS.autoReconnect),
  reconnectMaxAttempts: z.number().int().min(0).max(1000).default(WS_DEFAULT_SETTINGS.reconnectMaxAttempts),
  reconnectInitialDelayMs: z.number().int().min(0).max(600_000).default(WS_DEFAULT_SETTINGS.reconnectInitialDelayMs),
  reconnectMaxDelayMs: z.number().int().min(0).max(3_600_000).default(WS_DEFAULT_SETTINGS.reconnectMaxDelayMs),
  logCap: z.number().int().min(10).max(1_000_000).default(WS_DEFAULT_SETTINGS.logCap),
});
export type WsSettings = z.infer<typeof wsSettingsSchema>;

/** A WebSocket request as composed: the same params, headers, auth and variables as an HTTP request. */
export const wsRequestSpecSchema = z.object({
  /** ws:// or wss:// (http(s):// is accepted and mapped) */
  url: z.string().max(64 * 1024),
  params: z.array(keyValueSchema).default([]),
  headers: z.array(keyValueSchema).default([]),
  subprotocols: z.array(z.string().min(1).max(256)).max(32).default([]),
  settings: wsSettingsSchema.default(() => wsSettingsSchema.parse({})),
  auth: requestAuthSchema.default({ kind: 'none' }),
  variables: z.array(keyValueSchema).default([]),
});
export type WsRequestSpec = z.infer<typeof wsRequestSpecSchema>;
export type WsRequestSpecInput = z.input<typeof wsRequestSpecSchema>;

const WS_MESSAGE_KINDS = ['text', 'binary', 'ping', 'pong', 'close'] as const;

/** One entry of the message log. */
export const wsMessageSchema = z.object({
  /** per session, increasing; the renderer's key */
  seq: z.number().int(),
  direction: z.enum(['sent', 'received']),
  /** epoch ms */
  at: z.number(),
  kind: z.enum(WS_MESSAGE_KINDS),
  /** 1 text, 2 binary, 8 close, 9 ping, 10 pong */
  opcode: z.number().int(),
  /** payload bytes */
  size: z.number().int(),
  /** text frames: the text; close frames: the reason; others: absent */
  text: z.string().optional(),
  /** close frames: the status code */
  closeCode: z.number().int().optional(),
  /** binary, ping and pong payloads: base64 */
  dataBase64: z.string().optional(),
});
export type WsMessage = z.infer<typeof wsMessageSchema>;

export const wsHandshakeSchema = z.object({
  url: z.string(),
  status: z.number(),
  statusText: z.string(),
  headers: headerListSchema,
  /** the subprotocol the server chose, '' when none */
  protocol: z.string(),
  extensions: z.string(),
});
export type WsHandshake = z.infer<typeof wsHandshakeSchema>;

export type WsState = (typeof WS_STATES)[number];

/** What happened to a session, in order; messages and lifecycle interleaved as they occurred. */
export const wsEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), message: wsMessageSchema }),
  z.object({
    type: z.literal('state'),
    at: z.number(),
    state: z.enum(WS_STATES),
    /** reconnecting: which attempt comes next and after how long */
    attempt: z.number().int().optional(),
    delayMs: z.number().int().optional(),
  }),
  z.object({ type: z.literal('handshake'), at: z.number(), handshake: wsHandshakeSchema }),
  /** the server answered the upgrade with an ordinary HTTP response */
  z.object({
    type: z.literal('rejected'),
    at: z.number(),
    status: z.number(),
    statusText: z.string(),
    headers: headerListSchema,
    /** the first bytes of the body, as text */
    bodyExcerpt: z.string(),
  }),
  z.object({ type: z.literal('closed'), at: z.number(), code: z.number().int(), reason: z.string(), byClient: z.boolean() }),
  z.object({ type: z.literal('error'), at: z.number(), error: bridgeErrorSchema }),
]);
export type WsEvent = z.infer<typeof wsEventSchema>;

/** Events for one session, batched so that a busy socket costs tens of bridge messages a second, not thousands. */
export const wsEventBatchSchema = z.object({ sessionId: z.string(), events: z.array(wsEventSchema).max(STREAM_BATCH_MAX_EVENTS) });
export type WsEventBatch = z.infer<typeof wsEventBatchSchema>;

export const wsSendInputSchema = z.object({
  sessionId: wsSessionIdSchema,
  kind: z.enum(['text', 'json', 'binary']),
  /** text and json: the text; binary: base64 of the bytes */
  data: z.string().max(256 * 1024 * 1024),
});

/** Close codes an application may send (RFC 6455 §7.4): 1000, or 3000–4999. */
export const wsCloseCodeSchema = z.union([z.literal(1000), z.number().int().min(3000).max(4999)]);
