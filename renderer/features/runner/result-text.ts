import type { RequestOutcome } from '../../../shared/contract';
import { RATE_LIMITED_ERROR_CODE } from '../../../shared/contract/values';
import { requestOutcome, requestsText, secondsText, type RunTotals, type RequestRun } from '../../../shared/runner';
import type { CurrentStep } from './use-run-stream';

/** a result row's first word: a cancelled request has its own, it did not fail */
const OUTCOME_LABEL: Record<RequestOutcome, string> = { passed: 'Pass', failed: 'Fail', skipped: 'Skip', cancelled: 'Cancelled' };

/**
 * A result row's first word and its colour: "Sent" (neutral) for a request that went through without tests, so a 404
 * with nothing checking it does not read as a green "Pass"; otherwise its outcome.
 */
export function outcomeLabel(result: RequestRun): { label: string; tone: RequestOutcome | 'sent' } {
  const outcome = requestOutcome(result);
  if (outcome === 'passed' && result.tests.length === 0) return { label: 'Sent', tone: 'sent' };
  return { label: OUTCOME_LABEL[outcome], tone: outcome };
}

/** "#2 · 200 OK · 35 ms · 1/2 tests" — what a result row says after its name */
export function resultLine(result: RequestRun): string {
  const parts = [`#${result.iteration}`];
  const outcome = requestOutcome(result);
  if (outcome === 'skipped' || outcome === 'cancelled') parts.push(outcome);
  else if (result.error !== null) parts.push(result.error.message);
  else parts.push(`${result.status ?? ''} ${result.statusText}`.trim(), `${result.timeMs ?? 0} ms`);
  if (result.tests.length > 0) parts.push(`${result.tests.filter((test) => test.outcome === 'passed').length}/${result.tests.length} tests`);
  // a request still rate limited says so in its error already
  if (result.retried && result.error?.code !== RATE_LIMITED_ERROR_CODE) parts.push('retried after a rate limit');
  return parts.join(' · ');
}

/**
 * "3 of 6 requests: 2 passed, 1 failed · tests 2/3 passed"; `planned` while the run goes, so the count reads as
 * progress. Skipped and cancelled requests are named only when there are some.
 */
export function totalsLine(totals: RunTotals, planned?: number): string {
  const cancelled = totals.cancelledRequests;
  const passed = totals.requests - totals.failedRequests - totals.skippedRequests - cancelled;
  const others = `${totals.skippedRequests > 0 ? `, ${totals.skippedRequests} skipped` : ''}${cancelled > 0 ? `, ${cancelled} cancelled` : ''}`;
  // the noun agrees with the number just before it: "1 request", "1 of 6 requests"
  const count = planned === undefined ? requestsText(totals.requests) : `${totals.requests} of ${requestsText(planned)}`;
  return `${count}: ${passed} passed, ${totals.failedRequests} failed${others} · tests ${totals.passedTests}/${totals.tests} passed`;
}

/** "Sending B (iteration 1 of 3)", or during a pause "Waiting 1.5 s before B (iteration 2 of 3)" */
export function currentLine(current: CurrentStep, iterations: number): string {
  const what = current.phase === 'waiting' ? `Waiting ${secondsText(current.waitMs)} before ${current.name}` : `Sending ${current.name}`;
  return `${what} (iteration ${current.iteration} of ${iterations})`;
}
