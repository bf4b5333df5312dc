import type { Db } from './database';
import { ID_SLOTS } from './search-text';

/** What identifies an imported exchange: when it was sent (to the ms), method, URL and status (null: it failed). */
interface ImportKey {
  sentAt: number;
  method: string;
  url: string;
  status: number | null;
}

const keyText = (key: Pick<ImportKey, 'method' | 'url' | 'status'>): string => `${key.method}\u0000${key.status ?? ''}\u0000${key.url}`;

/**
 * Which of `keys` history already has, so importing the same HAR file twice adds nothing the second time. Ids are
 * `sent_at × ID_SLOTS + n`, so the entries of one millisecond are one id range. Each stored entry answers for one
 * incoming entry: a file that really holds the same exchange twice imports it twice the first time.
 */
export function alreadyRecorded(db: Db, keys: readonly ImportKey[]): boolean[] {
  // A HAR file holds the final hop of a redirected exchange; the row lists the URL sent and keeps the final one apart.
  const sameMillisecond = db.prepare('SELECT method, coalesce(final_url, url) AS url, status FROM entries WHERE id >= ? AND id < ?');
  const available = new Map<number, Map<string, number>>();
  return keys.map((key) => {
    const ms = Math.floor(key.sentAt);
    if (!Number.isFinite(ms) || ms < 0) return false;
    let counts = available.get(ms);
    if (!counts) {
      counts = new Map();
      // an id slot that overflowed moves on to the next millisecond: look one further so such entries are found too
      const rows = sameMillisecond.all(ms * ID_SLOTS, (ms + 2) * ID_SLOTS) as { method: string; url: string; status: number | null }[];
      for (const row of rows) counts.set(keyText(row), (counts.get(keyText(row)) ?? 0) + 1);
      available.set(ms, counts);
    }
    const text = keyText(key);
    const left = counts.get(text) ?? 0;
    if (left === 0) return false;
    counts.set(text, left - 1);
    return true;
  });
}
