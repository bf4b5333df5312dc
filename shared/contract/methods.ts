import { z } from 'zod';
import { BODY_READ_MAX_BYTES, httpExchangeSchema, httpProgressSchema, httpRequestSpecSchema } from './http';
import {
  HISTORY_PAGE_MAX,
  historyEntrySchema,
  historyFilterSchema,
  historyRetentionSchema,
  historySelectionSchema,
  historySummarySchema,
  historyUsageSchema,
} from './history';

const requestIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/);

/**
 * Every method the renderer may call on the main process. The hosts register exactly these, validate each input
 * against its schema before a service sees it, and answer with a Result (see errors.ts).
 */
export const methods = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      name: z.string(),
      version: z.string(),
      mode: z.enum(['electron', 'web']),
      platform: z.string(),
      dataDir: z.string(),
      /** things the user should be told once (e.g. a damaged history database was moved aside); absent when none */
      notices: z.array(z.string()).optional(),
    }),
  },
  'http.send': {
    input: z.object({ requestId: requestIdSchema, request: httpRequestSpecSchema }),
    output: httpExchangeSchema,
  },
  'http.cancel': {
    input: z.object({ requestId: requestIdSchema }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'body.read': {
    input: z.object({
      bodyId: z.string().min(1).max(128),
      offset: z.number().int().min(0),
      length: z.number().int().min(0).max(BODY_READ_MAX_BYTES),
    }),
    output: z.object({
      offset: z.number(),
      /** base64 of the bytes read; shorter than asked at the end of the body */
      dataBase64: z.string(),
      total: z.number(),
    }),
  },
  'body.release': {
    input: z.object({ bodyId: z.string().min(1).max(128) }),
    output: z.object({ released: z.boolean() }),
  },
  'shell.openExternal': {
    input: z.object({ url: z.string().max(8192) }),
    output: z.object({ opened: z.boolean() }),
  },
  /** A page of the history list, newest first; offset paging so a virtualized list can jump anywhere. */
  'history.list': {
    input: z.object({
      filter: historyFilterSchema.default({}),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).default(100),
    }),
    output: z.object({
      /** matching entries; for a text search possibly a lower bound, see totalCapped */
      total: z.number(),
      /** true when counting stopped at `total` and more entries match; a request further on counts further */
      totalCapped: z.boolean(),
      offset: z.number(),
      entries: z.array(historySummarySchema),
    }),
  },
  'history.get': {
    input: z.object({ id: z.number().int() }),
    output: historyEntrySchema,
  },
  'history.delete': {
    input: historySelectionSchema,
    output: z.object({ deleted: z.number() }),
  },
  'history.clear': {
    input: z.object({ confirm: z.literal(true) }),
    output: z.object({ deleted: z.number() }),
  },
  'history.pin': {
    input: z.object({ id: z.number().int(), pinned: z.boolean() }),
    output: historySummarySchema,
  },
  'history.usage': {
    input: z.object({}),
    output: historyUsageSchema,
  },
  'history.setRetention': {
    input: historyRetentionSchema,
    output: historyUsageSchema,
  },
  /** HAR 1.2 text of the selected entries (secrets masked); the renderer saves it as a file. */
  'history.exportHar': {
    input: historySelectionSchema,
    output: z.object({ har: z.string(), entries: z.number() }),
  },
  /** All or nothing: a malformed file imports no entry and the error names what is wrong. */
  'history.importHar': {
    input: z.object({ text: z.string().max(512 * 1024 * 1024) }),
    output: z.object({ imported: z.number() }),
  },
} as const;

/** Every event stream the renderer may subscribe to. */
export const events = {
  'http.progress': httpProgressSchema,
  /** a new entry was written (sent request or import); the renderer updates its cached lists */
  'history.changed': z.object({ reason: z.enum(['added', 'deleted', 'pinned', 'cleared', 'imported', 'retention']), summary: historySummarySchema.nullable() }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.infer<Methods[M]['input']>;
/** What a caller may pass (defaults not yet applied). */
export type MethodInputArg<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(methods, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}
