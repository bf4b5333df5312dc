import type { HistorySummary, StatusClass } from '../contract/history';

/** The colour family a status class is drawn in; the renderer maps each to a theme variable. */
type StatusTone = 'info' | 'success' | 'redirect' | 'client-error' | 'server-error' | 'failed';

const TONES: Record<StatusClass, StatusTone> = {
  '1xx': 'info',
  '2xx': 'success',
  '3xx': 'redirect',
  '4xx': 'client-error',
  '5xx': 'server-error',
  error: 'failed',
};

export function statusTone(statusClass: StatusClass): StatusTone {
  return TONES[statusClass];
}

/** Labels for the status-class filter. */
export const STATUS_CLASS_LABELS: Record<StatusClass, string> = {
  '1xx': '1xx',
  '2xx': '2xx',
  '3xx': '3xx',
  '4xx': '4xx',
  '5xx': '5xx',
  error: 'Failed',
};

/**
 * What the status column shows: the code; "Cancelled" for a request the user stopped (nothing went wrong); or
 * "Failed" for an exchange that never got a response.
 */
export function statusText(summary: Pick<HistorySummary, 'status' | 'statusClass'> & Partial<Pick<HistorySummary, 'errorCode'>>): string {
  if (summary.status !== null) return String(summary.status);
  return summary.errorCode === 'CANCELLED' ? 'Cancelled' : 'Failed';
}
