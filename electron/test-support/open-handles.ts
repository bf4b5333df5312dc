/**
 * What the process holds open, counted by kind, to compare before creating something and after its close():
 *
 * - process.getActiveResourcesInfo(): sockets, servers, file requests and JS timers that keep the process alive;
 * - the diagnostic report's libuv handles that are active whether referenced or not (an idle pooled socket or a file
 *   watcher that was unref()'d is invisible to the first list and still a leak);
 * - the report's worker threads (the script sandbox's worker is unref()'d).
 *
 * Node's own loop internals (async, check, prepare, idle, and the one uv timer every JS timer shares) are left out.
 */
const LOOP_INTERNALS = new Set(['async', 'check', 'prepare', 'idle', 'timer']);

interface ReportShape {
  libuv: { type: string; is_active: boolean }[];
  workers: unknown[];
}

export function openResources(): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (kind: string) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  for (const kind of process.getActiveResourcesInfo()) add(kind);
  const report = process.report.getReport() as unknown as ReportShape;
  for (const handle of report.libuv) if (handle.is_active && !LOOP_INTERNALS.has(handle.type)) add(`libuv:${handle.type}`);
  for (let i = 0; i < report.workers.length; i += 1) add('worker thread');
  return counts;
}

/** Kinds held now beyond the baseline, e.g. { TCPSocketWrap: 2, 'libuv:tcp': 2 }. */
function resourcesAbove(baseline: ReadonlyMap<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [kind, count] of openResources()) {
    const more = count - (baseline.get(kind) ?? 0);
    if (more > 0) extra[kind] = more;
  }
  return extra;
}

/**
 * Fails unless everything opened since `baseline` is closed. Closing is asynchronous at the edges (a peer's socket
 * sees the FIN a tick later, a worker exits after its last message), so it waits up to `settleMs` for the counts to
 * come down; and opening can be too (a worker started after an await), so the counts must then stay down for
 * `quietMs` before it passes.
 */
export async function expectNothingLeftOpen(baseline: ReadonlyMap<string, number>, { settleMs = 3000, quietMs = 250 } = {}): Promise<void> {
  const until = Date.now() + settleMs;
  let quietSince: number | null = null;
  for (;;) {
    const extra = resourcesAbove(baseline);
    const now = Date.now();
    if (Object.keys(extra).length > 0) {
      quietSince = null;
      if (now > until) throw new Error(`Still open after close(): ${JSON.stringify(extra)}`);
    } else {
      quietSince ??= now;
      if (now - quietSince >= quietMs) return;
    }
    // the polling timer itself is gone by the time we count again
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
