import type { RequestOutcome, ScriptConsoleLine, TestResult } from '../contract';
import { CANCELLED_ERROR_CODE } from '../contract/values';

/** One send of one request in one iteration, as the runner saw it; every text in it is already masked. */
export interface RequestRun {
  /** 1-based */
  iteration: number;
  /** the request file's workspace path: the identity a report and a re-run use */
  path: string;
  name: string;
  /** the collection and folder names above it, outermost first ("API / Users") */
  folder: string;
  method: string;
  /** as sent (variables resolved, secrets masked), or as written when it was never sent */
  url: string;
  status: number | null;
  statusText: string;
  /** the whole exchange, redirects included; null when no response came */
  timeMs: number | null;
  tests: TestResult[];
  /**
   * no response: refused before sending, a network error, a timeout, cancelled (code CANCELLED: see requestOutcome);
   * or, with the status kept, a 429 still answered after the rate-limit wait and the retry (code RATE_LIMITED)
   */
  error: { code: string; message: string } | null;
  /** a rate-limit answer (429/503) was waited out and the request sent again; this is the second answer */
  retried: boolean;
  /** not sent, and why (a WebSocket request, which a run cannot drive) */
  skipped: string | null;
  /** what the request's scripts printed (masked by the send path); absent when nothing was printed */
  console?: ScriptConsoleLine[];
  /** the history entry the send was recorded as, so the app can open the full exchange; absent when not recorded */
  historyId?: number;
}

export interface RunTotals {
  requests: number;
  failedRequests: number;
  skippedRequests: number;
  /** stopped in flight by a cancel; counted apart from failedRequests */
  cancelledRequests: number;
  tests: number;
  passedTests: number;
  failedTests: number;
  skippedTests: number;
  /** sum of every response time */
  timeMs: number;
}

export interface RunResult {
  /** what was run: a collection's or folder's name, or "Selection" */
  name: string;
  environment: string | null;
  iterations: number;
  startedAt: number;
  finishedAt: number;
  requests: RequestRun[];
  totals: RunTotals;
  /** stopped by the user (or the CLI's Ctrl+C) before the end */
  cancelled: boolean;
  /** stopped at the first failure (bail) */
  bailed: boolean;
}

/**
 * The one definition of how a request ended (see REQUEST_OUTCOMES in the contract). A request fails when no response
 * came or one of its checks failed; a 4xx/5xx alone is an answer, as in newman. One stopped by a cancel did not fail.
 */
export function requestOutcome(run: RequestRun): RequestOutcome {
  if (run.skipped !== null) return 'skipped';
  if (run.error?.code === CANCELLED_ERROR_CODE) return 'cancelled';
  return run.error !== null || run.tests.some((test) => test.outcome === 'failed') ? 'failed' : 'passed';
}

export function requestFailed(run: RequestRun): boolean {
  return requestOutcome(run) === 'failed';
}

export function totalsOf(requests: readonly RequestRun[]): RunTotals {
  const totals: RunTotals = {
    requests: 0,
    failedRequests: 0,
    skippedRequests: 0,
    cancelledRequests: 0,
    tests: 0,
    passedTests: 0,
    failedTests: 0,
    skippedTests: 0,
    timeMs: 0,
  };
  for (const run of requests) {
    totals.requests += 1;
    const outcome = requestOutcome(run);
    if (outcome === 'skipped') totals.skippedRequests += 1;
    else if (outcome === 'failed') totals.failedRequests += 1;
    else if (outcome === 'cancelled') totals.cancelledRequests += 1;
    totals.timeMs += run.timeMs ?? 0;
    for (const test of run.tests) {
      totals.tests += 1;
      if (test.outcome === 'passed') totals.passedTests += 1;
      else if (test.outcome === 'failed') totals.failedTests += 1;
      else totals.skippedTests += 1;
    }
  }
  return totals;
}
