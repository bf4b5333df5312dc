import { type HistoryFilter, type HistorySummary, type StatusClass } from '../../../shared/contract';
import { type Db } from './database';
import { ID_SLOTS, whereOf } from './search-text';

/**
 * A text search counts its matches only up to the next multiple of this past the page asked for (see `list`): 500
 * for the first pages, 1,000 once the user scrolls past row 400, and so on.
 */
export const MATCH_COUNT_STEP = 500;
/**
 * Index matches a count may walk for the first pages when filters reject most of them: counting stops sooner, at a
 * lower multiple of 100 (about 5 ms of work; a word in 80% of entries with a filter passing 2% counts to 200).
 */
const MATCH_WALK_BUDGET = 10_000;

/**
 * How far a text search counts for a page ending at `end`: the next multiple of MATCH_COUNT_STEP above it, or, when
 * the other filters pass only `share` of all entries, as far as MATCH_WALK_BUDGET index matches would find (in
 * hundreds) — never less than the next hundred past the page, so the list always extends past what was asked for.
 */
export function matchCountCap(end: number, share = 1): number {
  const byStep = (Math.floor(end / MATCH_COUNT_STEP) + 1) * MATCH_COUNT_STEP;
  const byBudget = Math.floor((MATCH_WALK_BUDGET * share) / 100) * 100;
  return Math.max((Math.floor(end / 100) + 1) * 100, Math.min(byStep, byBudget));
}

interface EntryRow {
  id: number;
  sent_at: number;
  method: string;
  url: string;
  host: string;
  status: number | null;
  status_text: string | null;
  status_class: string;
  duration_ms: number | null;
  response_bytes: number;
  error_code: string | null;
  pinned: number;
  tests_passed: number | null;
  tests_failed: number | null;
  final_url: string | null;
  redirect_count: number | null;
}

export interface FullRow extends EntryRow {
  composed: string | null;
  composed_hash: string | null;
  exchange: string | null;
  error: string | null;
  response_body_hash: string | null;
  request_body_hash: string | null;
}

export interface NewEntry {
  sentAt: number;
  method: string;
  url: string;
  host: string;
  status: number | null;
  statusText: string | null;
  statusClass: StatusClass;
  durationMs: number | null;
  responseBytes: number;
  errorCode: string | null;
  pinned: boolean;
  testsPassed: number | null;
  testsFailed: number | null;
  /** where the redirects ended (null without redirects) */
  finalUrl: string | null;
  redirectCount: number | null;
  /** the saved request's workspace path, or null for an unsaved request */
  savedPath: string | null;
  composed: string | null;
  composedHash: string | null;
  exchange: string | null;
  error: string | null;
  responseBodyHash: string | null;
  requestBodyHash: string | null;
  search: { url: string; headers: string; body: string };
}

interface BlobRow {
  hash: string;
  size: number;
  stored_size: number;
  frames: Buffer;
  refs: number;
}

const SUMMARY_COLUMNS =
  'e.id, e.sent_at, e.method, e.url, e.host, e.status, e.status_text, e.status_class, e.duration_ms, e.response_bytes, e.error_code, e.pinned, e.tests_passed, e.tests_failed, e.final_url, e.redirect_count';

export function toSummary(row: EntryRow): HistorySummary {
  return {
    id: row.id,
    sentAt: row.sent_at,
    method: row.method,
    url: row.url,
    host: row.host,
    status: row.status,
    statusText: row.status_text,
    statusClass: row.status_class as StatusClass,
    durationMs: row.duration_ms,
    responseBytes: row.response_bytes,
    errorCode: row.error_code,
    pinned: row.pinned === 1,
    ...(row.tests_passed === null || row.tests_failed === null ? {} : { tests: { passed: row.tests_passed, failed: row.tests_failed } }),
    ...(row.final_url === null || !row.redirect_count ? {} : { redirectedTo: row.final_url, redirects: row.redirect_count }),
  };
}

