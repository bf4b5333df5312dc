import { describe, expect, it } from 'vitest';
import type { HistorySummary } from '../../../shared/contract';
import { HistoryPageStore } from './history-page-store';
const PAGE_SIZE = 100;

const entry = (id: number, sentAt: number) => ({ id, sentAt }) as unknown as HistorySummary;
const DAY = 86_400_000;

describe('HistoryPageStore', () => {
  it('grows with each capped count, never shrinks, and stops at the first exact count', () => {
    const store = new HistoryPageStore(PAGE_SIZE);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    expect(store.getReach()).toEqual({ total: 0, capped: true, counted: false });
    store.count(1, [{ total: 500, totalCapped: true }]);
    expect(store.getReach()).toEqual({ total: 500, capped: true, counted: true });
    store.count(1, [
      { total: 500, totalCapped: true },
      { total: 1000, totalCapped: true },
    ]);
    expect(store.getReach().total).toBe(1000);
    // scrolling back to a page that counted less
    store.count(1, [{ total: 500, totalCapped: true }]);
    expect(store.getReach().total).toBe(1000);
    store.count(1, [{ total: 1234, totalCapped: false }]);
    expect(store.getReach()).toEqual({ total: 1234, capped: false, counted: true });
    // once exact, later answers change nothing
    store.count(1, [{ total: 5000, totalCapped: true }]);
    expect(store.getReach().total).toBe(1234);
    expect(notified).toBe(3);
  });

  it('keeps the same reach object when nothing changed (no re-render), and starts again on a new first page', () => {
    const store = new HistoryPageStore(PAGE_SIZE);
    store.count(1, [{ total: 10, totalCapped: false }]);
    const before = store.getReach();
    store.count(1, [{ total: 10, totalCapped: false }]);
    expect(store.getReach()).toBe(before);
    // entries deleted: the first page loads again and the list may shrink
    store.count(2, [{ total: 4, totalCapped: false }]);
    expect(store.getReach()).toEqual({ total: 4, capped: false, counted: true });
  });

  it('an empty list is counted as empty, not left uncounted', () => {
    const store = new HistoryPageStore(PAGE_SIZE);
    store.count(1, [{ total: 0, totalCapped: false }]);
    expect(store.getReach()).toEqual({ total: 0, capped: false, counted: true });
  });

  it('records pages, knows where days start, and asks for re-measuring only when a heading may move', () => {
    const store = new HistoryPageStore(PAGE_SIZE);
    const now = Date.UTC(2026, 11, 5, 12);
    const firstPage = Array.from({ length: PAGE_SIZE }, (_, i) => entry(1000 - i, now - (i < 3 ? 0 : DAY)));
    expect(store.record(new Map([[0, firstPage]]))).toBe(true);
    expect(store.entryAt(2)?.id).toBe(998);
    expect(store.startsDay(0)).toBe(true);
    expect(store.startsDay(1)).toBe(false);
    expect(store.startsDay(3)).toBe(true);
    // the same page again: nothing to do
    expect(store.record(new Map([[0, firstPage]]))).toBe(false);
    // a page further down, all inside the day that page 0 ends with: no heading moves
    const inside = Array.from({ length: PAGE_SIZE }, (_, i) => entry(500 - i, now - DAY));
    expect(store.record(new Map([[1, inside]]))).toBe(false);
    expect(store.startsDay(PAGE_SIZE)).toBe(false);
    // a page that starts another day at its first row
    const older = Array.from({ length: PAGE_SIZE }, (_, i) => entry(100 - i, now - 3 * DAY));
    expect(store.record(new Map([[2, older]]))).toBe(true);
    expect(store.startsDay(2 * PAGE_SIZE)).toBe(true);
    expect(store.entryAt(10 * PAGE_SIZE)).toBeUndefined();
  });
});
