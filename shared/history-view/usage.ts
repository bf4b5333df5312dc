import type { HistoryRetention, HistoryUsage } from '../contract/history';
import { formatBytes } from '../response/format';

const MB = 1024 * 1024;

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1,234 entries (3 pinned) · 12 MB on disk · limits 100,000 entries / 2 GB" */
export function usageLine(usage: HistoryUsage): string {
  const entries = `${count(usage.entries)} ${usage.entries === 1 ? 'entry' : 'entries'}`;
  const pinned = usage.pinned > 0 ? ` (${count(usage.pinned)} pinned)` : '';
  return `${entries}${pinned} · ${formatBytes(usage.bodyBytes)} on disk · limits ${count(usage.retention.maxEntries)} entries / ${formatBytes(usage.retention.maxBodyBytes)}`;
}

export interface RetentionForm {
  maxEntries: string;
  /** in MB, as the form shows it */
  maxBodyMb: string;
}

export function retentionToForm(retention: HistoryRetention): RetentionForm {
  const mb = retention.maxBodyBytes / MB;
  return { maxEntries: String(retention.maxEntries), maxBodyMb: String(Number.isInteger(mb) ? mb : Number(mb.toFixed(2))) };
}

/** Reads the retention form, with the bounds the contract enforces; problems are named per field. */
export function parseRetentionForm(
  form: RetentionForm,
): { ok: true; retention: HistoryRetention } | { ok: false; problems: { maxEntries?: string; maxBodyMb?: string } } {
  const problems: { maxEntries?: string; maxBodyMb?: string } = {};
  const entries = Number(form.maxEntries.trim());
  if (form.maxEntries.trim() === '' || !Number.isInteger(entries)) problems.maxEntries = 'Max entries must be a whole number.';
  else if (entries < 10 || entries > 10_000_000) problems.maxEntries = 'Max entries must be between 10 and 10,000,000.';
  const mb = Number(form.maxBodyMb.trim());
  if (form.maxBodyMb.trim() === '' || !Number.isFinite(mb)) problems.maxBodyMb = 'Max body storage must be a number of MB.';
  else if (mb < 1 || mb > 1024 * 1024) problems.maxBodyMb = 'Max body storage must be between 1 MB and 1,048,576 MB (1 TB).';
  if (problems.maxEntries || problems.maxBodyMb) return { ok: false, problems };
  return { ok: true, retention: { maxEntries: entries, maxBodyBytes: Math.round(mb * MB) } };
}

/** "courier-history-2026-11-25T14-03-07.har": a file name that sorts by time and is valid everywhere. */
export function harFileName(now: number, scope: 'selected' | 'filtered' | 'all'): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/:/g, '-');
  return `courier-history-${scope === 'all' ? '' : `${scope}-`}${stamp}.har`;
}

/** "Delete 12 entries" / "Delete 1 entry"; "1,000+ entries" when the count stopped at a cap (more exist) */
export function entriesPhrase(n: number, capped = false): string {
  return capped ? `${count(n)}+ entries` : `${count(n)} ${n === 1 ? 'entry' : 'entries'}`;
}

/** What an import added, naming the entries history already had (they are skipped, not added twice). */
export function importedPhrase(result: { imported: number; alreadyPresent: number }, fileName: string): string {
  const { imported, alreadyPresent } = result;
  const were = alreadyPresent === 1 ? 'was' : 'were';
  if (alreadyPresent === 0) return `Imported ${entriesPhrase(imported)} from “${fileName}”.`;
  if (imported === 0)
    return `Nothing imported from “${fileName}”: ${alreadyPresent === 1 ? 'its entry' : `all ${entriesPhrase(alreadyPresent)}`} ${were} already in history.`;
  return `Imported ${entriesPhrase(imported)} from “${fileName}”; ${entriesPhrase(alreadyPresent)} ${were} already in history and skipped.`;
}

/** The panel's count of a search: "12 entries match", or "1,000+ matches" when counting stopped at a cap. */
export function matchesPhrase(total: number, capped: boolean): string {
  return capped ? `${count(total)}+ matches` : `${entriesPhrase(total)} match`;
}
