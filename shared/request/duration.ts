/**
 * A duration as people read it in an error: "500 ms", "30 s", "1.5 s", "5 min". Timeouts are set in milliseconds,
 * but "within 30000 ms" makes the reader count zeros.
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const round = (value: number) => String(Math.round(value * 10) / 10);
  if (ms < 120_000) return `${round(ms / 1000)} s`;
  return `${round(ms / 60_000)} min`;
}

/** Names the setting that decided a timeout, and where it is, so the reader knows what to change. */
export function timeoutSettingNote(label: 'Connect timeout' | 'Idle timeout' | 'Total deadline'): string {
  return `(${label}, in the request’s Settings tab)`;
}
