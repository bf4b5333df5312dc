import { describe, expect, it } from 'vitest';
import { entriesPhrase, harFileName, importedPhrase, matchesPhrase, parseRetentionForm, retentionToForm, usageLine } from './usage';

describe('usage and retention', () => {
  it('describes usage against the limits', () => {
    expect(usageLine({ entries: 1234, pinned: 3, bodyBytes: 5 * 1024 * 1024, retention: { maxEntries: 100_000, maxBodyBytes: 2 * 1024 ** 3 } })).toBe(
      '1,234 entries (3 pinned) · 5 MB on disk · limits 100,000 entries / 2 GB',
    );
    expect(usageLine({ entries: 1, pinned: 0, bodyBytes: 0, retention: { maxEntries: 10, maxBodyBytes: 1024 * 1024 } })).toBe(
      '1 entry · 0 B on disk · limits 10 entries / 1 MB',
    );
  });

  it('round-trips the retention form', () => {
    const retention = { maxEntries: 100_000, maxBodyBytes: 2 * 1024 ** 3 };
    const form = retentionToForm(retention);
    expect(form).toEqual({ maxEntries: '100000', maxBodyMb: '2048' });
    expect(parseRetentionForm(form)).toEqual({ ok: true, retention });
  });

  it('names each problem in the retention form', () => {
    const result = parseRetentionForm({ maxEntries: '5', maxBodyMb: 'lots' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.maxEntries).toMatch(/between 10/);
      expect(result.problems.maxBodyMb).toMatch(/number/);
    }
    expect(parseRetentionForm({ maxEntries: '1.5', maxBodyMb: '10' })).toMatchObject({ ok: false, problems: { maxEntries: expect.stringMatching(/whole/) } });
  });

  it('names HAR files by time and scope', () => {
    const now = Date.UTC(2026, 10, 25, 14, 3, 7);
    expect(harFileName(now, 'all')).toBe('courier-history-2026-11-25T14-03-07.har');
    expect(harFileName(now, 'selected')).toBe('courier-history-selected-2026-11-25T14-03-07.har');
    expect(entriesPhrase(1)).toBe('1 entry');
    expect(importedPhrase({ imported: 3, alreadyPresent: 0 }, 'a.har')).toBe('Imported 3 entries from “a.har”.');
    expect(importedPhrase({ imported: 0, alreadyPresent: 3 }, 'a.har')).toBe('Nothing imported from “a.har”: all 3 entries were already in history.');
    expect(importedPhrase({ imported: 0, alreadyPresent: 1 }, 'a.har')).toBe('Nothing imported from “a.har”: its entry was already in history.');
    expect(importedPhrase({ imported: 1, alreadyPresent: 2 }, 'a.har')).toBe('Imported 1 entry from “a.har”; 2 entries were already in history and skipped.');
    expect(entriesPhrase(2500)).toBe('2,500 entries');
    expect(entriesPhrase(1000, true)).toBe('1,000+ entries');
  });

  it('says when a count of matches stopped at a cap', () => {
    expect(matchesPhrase(1, false)).toBe('1 entry match');
    expect(matchesPhrase(734, false)).toBe('734 entries match');
    expect(matchesPhrase(1000, true)).toBe('1,000+ matches');
    expect(matchesPhrase(2100, true)).toBe('2,100+ matches');
  });
});
