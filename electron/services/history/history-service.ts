import path from 'node:path';
import {
  CourierError,
  httpExchangeSchema,
  httpRequestSpecSchema,
  type BridgeError,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryRetention,
  type HistorySelection,
  type HistorySummary,
  type HistoryUsage,
  type HttpExchange,
  type HttpRequestSpec,
} from '../../../shared/contract';
import { bufferSource, createBlobStore, EMPTY_SHA256, FRAME_BYTES, type BodySource, type WrittenBlob } from './blob-store';
import { openDatabase, type Db } from './database';
import { tightenFile } from './private-files';
import { createEntryRows, toSummary, type FullRow, type NewEntry } from './entry-rows';
import { exportHar, importHarEntries } from './har';
import { alreadyRecorded } from './import-dedupe';
import { headerText, hostOf, INDEXED_BODY_BYTES, searchableBodyText, statusClassOf } from './search-text';
import { loadRetention, saveRetention } from './settings';
import { testCounts } from '../../../shared/testing';

const HISTORY_BODY_PREFIX = 'history:';
/** Composed requests above this (file uploads carried inline) are kept as a body file, not in the index. */
const COMPOSED_INLINE_MAX = 64 * 1024;
const RETENTION_BATCH = 200;

export interface RecordInput {
  sentAt: number;
  /** the request as the user composed it */
  composed: HttpRequestSpec;
  exchange: HttpExchange | null;
  error: BridgeError | null;
  /** decoded response body (null for a failed exchange) */
  responseBody: BodySource | null;
  /** request body as sent (null when there was none) */
  requestBody: BodySource | null;
  pinned?: boolean;
  /** the saved request's workspace path when it was sent from one */
  savedPath?: string;
}

/** The URL the user sent: the first hop when the server redirected, as Postman and Insomnia list it. */
function sentUrlOf(exchange: HttpExchange | null, composed: HttpRequestSpec): string {
  return exchange?.redirects[0]?.url ?? exchange?.request.url ?? composed.url;
}

export interface HistoryServiceOptions {
  /** folder of its own, e.g. <dataDir>/history: history.db, bodies/, settings.json */
  dir: string;
  now?: () => number;
  synchronous?: 'NORMAL' | 'FULL';
  /** better-sqlite3 addon for another ABI (Electron); see README.md */
  nativeBinding?: string;
  onChange?: (change: { reason: 'added' | 'deleted' | 'pinned' | 'cleared' | 'imported' | 'retention'; summary: HistorySummary | null }) => void;
  onInternalError?: (error: unknown) => void;
  /** delay before the startup sweep of body files no row names (a crash mid-write); default 10 s */
  orphanSweepDelayMs?: number;
  /** quiet time after the last write before the search index is merged; default 3 s */
  maintenanceDelayMs?: number;
}

