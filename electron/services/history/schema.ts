/**
 * Migrations, applied in order inside one transaction each; PRAGMA user_version records how many have run.
 * Never edit a released migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  -- id = sent_at * 1024 + n: ordering by id is ordering by time (newest first is a reverse rowid walk, which the
  -- search index can do too), and every secondary index below is implicitly sorted by it.
  CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    sent_at INTEGER NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    host TEXT NOT NULL,
    status INTEGER,
    status_text TEXT,
    status_class TEXT NOT NULL,
    duration_ms REAL,
    response_bytes INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    pinned INTEGER NOT NULL DEFAULT 0,
    composed_hash TEXT,
    response_body_hash TEXT,
    request_body_hash TEXT
  );
  -- The heavy part of an entry lives apart, so list, count and filter scans only touch small rows.
  CREATE TABLE entry_details (
    id INTEGER PRIMARY KEY,
    -- the request as composed (JSON), or NULL when it was large enough to be kept as a blob (entries.composed_hash)
    composed TEXT,
    -- the exchange JSON without its body id, or NULL for a failed exchange
    exchange TEXT,
    error TEXT
  );
  -- Each also holds the other filter columns, so combined filters are counted from the index alone.
  CREATE INDEX entries_host ON entries(host, status_class, method);
  CREATE INDEX entries_method ON entries(method, status_class);
  CREATE INDEX entries_class ON entries(status_class, method);
  CREATE INDEX entries_pinned ON entries(pinned);

  -- content-addressed bodies: sha256 of the decoded bytes; files under bodies/<aa>/<hash>.gz
  CREATE TABLE blobs (
    hash TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    stored_size INTEGER NOT NULL,
    -- compressed length of each frame (little-endian uint32s); every frame but the last holds FRAME_BYTES
    frames BLOB NOT NULL,
    refs INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE INDEX blobs_unreferenced ON blobs(refs) WHERE refs <= 0;

  -- one row: counts kept by triggers so usage and retention never scan
  CREATE TABLE stats (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    entries INTEGER NOT NULL,
    pinned INTEGER NOT NULL,
    stored_bytes INTEGER NOT NULL
  );
  INSERT INTO stats (id, entries, pinned, stored_bytes) VALUES (1, 0, 0, 0);

  -- trigram: any substring of 3+ characters matches (a word inside a JSON body, part of a host).
  -- Contentless: the index keeps no second copy of the text.
  CREATE VIRTUAL TABLE entries_fts USING fts5(url, headers, body, content='', contentless_delete=1, tokenize='trigram');

  CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
    UPDATE stats SET entries = entries + 1, pinned = pinned + NEW.pinned WHERE id = 1;
    UPDATE blobs SET refs = refs + 1 WHERE hash = NEW.response_body_hash;
    UPDATE blobs SET refs = refs + 1 WHERE hash = NEW.request_body_hash;
    UPDATE blobs SET refs = refs + 1 WHERE hash = NEW.composed_hash;
  END;
  CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
    UPDATE stats SET entries = entries - 1, pinned = pinned - OLD.pinned WHERE id = 1;
    UPDATE blobs SET refs = refs - 1 WHERE hash = OLD.response_body_hash;
    UPDATE blobs SET refs = refs - 1 WHERE hash = OLD.request_body_hash;
    UPDATE blobs SET refs = refs - 1 WHERE hash = OLD.composed_hash;
    DELETE FROM entries_fts WHERE rowid = OLD.id;
    DELETE FROM entry_details WHERE id = OLD.id;
  END;
  CREATE TRIGGER entries_pin AFTER UPDATE OF pinned ON entries BEGIN
    UPDATE stats SET pinned = pinned - OLD.pinned + NEW.pinned WHERE id = 1;
  END;
  CREATE TRIGGER blobs_ai AFTER INSERT ON blobs BEGIN
    UPDATE stats SET stored_bytes = stored_bytes + NEW.stored_size WHERE id = 1;
  END;
  CREATE TRIGGER blobs_ad AFTER DELETE ON blobs BEGIN
    UPDATE stats SET stored_bytes = stored_bytes - OLD.stored_size WHERE id = 1;
  END;
  `,
  // A request's assertion counts, so the list can show "3/4" and its failures without reading the details.
  // NULL for entries without tests and for every entry written before this version (old databases still open).
  `
  ALTER TABLE entries ADD COLUMN tests_passed INTEGER;
  ALTER TABLE entries ADD COLUMN tests_failed INTEGER;
  `,
  // The row names the URL the user sent; after redirects, where it ended and after how many hops (NULL: none).
  // saved_path: the saved request's file the send came from, so reopening that request finds its latest response.
  `
  ALTER TABLE entries ADD COLUMN final_url TEXT;
  ALTER TABLE entries ADD COLUMN redirect_count INTEGER;
  ALTER TABLE entries ADD COLUMN saved_path TEXT;
  CREATE INDEX entries_saved_path ON entries(saved_path) WHERE saved_path IS NOT NULL;
  `,
];
