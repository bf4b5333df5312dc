import { z } from 'zod';

/**
 * One check's outcome after a send, whatever produced it: a no-code assertion row on the request's Tests tab, or a
 * `pm.test` in a script. Both land in the same list so the viewer, history, the runner and the CLI's reporters show
 * and count them one way (issue 12).
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
