/** Resolves after ms, or at once when the run is cancelled (the caller checks the signal). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A wait the user watches: onTick with the time left, at the start and about once a second, then 0 at the end. */
export async function countdown(ms: number, onTick: (remainingMs: number) => void, signal?: AbortSignal): Promise<void> {
  const end = Date.now() + ms;
  for (let left = ms; left > 0 && !signal?.aborted; left = end - Date.now()) {
    onTick(left);
    await pause(Math.min(1000, left), signal);
  }
  if (!signal?.aborted) onTick(0);
}

/**
 * When the next request may start: the run's delay after the previous one, a requests-per-second cap, and a rate
 * limit's reset announced by the previous answer, whichever is latest.
 */
export class Pacer {
  private lastStart = 0;
  private notBefore = 0;

  constructor(private readonly options: { delayMs: number; requestsPerSecond: number }) {}

  /** the wait before the next start, in ms; `first`: nothing was sent yet, so no delay applies */
  waitBeforeNext(now: number, first: boolean): number {
    const delay = first ? 0 : this.options.delayMs;
    const interval = this.options.requestsPerSecond > 0 ? 1000 / this.options.requestsPerSecond : 0;
    const byRate = this.lastStart === 0 ? 0 : this.lastStart + interval - now;
    return Math.max(0, delay, byRate, this.notBefore - now);
  }

  started(now: number): void {
    this.lastStart = now;
  }

  /** the server said the quota is spent until then */
  holdUntil(time: number): void {
    this.notBefore = Math.max(this.notBefore, time);
  }
}
