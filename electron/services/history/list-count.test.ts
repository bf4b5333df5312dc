import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchCountCap, MATCH_COUNT_STEP } from './entry-rows';
import { createHistoryService, type HistoryService } from './index';
import { fakeRecord } from './test-support/fixtures';

// 1,300 entries: every one has "common" in its body, every third is a POST, 40 carry "rare".
const ENTRIES = 1300;
let dir: string;
let service: HistoryService;
const ids: number[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-history-count-'));
  service = createHistoryService({ dir });
  const base = Date.UTC(2026, 0, 1);
  const inputs = Array.from({ length: ENTRIES }, (_, i) =>
    fakeRecord({
      method: i % 3 === 0 ? 'POST' : 'GET',
      url: `http://api.example.test/items/${i}`,
      body: JSON.stringify({ note: i % 32 === 5 ? `common rare ${i}` : `common ${i}` }),
      sentAt: base + i * 1000,
    }),
  );
  for (const summary of await service.recordMany(inputs)) ids.push(summary.id);
}, 60_000);

afterAll(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

describe('history list counts', () => {
  it('caps the count of a text search at the next step past the page', () => {
    expect(matchCountCap(100)).toBe(MATCH_COUNT_STEP);
    expect(matchCountCap(MATCH_COUNT_STEP - 1)).toBe(MATCH_COUNT_STEP);
    expect(matchCountCap(MATCH_COUNT_STEP)).toBe(2 * MATCH_COUNT_STEP);
    // Filters that pass few entries make the walk to each match longer: counting stops sooner, but always past the page.
    expect(matchCountCap(100, 0.022)).toBe(200);
    expect(matchCountCap(100, 0.035)).toBe(300);
    expect(matchCountCap(100, 0.0001)).toBe(200);
    expect(matchCountCap(1000, 0.022)).toBe(1100);
    expect(matchCountCap(100, 0.5)).toBe(MATCH_COUNT_STEP);
    const first = service.list({ text: 'common' }, 0, 100);
    expect(first).toMatchObject({ total: MATCH_COUNT_STEP, totalCapped: true, offset: 0 });
    expect(first.entries.map((e) => e.id)).toEqual(ids.slice(-100).reverse());
    // With a filter the cap applies to what passes it.
    expect(service.list({ text: 'common', methods: ['GET'] }, 0, 100)).toMatchObject({ total: MATCH_COUNT_STEP, totalCapped: true });
  });

  it('keeps exact totals for small match sets and for lists without text', () => {
    expect(service.list({ text: 'rare' }, 0, 10)).toMatchObject({ total: 41, totalCapped: false });
    expect(service.list({ text: 'rare', methods: ['POST'] }, 0, 10).totalCapped).toBe(false);
    expect(service.list({ text: 'rare', methods: ['POST'] }, 0, 10).total).toBe(ids.filter((_, i) => i % 32 === 5 && i % 3 === 0).length);
    expect(service.list({}, 0, 10)).toMatchObject({ total: ENTRIES, totalCapped: false });
    expect(service.list({ methods: ['POST'] }, 0, 10)).toMatchObject({ total: Math.ceil(ENTRIES / 3), totalCapped: false });
    // Short terms (no trigram) are matched on URLs with LIKE and counted exactly.
    expect(service.list({ text: '12' }, 0, 10).totalCapped).toBe(false);
  });

  it('raises the cap for pages further on, and becomes exact once it passes the last match', () => {
    expect(service.list({ text: 'common' }, 400, 100)).toMatchObject({ total: 2 * MATCH_COUNT_STEP, totalCapped: true });
    // An earlier page after a later one keeps the higher count (cached until the next write) rather than shrink.
    expect(service.list({ text: 'common' }, 0, 100)).toMatchObject({ total: 2 * MATCH_COUNT_STEP, totalCapped: true });
    expect(service.list({ text: 'common' }, 1200, 100)).toMatchObject({ total: ENTRIES, totalCapped: false });
    expect(service.list({ text: 'common' }, 0, 100)).toMatchObject({ total: ENTRIES, totalCapped: false });
  });

  it('reaches every match by paging as the panel does: up to the total, with each answer raising it', async () => {
    // A write drops cached counts, so this starts from the first page's cap.
    service.pin(ids[0]!, false);
    const seen: number[] = [];
    let total = service.list({ text: 'common' }, 0, 100).total;
    let capped = true;
    for (let offset = 0; offset < total; offset += 100) {
      const page = service.list({ text: 'common' }, offset, 100);
      seen.push(...page.entries.map((e) => e.id));
      total = Math.max(total, page.total);
      capped = page.totalCapped;
    }
    expect(capped).toBe(false);
    expect(total).toBe(ENTRIES);
    expect(seen).toEqual([...ids].reverse());
  });

  it('counts again after a write', async () => {
    const before = service.list({ text: 'rare' }, 0, 10).total;
    await service.record(fakeRecord({ body: '{"note":"common rare new"}' }));
    expect(service.list({ text: 'rare' }, 0, 10)).toMatchObject({ total: before + 1, totalCapped: false });
  });
});
