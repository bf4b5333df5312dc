import { z } from 'zod';
import { REQUEST_OUTCOMES, type RUN_REPORT_FORMATS } from './values';
import { scriptConsoleLineSchema } from './scripts';
import { testResultSchema } from './testing';
import { workspacePathSchema } from './workspace';

export { RATE_LIMITED_ERROR_CODE, RUN_REPORT_FORMATS } from './values';

/**
 * The in-app collection runner. The engine (electron/services/runner) and the result types
 * (shared/runner) came first for the CLI; these schemas are their bridge form, so what a window receives is checked
 * like every other payload. runner-handlers.ts assigns the engine's RunResult to these types, so tsc keeps both equal.
 */
export const runIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const requestOutcomeSchema = z.enum(REQUEST_OUTCOMES);
export type RequestOutcome = z.infer<typeof requestOutcomeSchema>;

const requestRunSchema = z.object({
  iteration: z.number().int(),
  path: z.string(),
  name: z.string(),
  folder: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  statusText: z.string(),
  timeMs: z.number().nullable(),
  tests: z.array(testResultSchema),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  retried: z.boolean(),
  skipped: z.string().nullable(),
  console: z.array(scriptConsoleLineSchema).optional(),
  historyId: z.number().int().optional(),
});

const runTotalsSchema = z.object({
  requests: z.number(),
  failedRequests: z.number(),
  skippedRequests: z.number(),
  /** requests stopped in flight by a cancel: not in failedRequests (0 in runs kept before it was counted) */
  cancelledRequests: z.number().default(0),
  tests: z.number(),
  passedTests: z.number(),
  failedTests: z.number(),
  skippedTests: z.number(),
  timeMs: z.number(),
});

export const runResultSchema = z.object({
  name: z.string(),
  environment: z.string().nullable(),
  iterations: z.number().int(),
  startedAt: z.number(),
  finishedAt: z.number(),
  requests: z.array(requestRunSchema),
  totals: runTotalsSchema,
  cancelled: z.boolean(),
  bailed: z.boolean(),
});

/** A kept run in the list: everything but its per-request results (runner.get has those). */
export const runSummarySchema = runResultSchema.omit({ requests: true }).extend({
  id: runIdSchema,
  /** the collection the run belongs to (its top folder's workspace path): runs are kept, 50 at most, per collection */
  collection: z.string(),
  /** what was run, for "Run again" */
  paths: z.array(z.string()),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runStartInputSchema = z.object({
  paths: z.array(workspacePathSchema).min(1).max(10_000),
  /** the run's name in results and kept runs; the one collection's or folder's name by default ("Selection" for several) */
  name: z.string().min(1).max(200).optional(),
  iterations: z.number().int().min(1).max(100_000).optional(),
  /** a CSV or JSON data file's text; its name says which (rows.csv or rows.json) */
  data: z.object({ text: z.string().max(64 * 1024 * 1024), name: z.string().min(1).max(1024) }).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  bail: z.boolean().optional(),
  /** an environment's id or name, active for the run only */
  environment: z.string().min(1).max(200).optional(),
  requestsPerSecond: z.number().min(0).max(10_000).optional(),
  maxRateLimitWaitMs: z.number().int().min(0).max(3_600_000).optional(),
});
export type RunStartInput = z.infer<typeof runStartInputSchema>;

/**
 * What a window sees of a run while it goes, as the engine's RunEvents; the end carries the kept run's summary, not
 * every result again (the window has them already, and runner.get has them for later).
 */
export const runStreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-started'), name: z.string(), iterations: z.number(), requests: z.number() }),
  z.object({ type: z.literal('iteration-started'), iteration: z.number(), iterations: z.number() }),
  z.object({ type: z.literal('delay'), iteration: z.number(), path: z.string(), name: z.string(), waitMs: z.number() }),
  z.object({ type: z.literal('request-started'), iteration: z.number(), path: z.string(), name: z.string(), method: z.string() }),
  z.object({ type: z.literal('rate-limit-wait'), path: z.string(), name: z.string(), source: z.string(), waitMs: z.number(), remainingMs: z.number() }),
  z.object({ type: z.literal('request-finished'), result: requestRunSchema }),
  z.object({ type: z.literal('run-finished'), summary: runSummarySchema }),
  /** the run could not start or stopped on an input problem (an unknown environment, a request that vanished) */
  z.object({ type: z.literal('run-failed'), message: z.string() }),
]);
export type RunStreamEvent = z.infer<typeof runStreamEventSchema>;

/** Events of one run, batched (every 100 ms or so) so a 5,000-request run does not send 10,000 messages. */
export const runnerEventsSchema = z.object({ runId: runIdSchema, events: z.array(runStreamEventSchema) });
export type RunnerEvents = z.infer<typeof runnerEventsSchema>;

/** One request of one iteration in two kept runs (shared/runner's ComparedRequest; runner.compare answers them). */
const runSideSchema = z.object({ status: z.number().int().nullable(), timeMs: z.number().nullable(), outcome: requestOutcomeSchema, failed: z.boolean() });
export const comparedRequestSchema = z.object({
  path: z.string(),
  name: z.string(),
  iteration: z.number().int(),
  before: runSideSchema.nullable(),
  after: runSideSchema.nullable(),
  change: z.enum(['pass→fail', 'fail→pass', 'same', 'added', 'removed', 'cancelled']),
});

export type RunReportFormat = (typeof RUN_REPORT_FORMATS)[number];