export interface HistoryService {
  /** things the user should be told at startup (a damaged database moved aside) */
  readonly notices: readonly string[];
  record(input: RecordInput): Promise<HistorySummary>;
  /** All or nothing, one transaction: bulk imports and fixtures. */
  recordMany(inputs: RecordInput[], reason?: 'added' | 'imported'): Promise<HistorySummary[]>;
  /** `totalCapped`: a text search stopped counting at `total` and more exist (pages further on count further) */
  list(filter: HistoryFilter, offset: number, limit: number): { total: number; totalCapped: boolean; offset: number; entries: HistorySummary[] };
  get(id: number): Promise<HistoryEntry>;
  isHistoryBodyId(bodyId: string): boolean;
  readBody(bodyId: string, offset: number, length: number): Promise<{ bytes: Buffer; total: number }>;
  pin(id: number, pinned: boolean): HistorySummary;
  delete(selection: HistorySelection): Promise<number>;
  clear(): Promise<number>;
  usage(): HistoryUsage;
  setRetention(retention: HistoryRetention): Promise<HistoryUsage>;
  exportHar(selection: HistorySelection, creatorVersion: string): Promise<{ har: string; entries: number }>;
  /** `alreadyPresent`: entries of the file history already had (the same file imported before); they are skipped */
  importHar(text: string): Promise<{ imported: number; alreadyPresent: number }>;
  /**
   * Merges the search index's segments a little at a time until nothing is left to merge. Runs by itself a few
   * seconds after writes stop; call it to finish the work at once (benchmarks, tests).
   */
  maintainIndex(): Promise<void>;
  /** the database handle, for tests and benchmarks */
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * SQLite ends a string at NUL inside FTS5 and LIKE patterns and then fails as if the database were broken, which the
 * user would read as "check free disk space". No URL, header or body search can contain NUL, so it is bad input.
 */
function checkedFilter(filter: HistoryFilter): HistoryFilter {
  for (const [field, value] of [
    ['search', filter.text],
    ['host', filter.host],
  ] as const) {
    if (value?.includes('\0')) throw new CourierError('INVALID_INPUT', `The history ${field} cannot contain a NUL character.`);
  }
  return filter;
}

function storageError(error: unknown): CourierError {
  if (error instanceof CourierError) return error;
  const detail = error instanceof Error ? error.message.slice(0, 300) : undefined;
  return new CourierError('STORAGE_ERROR', 'History could not be saved or read. Check free disk space and that the data folder is writable.', detail);
}

export function createHistoryService(options: HistoryServiceOptions): HistoryService {
  const now = options.now ?? Date.now;
  const reportInternal = options.onInternalError ?? ((error: unknown) => console.error('History:', error));
  const bodiesDir = path.join(options.dir, 'bodies');
  const settingsFile = path.join(options.dir, 'settings.json');
  const { db, notices } = openDatabase({
    file: path.join(options.dir, 'history.db'),
    synchronous: options.synchronous,
    nativeBinding: options.nativeBinding,
    now,
    companions: [bodiesDir],
  });
  const rows = createEntryRows(db);
  const blobs = createBlobStore(bodiesDir);
  tightenFile(settingsFile);
  let retention = loadRetention(settingsFile);
  const pending = new Set<Promise<unknown>>();
  let closed = false;
  const emit = options.onChange ?? (() => undefined);

  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
    return work;
  };
  const ensureOpen = (): void => {
    if (closed) throw new CourierError('STORAGE_ERROR', 'History is closed because Courier is shutting down.');
  };

  /** Files whose rows are gone; the rows go in the caller's transaction, the files right after. */
  const sweepUnreferenced = (): void => {
    const hashes = db.transaction(() => rows.takeUnreferenced(blobs.inFlight))();
    if (hashes.length > 0) track(blobs.remove(hashes)).catch(reportInternal);
  };

  const enforceRetention = (): boolean => {
    let removedAny = false;
    for (let round = 0; round < 50; round++) {
      const stats = rows.stats();
      const overCount = stats.entries - retention.maxEntries;
      const overBytes = stats.storedBytes > retention.maxBodyBytes;
      if (overCount <= 0 && !overBytes) break;
      // Over on bytes: remove about as many entries as the excess needs at the average size, never more than a batch.
      const excessBytes = stats.storedBytes - retention.maxBodyBytes;
      const perEntry = Math.max(1, stats.storedBytes / Math.max(1, stats.entries));
      const byBytes = overBytes ? Math.min(RETENTION_BATCH, Math.max(1, Math.ceil(excessBytes / perEntry))) : 0;
      const batch = Math.max(byBytes, Math.min(RETENTION_BATCH * 5, Math.max(0, overCount)));
      rows.changed();
      const removed = db.transaction(() => {
        const ids = rows.oldestUnpinned(batch);
        const count = rows.deleteIds(ids);
        return count;
      })();
      if (removed === 0) break;
      removedAny = true;
      sweepUnreferenced();
    }
    return removedAny;
  };

  const writeBlob = async (source: BodySource | null, written: WrittenBlob[]): Promise<WrittenBlob | null> => {
    if (source === null || source.size === 0) return null;
    const blob = await blobs.write(source, INDEXED_BODY_BYTES, (hash) => rows.hasBlob(hash));
    written.push(blob);
    return blob;
  };

  const testColumns = (exchange: HttpExchange | null): { testsPassed: number | null; testsFailed: number | null } => {
    const results = exchange?.tests?.results;
    if (!results || results.length === 0) return { testsPassed: null, testsFailed: null };
    const counts = testCounts(results);
    return { testsPassed: counts.passed, testsFailed: counts.failed };
  };

