import type { RunTotals, RequestRun } from '../../../shared/runner';

/** "#2 · 200 OK · 35 ms · 1/2 tests" — what a result row says after its name */
export function resultLine(result: RequestRun): string {
  const parts = [`#${result.iteration}`];
  if (result.skipped !== null) parts.push('skipped');
  else if (result.error !== null) parts.push(result.error.message);
  else parts.push(`${result.status ?? ''} ${result.statusText}`.trim(), `${result.timeMs ?? 0} ms`);
  if (result.tests.length > 0) parts.push(`${result.tests.filter((test) => test.outcome === 'passed').length}/${result.tests.length} tests`);
  if (result.retried) parts.push('retried after a rate limit');
  return parts.join(' · ');
}

/** "3 of 6 requests: 2 passed, 1 failed · tests 2/3 passed"; `planned` while the run goes, so the count reads as progress */
export function totalsLine(totals: RunTotals, planned?: number): string {
  const passed = totals.requests - totals.failedRequests - totals.skippedRequests;
  return `${totals.requests}${planned === undefined ? '' : ` of ${planned}`} requests: ${passed} passed, ${totals.failedRequests} failed${totals.skippedRequests > 0 ? `, ${totals.skippedRequests} skipped` : ''} · tests ${totals.passedTests}/${totals.tests} passed`;
}
