import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, openSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { privateDir, PRIVATE_FILE_MODE, tightenFile } from './private-files';
import { MIGRATIONS } from './schema';

export type Db = BetterSqlite3.Database;

/**
 * better-sqlite3, loaded when the first database opens: `courier run` without a data folder keeps no history, and
 * loading the package cost its start ~15 ms. Synchronous, like the rest of opening a database.
 */
let loaded: typeof BetterSqlite3 | undefined;
const Database = (): typeof BetterSqlite3 => (loaded ??= createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3);

interface OpenedDatabase {
  db: Db;
  /** what the user should be told (a damaged file moved aside) */
  notices: string[];
}

interface OpenDatabaseOptions {
  file: string;
  /** 'NORMAL' keeps every committed transaction across a process crash (WAL); 'FULL' also across power loss */
  synchronous?: 'NORMAL' | 'FULL';
  /** addon built for another ABI (Electron); see README.md */
  nativeBinding?: string;
  now?: () => number;
  /** folders that belong to this database (its body files), moved aside with it */
  companions?: string[];
}

function configure(db: Db, synchronous: 'NORMAL' | 'FULL'): void {
  db.pragma('busy_timeout = 5000');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal') throw new Error(`journal_mode is ${String(mode)}, not WAL`);
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -16000');
}

function migrate(db: Db): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > MIGRATIONS.length) {
    throw new Error(`history.db was written by a newer Courier (schema ${version}, this one knows ${MIGRATIONS.length})`);
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    const sql = MIGRATIONS[next] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${next + 1}`);
    }).immediate();
  }
}

/**
 * The database and its -wal and -shm are the owner's alone. SQLite creates -wal and -shm with the mode of the
 * database file, so the file is created 0600 before SQLite opens it; files an older run left wider are tightened.
 */
function makePrivate(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const suffix of ['', '-wal', '-shm']) tightenFile(file + suffix);
}

function openAndCheck(options: OpenDatabaseOptions): Db {
  makePrivate(options.file);
  const db = new (Database())(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    configure(db, options.synchronous ?? 'NORMAL');
    migrate(db);
    makePrivate(options.file);
    // Cheap reads that touch the schema and the tables we rely on: a damaged header or root page fails here.
    db.prepare('SELECT entries, pinned, stored_bytes FROM stats WHERE id = 1').get();
    db.prepare('SELECT id FROM entries ORDER BY id DESC LIMIT 1').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isNewerSchema(error: unknown): boolean {
  return error instanceof Error && /written by a newer Courier/.test(error.message);
}

/**
 * Opens (creating if needed) and migrates the history database. A file that cannot be opened is never deleted and
 * never blocks startup: it is moved aside with its -wal and -shm as `history.db.corrupt-<timestamp>` and a fresh
 * database takes its place; the returned notice tells the user where the old one went.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  privateDir(path.dirname(options.file));
  try {
    return { db: openAndCheck(options), notices: [] };
  } catch (error) {
    const stamp = new Date((options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
    const aside = `${options.file}.corrupt-${stamp}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(options.file + suffix)) renameSync(options.file + suffix, aside + suffix);
    }
    // Its bodies go with it, so the fresh store's sweep never deletes files the old database refers to.
    for (const companion of options.companions ?? []) {
      if (existsSync(companion)) renameSync(companion, `${companion}.corrupt-${stamp}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    const notice = isNewerSchema(error)
      ? `Your history was written by a newer version of Courier, so this version started a new, empty history. The old file was kept as ${aside}.`
      : `Your history database could not be read (${reason}), so Courier started a new, empty history. The damaged file was kept as ${aside}.`;
    return { db: openAndCheck(options), notices: [notice] };
  }
}
