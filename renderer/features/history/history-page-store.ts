import type { HistorySummary } from '../../../shared/contract';
import { dayKey } from '../../../shared/history-view';

interface LoadedPage {
  entries: readonly HistorySummary[];
  days: readonly string[];
}

/** How far the list reaches: `capped` while a search has counted only part of its matches. */
export interface ListReach {
  readonly total: number;
  readonly capped: boolean;
  /** false until the first page of this list has been counted: "0 entries" is not known before */
  readonly counted: boolean;
}

/** what each page of a list answers about the whole list */
interface PageCount {
  total: number;
  totalCapped: boolean;
}

const UNCOUNTED: ListReach = { total: 0, capped: true, counted: false };

/**
 * What one history list (one filter) has learnt while scrolling: the pages it has seen, kept so that the sizes above
 * the view (day headings) stay put, and the furthest count any page gave, so that scrolling back to pages that
 * counted less never shrinks the list. React reads it with useSyncExternalStore; it changes only in effects, never
 * during a render.
 */
export class HistoryPageStore {
  private readonly pages = new Map<number, LoadedPage>();
  private reach: ListReach = UNCOUNTED;
  /** when the first page last loaded: a new first page (after a write or a delete) starts the count again */
  private countedSince: number | null = null;
  private readonly listeners = new Set<() => void>();

  /** `pageSize`: entries per page, as the list asks for them */
  constructor(private readonly pageSize: number) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getReach = (): ListReach => this.reach;

  /** folds the counts of the pages just answered into the reach; the first page's load time restarts it */
  count(firstLoadedAt: number, answers: ReadonlyArray<PageCount | undefined>): void {
    let next = this.countedSince === firstLoadedAt ? this.reach : UNCOUNTED;
    this.countedSince = firstLoadedAt;
    for (const answer of answers) {
      if (!answer || !next.capped) continue;
      if (!answer.totalCapped) next = { total: answer.total, capped: false, counted: true };
      else if (answer.total > next.total || !next.counted) next = { total: Math.max(answer.total, next.total), capped: true, counted: true };
    }
    if (next === this.reach) return;
    this.reach = next;
    for (const listener of this.listeners) listener();
  }

  /**
   * Keeps newly arrived pages. True when a day heading may have moved, so the rows need measuring again: that walks
   * every row (100,000 of them), and most pages of a long history lie inside one day and change no size at all.
   */
  record(pageData: ReadonlyMap<number, readonly HistorySummary[]>): boolean {
    let changed = false;
    for (const [p, entries] of pageData) {
      const current = this.pages.get(p);
      if (current?.entries === entries) continue;
      const days = entries.map((e) => dayKey(e.sentAt));
      this.pages.set(p, { entries, days });
      const before = current?.days ?? [];
      const edges = [this.pages.get(p - 1)?.days.at(-1), this.pages.get(p + 1)?.days[0]];
      const boundaries = (list: readonly string[]) => list.some((day, i) => i > 0 && day !== list[i - 1]);
      if (
        boundaries(days) ||
        boundaries(before) ||
        (edges[0] !== undefined && edges[0] !== days[0]) ||
        (edges[1] !== undefined && edges[1] !== days.at(-1)) ||
        p === 0
      ) {
        changed = true;
      }
    }
    return changed;
  }

  entryAt(index: number): HistorySummary | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.entries[index % this.pageSize];
  }

  /** whether the row at `index` is the first of its day (known only once its page, and the one before, are seen) */
  startsDay(index: number): boolean {
    const day = this.dayOf(index);
    if (day === undefined) return false;
    if (index === 0) return true;
    const previous = this.dayOf(index - 1);
    return previous !== undefined && previous !== day;
  }

  private dayOf(index: number): string | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.days[index % this.pageSize];
  }
}
