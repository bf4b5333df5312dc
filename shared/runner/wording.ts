/** "30 s", "1.5 s", "0.3 s": a wait as the runner words it (tenths only when the wait has them) */
export function secondsText(ms: number): string {
  const tenths = Math.round(ms / 100) / 10;
  return `${tenths} s`;
}

/** "1 request", "6 requests" */
export function requestsText(count: number): string {
  return `${count} request${count === 1 ? '' : 's'}`;
}
