import { type MethodHandlers, type RequestSettings } from '../../../shared/contract';
import { type DataRow, type RequestRun, type RunResult } from '../../../shared/runner';

export interface RunnerDeps {
  /** the same contract handlers the app's windows call (createCourier), so a run sends exactly as a click on Send */
  handlers: MethodHandlers;
  /** for tests of Retry-After dates; Date.now by default */
  now?: () => number;
}

export interface RunOptions {
  /**
   * What to run in the open workspace, in tree order: collection, folder or request paths. One path runs that
   * collection or folder; several are a selection (each request once, in tree order, whatever the order given).
   */
  paths: readonly string[];
  /** shown in reports; the single collection's or folder's name by default */
  name?: string;
  /** 1 by default, or one per data row when a data file is given */
  iterations?: number;
  /** one row per iteration (the last row again when there are more iterations than rows) */
  data?: readonly DataRow[];
  /** run-wide values (the CLI's --var); a data row's column of the same name wins */
  variables?: Readonly<Record<string, string>>;
  /** pause between two requests */
  delayMs?: number;
  /** stop at the first request that fails (no response, or a failed check) */
  bail?: boolean;
  /** an environment's name or id to make active for the run; the active one is restored afterwards */
  environment?: string;
  signal?: AbortSignal;
  /** per-run overrides of every request's settings (the CLI's --timeout and --insecure) */
  settings?: Partial<RequestSettings>;
  /** longest wait for a rate limit to reset before the one retry; 60 s by default */
  maxRateLimitWaitMs?: number;
  /** at most this many requests started per second (0 or absent: no cap) */
  requestsPerSecond?: number;
  /** values to mask in everything the run reports, on top of what the send path already masked */
  maskValues?: readonly string[];
  onEvent?: (event: RunEvent) => void;
}

export type RunEvent =
  | { type: 'run-started'; name: string; iterations: number; requests: number }
  | { type: 'iteration-started'; iteration: number; iterations: number }
  /** the pause before the next request (the run's delay, a requests-per-second cap or a spent quota), said before it */
  | { type: 'delay'; iteration: number; path: string; name: string; waitMs: number }
  | { type: 'request-started'; iteration: number; path: string; name: string; method: string }
  /** a countdown: first with the whole wait, then about once a second until remainingMs is 0 */
  | { type: 'rate-limit-wait'; path: string; name: string; source: string; waitMs: number; remainingMs: number }
  | { type: 'request-finished'; result: RequestRun }
  | { type: 'run-finished'; result: RunResult };

export class RunInputError extends Error {}
