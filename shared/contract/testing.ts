import { z } from 'zod';
import { ASSERTION_TARGETS, ASSERTION_OPERATORS, CAPTURE_SOURCES, CAPTURE_SCOPES } from './values';

export { ASSERTION_TARGETS, ASSERTION_OPERATORS, CAPTURE_SCOPES } from './values';

/**
 * One check's outcome after a send, whatever produced it: a no-code assertion row on the request's Tests tab, or a
 * `pm.test` in a script. Both land in the same list so the viewer, history, the runner and the CLI's reporters show
 * and count them one way.
 */
export const testResultSchema = z.object({
  /** what the user reads: the assertion row as a sentence ("status equals 200") or the pm.test name */
  name: z.string().max(1000),
  /** 'skipped' when the check could not be evaluated (no response, a disabled row, pm.test.skip) */
  outcome: z.enum(['passed', 'failed', 'skipped']),
  /** why it failed, written for the user ("expected 200, got 404"); masked like every other shown value */
  message: z.string().max(4000).optional(),
  /** the value the check saw, as text, shown beside the row; masked; cut to a readable length */
  actual: z.string().max(4000).optional(),
  source: z.enum(['assertion', 'script']),
  /** for scripts: which script ran it ("Collection pre-request", "Request post-response") */
  origin: z.string().max(200).optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export type AssertionTarget = (typeof ASSERTION_TARGETS)[number];
export type AssertionOperator = (typeof ASSERTION_OPERATORS)[number];

export const assertionRowSchema = z.object({
  enabled: z.boolean().default(true),
  target: z.enum(ASSERTION_TARGETS),
  /** header name, JSONPath expression or regex pattern; unused for status, responseTime, bodySize, body */
  property: z.string().max(8192).default(''),
  /** regex target: which capture group is the actual value (0 = the whole match) */
  group: z.number().int().min(0).max(99).optional(),
  operator: z.enum(ASSERTION_OPERATORS),
  /** may hold {{variables}}; for isType a type name, for matchesSchema a JSON Schema */
  expected: z.string().max(1_000_000).default(''),
});
export type AssertionRow = z.infer<typeof assertionRowSchema>;

export type CaptureScope = (typeof CAPTURE_SCOPES)[number];

export const captureRowSchema = z.object({
  enabled: z.boolean().default(true),
  source: z.enum(CAPTURE_SOURCES),
  expression: z.string().max(8192),
  /** regex source: which group (default 1 when the pattern has one, else the whole match) */
  group: z.number().int().min(0).max(99).optional(),
  variable: z.string().max(200),
  scope: z.enum(CAPTURE_SCOPES).default('environment'),
  /** the value goes to the vault and is masked wherever it is shown */
  secret: z.boolean().default(false),
});
export type CaptureRow = z.infer<typeof captureRowSchema>;

/** Saved in the request's file; old files without it load with none. */
export const requestTestsSchema = z.object({
  assertions: z.array(assertionRowSchema).max(500).default([]),
  captures: z.array(captureRowSchema).max(200).default([]),
});
export type RequestTests = z.infer<typeof requestTestsSchema>;

/** What a capture did after a send: the value (masked when secret) or why it set nothing. */
export const captureResultSchema = z.object({
  variable: z.string().max(200),
  scope: z.enum(CAPTURE_SCOPES),
  outcome: z.enum(['set', 'failed', 'skipped']),
  /** shown beside the row; '••••••' for a secret */
  value: z.string().max(4000).optional(),
  message: z.string().max(4000).optional(),
});
export type CaptureResult = z.infer<typeof captureResultSchema>;

/** Kept with the exchange (returned by http.send and stored in history). */
export const exchangeTestsSchema = z.object({
  results: z.array(testResultSchema),
  captures: z.array(captureResultSchema).default([]),
});
export type ExchangeTests = z.infer<typeof exchangeTestsSchema>;
