import { type RunResult } from '../../../shared/runner';

/**
 * `courier run`'s exit code once a run ended: 130 when it was cancelled (what a shell reports for Ctrl+C), 1 when a
 * request failed, else 0. A request stopped in flight by a cancel is not a failure (totals count it apart), so a CI
 * job never reads "your API is broken" from a cancel.
 */
export function exitCodeOf(result: Pick<RunResult, 'cancelled' | 'totals'>): number {
  if (result.cancelled) return 130;
  return result.totals.failedRequests > 0 ? 1 : 0;
}
