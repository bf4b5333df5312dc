/** Exponential backoff with up to 20% jitter, so many clients do not reconnect in step after a server restart. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.2 * random()));
}