  const prepare = async (input: RecordInput, written: WrittenBlob[]): Promise<NewEntry> => {
    // Hosts validated it against the contract (HAR imports parse it themselves).
    const composedSpec = input.composed;
    let composedJson: string | null = JSON.stringify(composedSpec);
    let composedHash: string | null = null;
    if (composedJson.length > COMPOSED_INLINE_MAX) {
      const blob = await writeBlob(bufferSource(Buffer.from(composedJson, 'utf8')), written);
      composedHash = blob?.hash ?? null;
      composedJson = null;
    }
    const request = await writeBlob(input.requestBody, written);
    const response = await writeBlob(input.responseBody, written);
    const exchange = input.exchange;
    const url = sentUrlOf(exchange, composedSpec);
    const redirectCount = exchange?.redirects.length ?? 0;
    const status = exchange?.response.status ?? null;
    const requestContentType = exchange?.request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
    const bodyText = [
      request ? searchableBodyText(request.prefix, requestContentType) : '',
      response ? searchableBodyText(response.prefix, exchange?.body.contentType ?? null) : '',
    ]
      .filter(Boolean)
      .join('\n');
    const headers = exchange
      ? `${headerText(exchange.request.headers)}\n${headerText(exchange.response.headers)}`
      : headerText(composedSpec.headers.filter((h) => h.enabled !== false).map((h) => [h.name, h.value]));
    return {
      sentAt: input.sentAt,
      method: exchange?.request.method ?? composedSpec.method,
      url,
      host: hostOf(url),
      status,
      statusText: exchange?.response.statusText ?? null,
      statusClass: statusClassOf(status),
      durationMs: exchange?.timings.total ?? null,
      responseBytes: exchange?.body.size ?? 0,
      errorCode: input.error?.code ?? null,
      pinned: input.pinned === true,
      ...testColumns(exchange),
      finalUrl: exchange && redirectCount > 0 ? exchange.request.url : null,
      redirectCount: redirectCount > 0 ? redirectCount : null,
      savedPath: input.savedPath ?? null,
      composed: composedJson,
      composedHash,
      exchange: exchange ? JSON.stringify({ ...exchange, body: { ...exchange.body, id: '' } }) : null,
      error: input.error ? JSON.stringify(input.error) : null,
      responseBodyHash: response?.hash ?? null,
      requestBodyHash: request?.hash ?? null,
      search: { url, headers, body: bodyText },
    };
  };

  const recordMany = async (inputs: RecordInput[], reason: 'added' | 'imported' = 'added'): Promise<HistorySummary[]> => {
    ensureOpen();
    const written: WrittenBlob[] = [];
    try {
      const entries: NewEntry[] = [];
      // A few entries at a time: large bodies stream through the thread pool side by side, memory stays bounded.
      for (let i = 0; i < inputs.length; i += 8) {
        entries.push(...(await Promise.all(inputs.slice(i, i + 8).map((input) => prepare(input, written)))));
      }
      ensureOpen();
      rows.changed();
      const ids = db.transaction(() => {
        rows.insertBlobs(written.filter((blob) => !blob.existing));
        return entries.map((entry) => rows.insert(entry));
      })();
      scheduleMaintenance();
      const summaries = ids.map((id) => rows.summary(id) as HistorySummary);
      if (enforceRetention()) emit({ reason: 'retention', summary: null });
      if (reason === 'imported') emit({ reason, summary: null });
      else for (const summary of summaries) if (rows.summary(summary.id)) emit({ reason, summary });
      return summaries;
    } catch (error) {
      throw storageError(error);
    } finally {
      for (const blob of written) blobs.settle(blob.hash);
      if (written.length > 0 && !closed) {
        // Blobs an import wrote before failing are unreferenced; rows were never written, files go with the sweep.
        const orphans = written.filter((blob) => !rows.hasBlob(blob.hash) && !blobs.inFlight.has(blob.hash)).map((blob) => blob.hash);
        if (orphans.length > 0) track(blobs.remove(orphans)).catch(reportInternal);
      }
    }
  };

  const bodyIdOf = (hash: string | null, size: number): string =>
    size === 0 ? `${HISTORY_BODY_PREFIX}${EMPTY_SHA256}` : hash ? `${HISTORY_BODY_PREFIX}${hash}` : `${HISTORY_BODY_PREFIX}missing`;

  const readWhole = async (hash: string): Promise<Buffer> => {
    const blob = rows.blob(hash);
    if (!blob) throw new CourierError('BODY_NOT_FOUND', 'This body is no longer in history.', hash);
    const parts: Buffer[] = [];
    for (let offset = 0; offset < blob.size; offset += FRAME_BYTES * 8) parts.push(await blobs.read(blob, offset, FRAME_BYTES * 8));
    return Buffer.concat(parts);
  };

