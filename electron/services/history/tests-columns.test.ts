import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeTests } from '../../../shared/contract';
import { createHistoryService, type HistoryService } from './index';
import { fakeRecord } from './test-support/fixtures';

/** Test results kept with the exchange; their counts in the list; databases from before still open. */
let dir: string;
const open: HistoryService[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-history-tests-'));
});
afterEach(async () => {
  for (const service of open.splice(0)) await service.close();
  await rm(dir, { recursive: true, force: true });
});
const make = (): HistoryService => {
  const service = createHistoryService({ dir });
  open.push(service);
  return service;
};

const tests: ExchangeTests = {
  results: [
    { name: 'status equals 200', outcome: 'passed', actual: '200', source: 'assertion' },
    { name: '$.id equals 2', outcome: 'failed', actual: '1', message: 'expected 2, got 1', source: 'assertion' },
    { name: 'off', outcome: 'skipped', source: 'assertion' },
  ],
  captures: [{ variable: 'token', scope: 'environment', outcome: 'set', value: 'abc' }],
};

function withTests(body: string) {
  const record = fakeRecord({ body });
  return { ...record, exchange: { ...record.exchange!, tests } };
}

describe('history keeps test results', () => {
  it('gives the results back with the entry and their counts in the summary', async () => {
    const service = make();
    const summary = await service.record(withTests('{"id":1}'));
    expect(summary.tests).toEqual({ passed: 1, failed: 1 });
    expect(service.list({}, 0, 10).entries[0]?.tests).toEqual({ passed: 1, failed: 1 });
    expect((await service.get(summary.id)).exchange?.tests).toEqual(tests);
    const plain = await service.record(fakeRecord());
    expect(plain.tests).toBeUndefined();
  });

  it('opens a database written before tests existed (schema 1), keeps its entries and their search', async () => {
    const first = make();
    const old = await first.record(fakeRecord({ body: '{"word":"heliotrope"}' }));
    await first.close();
    open.splice(0);
    // back to schema 1 exactly: the columns this version added are not there
    const db = new Database(path.join(dir, 'history.db'));
    db.exec('ALTER TABLE entries DROP COLUMN tests_passed; ALTER TABLE entries DROP COLUMN tests_failed;');
    // and those of schema 3 (redirects, the saved request's path)
    db.exec('DROP INDEX entries_saved_path; ALTER TABLE entries DROP COLUMN final_url; ALTER TABLE entries DROP COLUMN redirect_count;');
    db.exec('ALTER TABLE entries DROP COLUMN saved_path;');
    db.pragma('user_version = 1');
    db.close();

    const service = make();
    expect(service.db.pragma('user_version', { simple: true })).toBe(3);
    expect(service.list({ text: 'heliotrope' }, 0, 10).entries.map((entry) => entry.id)).toEqual([old.id]);
    expect((await service.get(old.id)).summary.tests).toBeUndefined();
    expect((await service.get(old.id)).summary.redirectedTo).toBeUndefined();
    const added = await service.record(withTests('{"word":"heliotrope"}'));
    expect(service.list({ text: 'heliotrope' }, 0, 10).entries.map((entry) => [entry.id, entry.tests ?? null])).toEqual([
      [added.id, { passed: 1, failed: 1 }],
      [old.id, null],
    ]);
  });
});
