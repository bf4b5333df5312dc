import { describe, expect, it } from 'vitest';
import { dayBounds, dayKey, dayLabel, startsDay, timeOfDay } from './days';

const at = (y: number, m: number, d: number, h = 12, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s).getTime();

describe('days', () => {
  it('keys by local calendar day', () => {
    expect(dayKey(at(2026, 11, 5, 0, 0, 1))).toBe('2026-11-05');
    expect(dayKey(at(2026, 11, 5, 23, 59, 59))).toBe('2026-11-05');
  });

  it('labels today, yesterday, this year and older years', () => {
    const now = at(2026, 11, 25, 9);
    expect(dayLabel(at(2026, 11, 25, 0, 1), now)).toBe('Today');
    expect(dayLabel(at(2026, 11, 24, 23, 59), now)).toBe('Yesterday');
    expect(dayLabel(at(2026, 11, 23), now)).toBe('Monday 23 Nov');
    expect(dayLabel(at(2025, 1, 2), now)).toBe('2 Jan 2025');
  });

  it('yesterday crosses month and year boundaries', () => {
    expect(dayLabel(at(2025, 12, 31), at(2026, 1, 1, 8))).toBe('Yesterday');
  });

  it('formats the time of day with leading zeros', () => {
    expect(timeOfDay(at(2026, 1, 1, 7, 3, 9))).toBe('07:03:09');
  });

  it('marks the first row of each day, and never guesses over unloaded rows', () => {
    const times = [at(2026, 11, 25, 10), at(2026, 11, 25, 9), at(2026, 11, 24, 22), undefined, at(2026, 11, 23)];
    const of = (i: number) => times[i];
    expect([0, 1, 2, 3, 4].map((i) => startsDay(i, of))).toEqual([true, false, true, false, false]);
  });

  it('turns a date input into inclusive local bounds and refuses nonsense', () => {
    const bounds = dayBounds('2026-02-28');
    expect(bounds).toEqual({ start: at(2026, 2, 28, 0), end: new Date(2026, 1, 28, 23, 59, 59, 999).getTime() });
    expect(dayBounds('2026-02-30')).toBeNull();
    expect(dayBounds('')).toBeNull();
    expect(dayBounds('yesterday')).toBeNull();
  });
});
