/** Human size: 0 B, 999 B, 1.5 KB, 12.3 MB (binary multiples, labelled as people expect to read them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}

/** Human duration: 0 ms, 12 ms, 1.23 s, 2 min 5 s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1) return ms === 0 ? '0 ms' : '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2).replace(/\.?0+$/, '')} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** "3.2 MB of 10 MB (32%)" or "3.2 MB" when the total is unknown. */
export function formatProgress(received: number, expected: number | null): string {
  if (expected === null || expected <= 0) return formatBytes(received);
  const pct = Math.min(100, Math.floor((received / expected) * 100));
  return `${formatBytes(received)} of ${formatBytes(expected)} (${pct}%)`;
}
