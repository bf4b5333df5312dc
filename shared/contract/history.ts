import { z } from 'zod';
import { STATUS_CLASSES } from './values';
import { bridgeErrorSchema } from './errors';
import { httpExchangeSchema, httpRequestSpecSchema } from './http';

export { STATUS_CLASSES, HISTORY_PAGE_MAX } from './values';

export const statusClassSchema = z.enum(STATUS_CLASSES);
export type StatusClass = z.infer<typeof statusClassSchema>;

/** What narrows the history list; every field optional, all given fields must match. */
export const historyFilterSchema = z.object({
  /** full-text: URL, headers and bodies (request and response) */
  text: z.string().max(1000).optional(),
  methods: z.array(z.string().max(64)).max(50).optional(),
  statusClasses: z.array(statusClassSchema).max(6).optional(),
  /** host (case-insensitive): "127.0.0.1:8080" matches that port only, "localhost" matches it on every port */
  host: z.string().max(512).optional(),
  /** epoch ms, inclusive */
  from: z.number().int().nonnegative().optional(),
  /** epoch ms, inclusive */
  to: z.number().int().nonnegative().optional(),
  pinnedOnly: z.boolean().optional(),
  /** entries sent from this saved request (its workspace path), e.g. the latest one when the request is reopened */
  savedPath: z.string().max(4096).optional(),
});
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

/** One row of the history panel: enough to draw it, nothing heavy. */
export const historySummarySchema = z.object({
  id: z.number().int(),
  /** epoch ms when the request was sent */
  sentAt: z.number(),
  method: z.string(),
  /** the URL as sent (the first hop when the server redirected) */
  url: z.string(),
  host: z.string(),
  /** null when the exchange failed before a response */
  status: z.number().nullable(),
  statusText: z.string().nullable(),
  statusClass: statusClassSchema,
  /** total time in ms (null when failed before timing) */
  durationMs: z.number().nullable(),
  /** decoded response body bytes */
  responseBytes: z.number(),
  errorCode: z.string().nullable(),
  pinned: z.boolean(),
  /** the request's assertion counts; absent when it had none or was recorded before tests existed */
  tests: z.object({ passed: z.number().int(), failed: z.number().int() }).optional(),
  /** where the redirects ended (the final hop's URL); absent when there were none */
  redirectedTo: z.string().optional(),
  /** how many redirects were followed; absent when none */
  redirects: z.number().int().optional(),
});
export type HistorySummary = z.infer<typeof historySummarySchema>;

/** A full entry: the request as composed, and what happened (an exchange, or an error). */
export const historyEntrySchema = z.object({
  summary: historySummarySchema,
  /** the request as the user composed it (variables unresolved; secrets never stored in plain text) */
  composed: httpRequestSpecSchema,
  /** the exchange with its body readable through body.read (ids of the form "history:<hash>") */
  exchange: httpExchangeSchema.nullable(),
  error: bridgeErrorSchema.nullable(),
  /** request body as sent, readable through body.read, or null when empty */
  requestBodyId: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyRetentionSchema = z.object({
  maxEntries: z.number().int().min(10).max(10_000_000),
  maxBodyBytes: z
    .number()
    .int()
    .min(1024 * 1024)
    .max(1024 ** 4),
});
export type HistoryRetention = z.infer<typeof historyRetentionSchema>;
export const DEFAULT_HISTORY_RETENTION: HistoryRetention = { maxEntries: 100_000, maxBodyBytes: 2 * 1024 ** 3 };

export const historyUsageSchema = z.object({
  entries: z.number(),
  pinned: z.number(),
  /** stored (compressed) body bytes on disk */
  bodyBytes: z.number(),
  retention: historyRetentionSchema,
});
export type HistoryUsage = z.infer<typeof historyUsageSchema>;

/** Which entries an export or a bulk delete applies to: explicit ids, or everything a filter matches. */
export const historySelectionSchema = z.union([z.object({ ids: z.array(z.number().int()).min(1).max(100_000) }), z.object({ filter: historyFilterSchema })]);
export type HistorySelection = z.infer<typeof historySelectionSchema>;
