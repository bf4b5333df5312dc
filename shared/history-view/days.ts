/** Local calendar day of an epoch-ms time, as "YYYY-MM-DD": the key rows are grouped by. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Today", "Yesterday", "Monday 23 Nov" (this year) or "23 Nov 2025": the heading of a day group. */
export function dayLabel(ms: number, now: number = Date.now()): string {
  const key = dayKey(ms);
  if (key === dayKey(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (key === dayKey(yesterday.getTime())) return 'Yesterday';
  const d = new Date(ms);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  const date = `${d.getDate()} ${MONTHS[d.getMonth()]}`;
  return sameYear ? `${WEEKDAYS[d.getDay()]} ${date}` : `${date} ${d.getFullYear()}`;
}

/** "14:03:07": the time column of a row (the day is in its group heading). */
export function timeOfDay(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** "23 Nov 2026, 14:03:07": a full timestamp for titles and detail views. */
export function fullTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${timeOfDay(ms)}`;
}

/**
 * Whether row `index` opens a new day group. `sentAtOf` returns undefined for rows not loaded yet; an unloaded
 * previous row means "not known", answered as false so a placeholder never invents a heading.
 */
export function startsDay(index: number, sentAtOf: (index: number) => number | undefined): boolean {
  const current = sentAtOf(index);
  if (current === undefined) return false;
  if (index === 0) return true;
  const previous = sentAtOf(index - 1);
  if (previous === undefined) return false;
  return dayKey(previous) !== dayKey(current);
}

/** Start (00:00:00.000) and end (23:59:59.999) of a "YYYY-MM-DD" day in local time; null for anything else. */
export function dayBounds(day: string): { start: number; end: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(y, m - 1, d, 0, 0, 0, 0);
  if (start.getFullYear() !== y || start.getMonth() !== m - 1 || start.getDate() !== d) return null;
  return { start: start.getTime(), end: new Date(y, m - 1, d, 23, 59, 59, 999).getTime() };
}