/** Prepared statements over one open database; every method is synchronous and runs in the caller's transaction. */
export function createEntryRows(db: Db) {
  const insertBlob = db.prepare('INSERT INTO blobs (hash, size, stored_size, frames, refs) VALUES (?, ?, ?, ?, 0) ON CONFLICT(hash) DO NOTHING');
  const insertEntry = db.prepare(`INSERT INTO entries (id, sent_at, method, url, host, status, status_text, status_class, duration_ms, response_bytes,
      error_code, pinned, composed_hash, response_body_hash, request_body_hash, tests_passed, tests_failed,
      final_url, redirect_count, saved_path)
      VALUES (@id, @sentAt, @method, @url, @host, @status, @statusText, @statusClass, @durationMs, @responseBytes,
      @errorCode, @pinned, @composedHash, @responseBodyHash, @requestBodyHash, @testsPassed, @testsFailed,
      @finalUrl, @redirectCount, @savedPath)`);
  const insertDetails = db.prepare('INSERT INTO entry_details (id, composed, exchange, error) VALUES (?, ?, ?, ?)');
  const insertFts = db.prepare('INSERT INTO entries_fts (rowid, url, headers, body) VALUES (?, ?, ?, ?)');
  const selectSummary = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM entries e WHERE e.id = ?`);
  const selectFull = db.prepare('SELECT e.*, d.composed, d.exchange, d.error FROM entries e JOIN entry_details d ON d.id = e.id WHERE e.id = ?');
  const selectBlob = db.prepare('SELECT hash, size, stored_size, frames, refs FROM blobs WHERE hash = ?');
  const hasBlob = db.prepare('SELECT 1 FROM blobs WHERE hash = ?').pluck();
  const updatePin = db.prepare('UPDATE entries SET pinned = ? WHERE id = ?');
  const stats = db.prepare('SELECT entries, pinned, stored_bytes FROM stats WHERE id = 1');
  const unreferenced = db.prepare('SELECT hash FROM blobs WHERE refs <= 0 LIMIT ?').pluck();
  const deleteBlob = db.prepare('DELETE FROM blobs WHERE hash = ?');
  const oldestUnpinned = db.prepare('SELECT id FROM entries WHERE pinned = 0 ORDER BY id ASC LIMIT ?').pluck();
  const deleteEntry = db.prepare('DELETE FROM entries WHERE id = ?');
  const allIds = db.prepare('SELECT id FROM entries').pluck();
  const lastInSlot = db.prepare('SELECT max(id) FROM entries WHERE id >= ? AND id < ?').pluck();
  // Up to 1,024 entries per millisecond keep their order; beyond that they spill into the next millisecond's slots.
  const idFor = (sentAt: number): number => {
    let base = Math.max(0, Math.floor(sentAt)) * ID_SLOTS;
    for (;;) {
      const last = lastInSlot.get(base, base + ID_SLOTS) as number | null;
      if (last === null) return base;
      if (last + 1 < base + ID_SLOTS) return last + 1;
      base += ID_SLOTS;
    }
  };
  // Totals are the expensive half of a search (the page stops after `limit`). The panel asks for many pages of one
  // search while the user scrolls, so a total is kept until the next write. A capped count (`capped`: more exist)
  // answers any later request whose cap it reaches; an exact one answers every request.
  let generation = 0;
  const totals = new Map<string, { generation: number; total: number; capped: boolean }>();
  const cachedTotal = (key: string, cap: number, compute: (cap: number) => { total: number; capped: boolean }): { total: number; capped: boolean } => {
    const hit = totals.get(key);
    if (hit && hit.generation === generation && (!hit.capped || hit.total >= cap)) return { total: hit.total, capped: hit.capped };
    const counted = compute(cap);
    totals.delete(key);
    totals.set(key, { generation, ...counted });
    if (totals.size > 100) totals.delete(totals.keys().next().value as string);
    return counted;
  };
  const listCache = new Map<string, ReturnType<Db['prepare']>>();
  /** entries the filters (no text) pass: exact, counted from their covering indexes, cached until the next write */
  const filterCount = (sql: string, params: unknown[]): number =>
    cachedTotal(JSON.stringify([null, sql, params]), 0, () => ({
      total: prepared(`SELECT count(*) FROM entries e WHERE ${sql}`).pluck().get(params) as number,
      capped: false,
    })).total;

  const prepared = (sql: string) => {
    let statement = listCache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      listCache.set(sql, statement);
      if (listCache.size > 200) listCache.delete(listCache.keys().next().value as string);
    }
    return statement;
  };

  return {
    /** Every write calls this (through the service), so cached totals never outlive the data they counted. */
    changed(): void {
      generation++;
    },
    insertBlobs(blobs: { hash: string; size: number; storedSize: number; frames: Buffer }[]): void {
      for (const blob of blobs) insertBlob.run(blob.hash, blob.size, blob.storedSize, blob.frames);
    },
    insert(entry: NewEntry): number {
      const id = idFor(entry.sentAt);
      const { composed, exchange, error, search: _search, ...row } = entry;
      insertEntry.run({ ...row, id, pinned: entry.pinned ? 1 : 0 });
      insertDetails.run(id, composed, exchange, error);
      insertFts.run(id, entry.search.url, entry.search.headers, entry.search.body);
      return id;
    },
    summary(id: number): HistorySummary | null {
      const row = selectSummary.get(id) as EntryRow | undefined;
      return row ? toSummary(row) : null;
    },
    full(id: number): FullRow | null {
      return (selectFull.get(id) as FullRow | undefined) ?? null;
    },
    blob(hash: string): BlobRow | null {
      return (selectBlob.get(hash) as BlobRow | undefined) ?? null;
    },
    hasBlob(hash: string): boolean {
      return hasBlob.get(hash) !== undefined;
    },
    setPinned(id: number, pinned: boolean): boolean {
      return updatePin.run(pinned ? 1 : 0, id).changes > 0;
    },
    stats(): { entries: number; pinned: number; storedBytes: number } {
      const row = stats.get() as { entries: number; pinned: number; stored_bytes: number };
      return { entries: row.entries, pinned: row.pinned, storedBytes: row.stored_bytes };
    },
    /**
     * A page, newest first, and how many entries match. A text search counts its matches only up to a cap past the
     * end of this page (`matchCountCap`): counting every match of a common word costs far more
     * than the page (20–40 ms for a word in most of 100,000 entries, 70–115 ms with filters, against ~2 ms).
     * `totalCapped` says more exist; asking for pages further on raises the cap, so every match stays reachable.
     * Without text the count is exact (the stats row, or the filters' covering indexes).
     */
    list(filter: HistoryFilter, offset: number, limit: number): { total: number; totalCapped: boolean; entries: HistorySummary[] } {
      const where = whereOf(filter);
      const and = where.sql === '' ? '' : ` AND ${where.sql}`;
      let rows: EntryRow[];
      let total: number;
      let totalCapped = false;
      if (where.match !== null) {
        const from = 'FROM entries_fts f CROSS JOIN entries e ON e.id = f.rowid WHERE f.entries_fts MATCH ?';
        const match = where.match;
        // How much of the store the other filters pass (exact and cheap from their covering indexes) decides how
        // far counting can go for the same work.
        const share = where.sql === '' ? 1 : filterCount(where.sql, where.params) / Math.max(1, this.stats().entries);
        const cap = matchCountCap(offset + limit, share);
        const walked: { ids?: number[] } = {};
        ({ total, capped: totalCapped } = cachedTotal(JSON.stringify([match, where.sql, where.params]), cap, (cap) => {
          // Counts at most cap + 1 matches. FTS5 reads doclists lazily, so LIMIT stops the walk early: 1,001 matches
          // of a word in 80% of 100,000 entries take ~0.5 ms instead of 24 ms.
          let counted: number;
          if (where.sql === '') {
            counted = prepared('SELECT count(*) FROM (SELECT 1 FROM entries_fts WHERE entries_fts MATCH ? LIMIT ?)')
              .pluck()
              .get([match, cap + 1]) as number;
          } else {
            // With filters the walk also passes every match they reject, so the page and the count share one walk:
            // newest first up to cap + 1 ids, the page being a slice of them.
            walked.ids = prepared(`SELECT e.id ${from}${and} ORDER BY f.rowid DESC LIMIT ?`)
              .pluck()
              .all([match, ...where.params, cap + 1]) as number[];
            counted = walked.ids.length;
          }
          return counted > cap ? { total: cap, capped: true } : { total: counted, capped: false };
        }));
        // Otherwise the search index walks its matches newest first (rowid = id) and the page stops after `limit` rows.
        rows = walked.ids
          ? walked.ids.slice(offset, offset + limit).flatMap((id) => (selectSummary.get(id) as EntryRow | undefined) ?? [])
          : (prepared(`SELECT ${SUMMARY_COLUMNS} ${from}${and} ORDER BY f.rowid DESC LIMIT ? OFFSET ?`).all([
              match,
              ...where.params,
              limit,
              offset,
            ]) as EntryRow[]);
      } else {
        const clause = where.sql === '' ? '' : ` WHERE ${where.sql}`;
        rows = prepared(`SELECT ${SUMMARY_COLUMNS} FROM entries e${clause} ORDER BY e.id DESC LIMIT ? OFFSET ?`).all([
          ...where.params,
          limit,
          offset,
        ]) as EntryRow[];
        if (where.sql === '') total = this.stats().entries;
        else if (where.sql === 'e.pinned = 1') total = this.stats().pinned;
        else total = filterCount(where.sql, where.params);
      }
      return { total, totalCapped, entries: rows.map(toSummary) };
    },
    /** ids matching a filter, oldest first (HAR order) */
    ids(filter: HistoryFilter): number[] {
      const where = whereOf(filter);
      const and = where.sql === '' ? '' : ` AND ${where.sql}`;
      if (where.match !== null) {
        return prepared(`SELECT e.id FROM entries_fts f CROSS JOIN entries e ON e.id = f.rowid WHERE f.entries_fts MATCH ?${and} ORDER BY f.rowid ASC`)
          .pluck()
          .all([where.match, ...where.params]) as number[];
      }
      return prepared(`SELECT e.id FROM entries e${where.sql === '' ? '' : ` WHERE ${where.sql}`} ORDER BY e.id ASC`)
        .pluck()
        .all(where.params) as number[];
    },
    existing(ids: number[]): number[] {
      return ids.filter((id) => selectSummary.get(id) !== undefined);
    },
    allIds(): number[] {
      return allIds.all() as number[];
    },
    deleteIds(ids: number[]): number {
      let deleted = 0;
      for (const id of ids) deleted += deleteEntry.run(id).changes;
      return deleted;
    },
    oldestUnpinned(limit: number): number[] {
      return oldestUnpinned.all(limit) as number[];
    },
    /** Removes blob rows nothing refers to (skipping `keep`), returning their hashes so the files can go. */
    takeUnreferenced(keep: { has(hash: string): boolean }, limit = 10_000): string[] {
      const hashes = (unreferenced.all(limit) as string[]).filter((hash) => !keep.has(hash));
      for (const hash of hashes) deleteBlob.run(hash);
      return hashes;
    },
  };
}