  const entryOf = async (row: FullRow): Promise<HistoryEntry> => {
    const composedText = row.composed ?? (row.composed_hash ? (await readWhole(row.composed_hash)).toString('utf8') : '{}');
    const composed = httpRequestSpecSchema.parse(JSON.parse(composedText));
    let exchange: HttpExchange | null = null;
    if (row.exchange) {
      const parsed = httpExchangeSchema.parse(JSON.parse(row.exchange));
      // The body is kept masked (a secret or session cookie it echoed became '••••••', 18 bytes), so its length may
      // differ from what arrived: the window reads the stored bytes and needs their size, or it cuts the text short
      const stored = row.response_body_hash ? rows.blob(row.response_body_hash) : null;
      const size = stored ? stored.size : parsed.body.size;
      exchange = { ...parsed, body: { ...parsed.body, size, id: bodyIdOf(row.response_body_hash, size), spooled: false } };
    }
    return {
      summary: toSummary(row),
      composed,
      exchange,
      error: row.error ? (JSON.parse(row.error) as BridgeError) : null,
      requestBodyId: row.request_body_hash ? `${HISTORY_BODY_PREFIX}${row.request_body_hash}` : null,
    };
  };

  const idsOf = (selection: HistorySelection): number[] => ('ids' in selection ? rows.existing(selection.ids) : rows.ids(checkedFilter(selection.filter)));

