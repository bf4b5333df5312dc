import type { RequestOutcome } from '../../../shared/contract';
import { requestOutcome, type RunTotals, type RequestRun } from '../../../shared/runner';

/** a result row's first word: a cancelled request has its own, it did not fail */
export const OUTCOME_LABEL: Record<RequestOutcome, string> = { passed: 'Pass', failed: 'Fail', skipped: 'Skip', cancelled: 'Cancelled' };

/** "#2 · 200 OK · 35 ms · 1/2 tests" — what a result row says after its name */
export function resultLine(result: RequestRun): string {
  const parts = [`#${result.iteration}`];
  const outcome = requestOutcome(result);
  if (outcome === 'skipped' || outcome === 'cancelled') parts.push(outcome);
  else if (result.error !== null) parts.push(result.error.message);
  else parts.push(`${result.status ?? ''} ${result.statusText}`.trim(), `${result.timeMs ?? 0} ms`);
  if (result.tests.length > 0) parts.push(`${result.tests.filter((test) => test.outcome === 'passed').length}/${result.tests.length} tests`);
  if (result.retried) parts.push('retried after a rate limit');
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
  return `${totals.requests}${planned === undefined ? '' : ` of ${planned}`} requests: ${passed} passed, ${totals.failedRequests} failed${others} · tests ${totals.passedTests}/${totals.tests} passed`;
}
