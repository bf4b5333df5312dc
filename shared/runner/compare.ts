import { type RequestOutcome } from '../contract';
import { requestOutcome, type RequestRun } from './run-result';

export interface RunSide {
  status: number | null;
  timeMs: number | null;
  outcome: RequestOutcome;
  /** outcome === 'failed' (a cancelled request did not fail) */
  failed: boolean;
}

/** One request of one iteration in two runs; a side is null when that run did not send it. */
export interface ComparedRequest {
  path: string;
  name: string;
  iteration: number;
  before: RunSide | null;
  after: RunSide | null;
  /**
   * what a tester looks for first: a check that used to pass and fails now. 'cancelled': cancelled in one run only,
   * so there is nothing to compare (neither a regression nor a fix).
   */
  change: 'pass→fail' | 'fail→pass' | 'same' | 'added' | 'removed' | 'cancelled';
}

function side(run: RequestRun): RunSide {
  const outcome = requestOutcome(run);
  return { status: run.status, timeMs: run.timeMs, outcome, failed: outcome === 'failed' };
}

function changeOf(then: RunSide, now: RunSide): ComparedRequest['change'] {
  if (then.outcome === 'cancelled' || now.outcome === 'cancelled') return then.outcome === now.outcome ? 'same' : 'cancelled';
  return then.failed === now.failed ? 'same' : now.failed ? 'pass→fail' : 'fail→pass';
}

/**
 * Two runs side by side, per request and iteration (a request sent twice in one iteration by setNextRequest is
 * compared occurrence by occurrence). Order: the later run's order, then what only the earlier run had.
 */
export function compareRuns(before: readonly RequestRun[], after: readonly RequestRun[]): ComparedRequest[] {
  const keyed = (runs: readonly RequestRun[]) => {
    const seen = new Map<string, number>();
    return runs.map((run) => {
      const base = `${run.iteration}\u0000${run.path}`;
      const nth = seen.get(base) ?? 0;
      seen.set(base, nth + 1);
      return { key: `${base}\u0000${nth}`, run };
    });
  };
  const earlier = new Map(keyed(before).map(({ key, run }) => [key, run]));
  const rows: ComparedRequest[] = [];
  for (const { key, run } of keyed(after)) {
    const old = earlier.get(key);
    earlier.delete(key);
    const now = side(run);
    const then = old === undefined ? null : side(old);
    const change = then === null ? 'added' : changeOf(then, now);
    rows.push({ path: run.path, name: run.name, iteration: run.iteration, before: then, after: now, change });
  }
  for (const run of earlier.values())
    rows.push({ path: run.path, name: run.name, iteration: run.iteration, before: side(run), after: null, change: 'removed' });
  return rows;
}

/**
 * A request's response times across iterations, for a chart: x is the iteration, y the time (null where it got no
 * answer or was not sent in that iteration; the first send counts when setNextRequest sent it twice).
 */
export function responseTimesOf(requests: readonly RequestRun[], path: string, iterations: number): { x: number[]; y: (number | null)[] } {
  const x = Array.from({ length: iterations }, (_, index) => index + 1);
  const y: (number | null)[] = x.map(() => null);
  const filled = new Set<number>();
  for (const run of requests) {
    if (run.path !== path || filled.has(run.iteration) || run.iteration < 1 || run.iteration > iterations) continue;
    filled.add(run.iteration);
    y[run.iteration - 1] = run.timeMs;
  }
  return { x, y };
}
