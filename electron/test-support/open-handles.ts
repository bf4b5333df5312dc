/**
 * What the process holds open (sockets, servers, timers, file watchers, workers), counted by kind from Node's
 * process.getActiveResourcesInfo(). Take a baseline before creating what is under test and compare after its close():
 * anything it left open shows up as a kind whose count went up.
 */
export function openResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** Kinds held now beyond the baseline, e.g. { TCPSocketWrap: 2 }. */
export function resourcesAbove(baseline: ReadonlyMap<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [kind, count] of openResources()) {
    const more = count - (baseline.get(kind) ?? 0);
    if (more > 0) extra[kind] = more;
  }
  return extra;
}

/**
 * Fails unless everything opened since `baseline` is closed. Closing is asynchronous at the edges (a peer's socket
 * sees the FIN a tick later, a worker exits after its last message), so it waits up to `settleMs` for the count to
 * come down before naming what is still open.
 */
export async function expectNothingLeftOpen(baseline: ReadonlyMap<string, number>, settleMs = 3000): Promise<void> {
  const until = Date.now() + settleMs;
  let extra = resourcesAbove(baseline);
  while (Object.keys(extra).length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    // the polling timer itself is gone by the time we count again
    extra = resourcesAbove(baseline);
  }
  if (Object.keys(extra).length > 0) throw new Error(`Still open after close(): ${JSON.stringify(extra)}`);
}
