import type { HttpProgress } from '../contract/http';

const PHASE_LABELS: Record<HttpProgress['phase'], string> = {
  dns: 'Looking up host',
  connecting: 'Connecting',
  tls: 'Securing connection',
  sending: 'Sending request',
  waiting: 'Waiting for response',
  downloading: 'Downloading',
  redirecting: 'Following redirect',
};

/** "1.5 KB", "12.3 MB": decimal-free for bytes, one decimal above. */
export function formatByteCount(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export interface ProgressSummary {
  /** "Downloading 1.2 MB of 5.0 MB (24%)" */
  label: string;
  /** 0..1 when the size is known, else null (indeterminate) */
  fraction: number | null;
}

/** What the in-flight indicator says; null progress means the engine has not reported a phase yet. */
export function describeProgress(progress: HttpProgress | null): ProgressSummary {
  if (!progress) return { label: 'Sending request', fraction: null };
  const phase = PHASE_LABELS[progress.phase];
  if (progress.phase !== 'downloading' && progress.bytesReceived === 0) return { label: phase, fraction: null };
  const received = formatByteCount(progress.bytesReceived);
  if (progress.bytesExpected !== null && progress.bytesExpected > 0) {
    const fraction = Math.min(1, progress.bytesReceived / progress.bytesExpected);
    return {
      label: `${phase} ${received} of ${formatByteCount(progress.bytesExpected)} (${Math.floor(fraction * 100)}%)`,
      fraction,
    };
  }
  return { label: `${phase} ${received}`, fraction: null };
}

/** Bytes encoded by a base64 string (padding accounted for), without decoding it. */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