  const deleteIds = async (ids: number[]): Promise<number> => {
    ensureOpen();
    let deleted = 0;
    try {
      // Batches keep each write transaction short, so a huge delete never stalls a recording for long.
      for (let i = 0; i < ids.length; i += 2000) {
        const batch = ids.slice(i, i + 2000);
        rows.changed();
        deleted += db.transaction(() => rows.deleteIds(batch))();
        scheduleMaintenance();
        sweepUnreferenced();
        if (i + 2000 < ids.length) await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      throw storageError(error);
    }
    return deleted;
  };

  const usage = (): HistoryUsage => {
    const stats = rows.stats();
    return { entries: stats.entries, pinned: stats.pinned, bodyBytes: stats.storedBytes, retention: { ...retention } };
  };

  // Every write transaction adds a segment to the FTS5 index; a search has to visit them all, so a history built
  // from many writes searches several times slower than the same one merged (20 ms instead of 200 ms for a term in
  // all of 100,000 entries). Merging runs when writes stop, in steps of a few ms that yield to everything else.
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const mergeStep = db.prepare("INSERT INTO entries_fts(entries_fts, rank) VALUES('merge', ?)");
  let maintenanceTimer: NodeJS.Timeout | null = null;
  let maintaining: Promise<void> | null = null;
  const maintainIndex = (): Promise<void> => {
    maintaining ??= (async () => {
      try {
        // A negative page count merges across levels too (an incremental 'optimize'). The step size adapts so each
        // step blocks for about 5–15 ms, then yields.
        let pages = 64;
        while (!closed) {
          const before = totalChanges.get() as number;
          const started = performance.now();
          mergeStep.run(-pages);
          const took = performance.now() - started;
          if ((totalChanges.get() as number) - before < 2) break;
          if (took < 5) pages = Math.min(pages * 2, 4096);
          else if (took > 15) pages = Math.max(pages >> 1, 16);
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        reportInternal(error);
      } finally {
        maintaining = null;
      }
    })();
    return maintaining;
  };
  const scheduleMaintenance = (): void => {
    if (closed) return;
    if (maintenanceTimer) clearTimeout(maintenanceTimer);
    maintenanceTimer = setTimeout(() => void maintainIndex(), options.maintenanceDelayMs ?? 3_000);
    maintenanceTimer.unref();
  };

  // A crash can leave blob rows nobody references (before their files went) or files no row names (before the
  // entry committed). Both are swept a little after start, off the startup path.
  const sweepTimer = setTimeout(() => {
    if (closed) return;
    try {
      sweepUnreferenced();
    } catch (error) {
      reportInternal(error);
    }
    track(blobs.sweepOrphans((hash) => !closed && rows.hasBlob(hash), 60 * 60 * 1000)).catch(reportInternal);
  }, options.orphanSweepDelayMs ?? 10_000);
  sweepTimer.unref();

  const service: HistoryService = {
    notices,
    db,
    record: (input) => track(recordMany([input]).then((summaries) => summaries[0] as HistorySummary)),
    recordMany: (inputs, reason) => track(recordMany(inputs, reason)),

    list(filter, offset, limit) {
      ensureOpen();
      try {
        return { offset, ...rows.list(checkedFilter(filter), offset, limit) };
      } catch (error) {
        if (error instanceof CourierError) throw error;
        if (error instanceof Error && /fts5|MATCH/i.test(error.message)) return { total: 0, totalCapped: false, offset, entries: [] };
        throw storageError(error);
      }
    },

    async get(id) {
      ensureOpen();
      const row = rows.full(id);
      if (!row) throw new CourierError('HISTORY_NOT_FOUND', 'This history entry no longer exists.', String(id));
      return entryOf(row);
    },

    isHistoryBodyId: (bodyId) => bodyId.startsWith(HISTORY_BODY_PREFIX),

    async readBody(bodyId, offset, length) {
      ensureOpen();
      const hash = bodyId.slice(HISTORY_BODY_PREFIX.length);
      if (hash === EMPTY_SHA256) return { bytes: Buffer.alloc(0), total: 0 };
      const blob = /^[0-9a-f]{64}$/.test(hash) ? rows.blob(hash) : null;
      if (!blob) throw new CourierError('BODY_NOT_FOUND', 'This body is no longer in history (the entry was deleted).', bodyId.slice(0, 128));
      try {
        return { bytes: await blobs.read(blob, offset, length), total: blob.size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new CourierError('BODY_NOT_FOUND', 'The file holding this body is missing from the history folder.', bodyId.slice(0, 128));
        }
        throw storageError(error);
      }
    },

    pin(id, pinned) {
      ensureOpen();
      rows.changed();
      if (!rows.setPinned(id, pinned)) throw new CourierError('HISTORY_NOT_FOUND', 'This history entry no longer exists.', String(id));
      const summary = rows.summary(id) as HistorySummary;
      emit({ reason: 'pinned', summary });
      return summary;
    },

    async delete(selection) {
      const deleted = await deleteIds(idsOf(selection));
      if (deleted > 0) emit({ reason: 'deleted', summary: null });
      return deleted;
    },

    async clear() {
      const deleted = await deleteIds(rows.allIds());
      emit({ reason: 'cleared', summary: null });
      return deleted;
    },

    usage,

    async setRetention(next) {
      ensureOpen();
      retention = { ...next };
      try {
        await saveRetention(settingsFile, retention);
      } catch (error) {
        throw storageError(error);
      }
      if (enforceRetention()) emit({ reason: 'retention', summary: null });
      return usage();
    },

    async exportHar(selection, creatorVersion) {
      ensureOpen();
      const ids = idsOf(selection);
      const entries: HistoryEntry[] = [];
      for (const id of ids) {
        const row = rows.full(id);
        if (row) entries.push(await entryOf(row));
      }
      const har = await exportHar(entries, creatorVersion, async (bodyId) => {
        if (bodyId === null) return null;
        const hash = bodyId.slice(HISTORY_BODY_PREFIX.length);
        if (hash === EMPTY_SHA256) return Buffer.alloc(0);
        return rows.blob(hash) ? readWhole(hash) : null;
      });
      return { har, entries: entries.length };
    },

    async importHar(text) {
      const inputs = importHarEntries(text, now);
      ensureOpen();
      const known = alreadyRecorded(
        db,
        inputs.map((input) => ({
          sentAt: input.sentAt,
          method: input.exchange?.request.method ?? input.composed.method,
          // the final hop's URL, which is what an exported HAR entry holds (compared with final_url, see import-dedupe)
          url: input.exchange?.request.url ?? input.composed.url,
          status: input.exchange?.response.status ?? null,
        })),
      );
      const fresh = inputs.filter((_, index) => !known[index]);
      const summaries = fresh.length > 0 ? await service.recordMany(fresh, 'imported') : [];
      return { imported: summaries.length, alreadyPresent: inputs.length - fresh.length };
    },

    maintainIndex,

    async close() {
      if (closed) return;
      clearTimeout(sweepTimer);
      if (maintenanceTimer) clearTimeout(maintenanceTimer);
      while (pending.size > 0) await Promise.allSettled([...pending]);
      closed = true;
      try {
        // Cheap at close, and keeps the planner's statistics current for the filters people use.
        db.pragma('optimize');
      } catch (error) {
        reportInternal(error);
      }
      db.close();
    },
  };
  return service;
}
