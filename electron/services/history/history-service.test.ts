import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService, type HistoryService, type HistoryServiceOptions } from './index';
import { failedRecord, fakeRecord } from './test-support/fixtures';

let dir: string;
const open: HistoryService[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-history-'));
});
afterEach(async () => {
  for (const service of open.splice(0)) await service.close();
  await rm(dir, { recursive: true, force: true });
});

function make(options: Partial<HistoryServiceOptions> = {}): HistoryService {
  const service = createHistoryService({ dir, ...options });
  open.push(service);
  return service;
}

async function bodyText(service: HistoryService, bodyId: string): Promise<string> {
  const { bytes } = await service.readBody(bodyId, 0, 10_000_000);
  return bytes.toString('utf8');
}

async function countFiles(folder: string): Promise<number> {
  let count = 0;
  for (const sub of await readdir(folder).catch(() => [] as string[])) {
    if (sub === 'tmp') continue;
    count += (await readdir(path.join(folder, sub))).length;
  }
  return count;
}

describe('history store', () => {
  it('records an exchange and gives it back with its bodies readable by id', async () => {
    const changes: string[] = [];
    const service = make({ onChange: (change) => changes.push(`${change.reason}:${change.summary?.id ?? '-'}`) });
    const summary = await service.record(fakeRecord({ method: 'POST', body: '{"hello":"world"}', requestBody: '{"q":1}', status: 201 }));
    expect(summary).toMatchObject({
      method: 'POST',
      status: 201,
      statusClass: '2xx',
      host: 'api.example.test',
      responseBytes: 17,
      pinned: false,
      errorCode: null,
    });
    expect(changes).toEqual([`added:${summary.id}`]);
    const entry = await service.get(summary.id);
    expect(entry.exchange?.body.id).toMatch(/^history:[0-9a-f]{64}$/);
    expect(await bodyText(service, entry.exchange!.body.id)).toBe('{"hello":"world"}');
    expect(await bodyText(service, entry.requestBodyId!)).toBe('{"q":1}');
    const part = await service.readBody(entry.exchange!.body.id, 2, 5);
    expect(part).toEqual({ bytes: Buffer.from('hello'), total: 17 });
    expect(entry.composed.method).toBe('POST');
    await expect(service.get(99_999)).rejects.toMatchObject({ code: 'HISTORY_NOT_FOUND' });
    await expect(service.readBody('history:' + 'a'.repeat(64), 0, 1)).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' });
  });

  it('records failed exchanges with their error and the error status class', async () => {
    const service = make();
    const summary = await service.record(failedRecord());
    expect(summary).toMatchObject({ status: null, statusClass: 'error', errorCode: 'CONNECTION_REFUSED', responseBytes: 0 });
    const entry = await service.get(summary.id);
    expect(entry.exchange).toBeNull();
    expect(entry.error).toEqual({ code: 'CONNECTION_REFUSED', message: 'Connection refused.' });
  });

  it('stores identical bodies once and an empty body as no file', async () => {
    const service = make();
    await service.record(fakeRecord({ body: 'same body' }));
    await service.record(fakeRecord({ body: 'same body' }));
    const empty = await service.record(fakeRecord({ body: '' }));
    expect(await countFiles(path.join(dir, 'bodies'))).toBe(1);
    const entry = await service.get(empty.id);
    expect(await service.readBody(entry.exchange!.body.id, 0, 10)).toEqual({ bytes: Buffer.alloc(0), total: 0 });
  });

  it('finds a word that occurs only in a response body, only in a header, and a substring', async () => {
    const service = make();
    const inBody = await service.record(fakeRecord({ url: 'http://a.test/one', body: JSON.stringify({ data: { note: 'the zanzibarquux token' } }) }));
    const inHeader = await service.record(fakeRecord({ url: 'http://a.test/two', responseHeaders: [['x-trace', 'flamingo-77']] }));
    await service.record(fakeRecord({ url: 'http://a.test/three', body: 'nothing to see' }));
    const binary = await service.record(
      fakeRecord({
        url: 'http://a.test/bin',
        body: Buffer.from([0, 1, 2, 0x7a, 0x61, 0x6e, 0x7a, 0x69, 0x62, 0x61, 0x72, 0]),
        contentType: 'application/octet-stream',
      }),
    );
    expect(service.list({ text: 'zanzibarquux' }, 0, 10).entries.map((e) => e.id)).toEqual([inBody.id]);
    expect(service.list({ text: 'anzibar' }, 0, 10).entries.map((e) => e.id)).toEqual([inBody.id]);
    expect(service.list({ text: 'FLAMINGO' }, 0, 10).entries.map((e) => e.id)).toEqual([inHeader.id]);
    expect(service.list({ text: 'x-trace flamingo' }, 0, 10).total).toBe(1);
    expect(service.list({ text: '/three' }, 0, 10).total).toBe(1);
    expect(service.list({ text: 'bin' }, 0, 10).entries.map((e) => e.id)).toEqual([binary.id]);
    expect(service.list({ text: 'a.test' }, 0, 10).total).toBe(4);
    // quotes and FTS syntax are taken literally
    expect(service.list({ text: '"zanzibar AND' }, 0, 10).total).toBe(0);
    expect(service.list({ text: 'two' }, 0, 10).total).toBe(1);
  });

  it('refuses a search or host containing NUL as INVALID_INPUT, not as a storage failure', async () => {
    const service = make();
    await service.record(fakeRecord({ url: 'http://a.test/one' }));
    for (const filter of [{ text: 'abc\0def' }, { text: '\0' }, { host: 'a.test\0' }]) {
      expect(() => service.list(filter, 0, 10)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
      await expect(service.delete({ filter })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(service.list({}, 0, 10).total).toBe(1);
  });

  it('filters by method, status class, host, date range and pinned; pages newest first with a total', async () => {
    const service = make();
    const base = Date.UTC(2026, 0, 1);
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const record =
        i % 10 === 9
          ? failedRecord(`http://down.test/${i}`, base + i * 1000)
          : fakeRecord({
              method: i % 2 === 0 ? 'GET' : 'POST',
              status: i % 3 === 0 ? 404 : 200,
              url: `http://${i < 15 ? 'one' : 'two'}.test:8080/${i}`,
              sentAt: base + i * 1000,
            });
      ids.push((await service.record(record)).id);
    }
    service.pin(ids[4]!, true);
    service.pin(ids[7]!, true);
    const all = service.list({}, 0, 10);
    expect(all.total).toBe(30);
    expect(all.entries.map((e) => e.id)).toEqual(ids.slice(-10).reverse());
    expect(service.list({}, 25, 10).entries.map((e) => e.id)).toEqual(ids.slice(0, 5).reverse());
    const posts = service.list({ methods: ['POST'] }, 0, 500);
    expect(posts.entries.every((e) => e.method === 'POST')).toBe(true);
    expect(posts.total).toBe(posts.entries.length);
    expect(service.list({ statusClasses: ['error'] }, 0, 500).total).toBe(3);
    expect(service.list({ statusClasses: ['4xx'] }, 0, 500).entries.every((e) => e.status === 404)).toBe(true);
    expect(service.list({ statusClasses: ['4xx', 'error'] }, 0, 500).total).toBe(service.list({ statusClasses: ['4xx'] }, 0, 500).total + 3);
    expect(service.list({ host: 'ONE.test:8080' }, 0, 500).total).toBe(14);
    // a host without a port matches it on any port; with a port, that port only
    expect(service.list({ host: 'one.test' }, 0, 500).total).toBe(14);
    expect(service.list({ host: 'one.test:9090' }, 0, 500).total).toBe(0);
    expect(service.list({ host: 'one.tes' }, 0, 500).total).toBe(0);
    expect(service.list({ host: 'down.test' }, 0, 500).total).toBe(3);
    expect(service.list({ from: base + 10_000, to: base + 12_000 }, 0, 500).entries.map((e) => e.id)).toEqual([ids[12], ids[11], ids[10]]);
    expect(service.list({ pinnedOnly: true }, 0, 500).entries.map((e) => e.id)).toEqual([ids[7], ids[4]]);
    expect(service.list({ pinnedOnly: true }, 0, 500).total).toBe(2);
    expect(
      service
        .list({ methods: ['GET'], host: 'two.test:8080', statusClasses: ['2xx'] }, 0, 500)
        .entries.every((e) => e.method === 'GET' && e.host === 'two.test:8080' && e.status === 200),
    ).toBe(true);
  });

  it('pins and unpins, and says when an entry does not exist', async () => {
    const changes: string[] = [];
    const service = make({ onChange: (change) => changes.push(change.reason) });
    const { id } = await service.record(fakeRecord());
    expect(service.pin(id, true).pinned).toBe(true);
    expect(service.usage()).toMatchObject({ entries: 1, pinned: 1 });
    expect(service.pin(id, false).pinned).toBe(false);
    expect(service.usage().pinned).toBe(0);
    expect(() => service.pin(12345, true)).toThrow(expect.objectContaining({ code: 'HISTORY_NOT_FOUND' }));
    expect(changes).toEqual(['added', 'pinned', 'pinned']);
  });

  it('deletes by ids and by filter, freeing body files nobody else uses', async () => {
    const service = make();
    const a = await service.record(fakeRecord({ url: 'http://del.test/a', body: 'body-a' }));
    await service.record(fakeRecord({ url: 'http://del.test/b', body: 'shared-body', status: 500 }));
    const c = await service.record(fakeRecord({ url: 'http://keep.test/c', body: 'shared-body' }));
    expect(await countFiles(path.join(dir, 'bodies'))).toBe(2);
    expect(await service.delete({ ids: [a.id, 424242] })).toBe(1);
    await service.close();
    open.splice(0);
    const again = make();
    expect(await countFiles(path.join(dir, 'bodies'))).toBe(1);
    expect(await again.delete({ filter: { host: 'del.test' } })).toBe(1);
    await again.close();
    open.splice(0);
    expect(await countFiles(path.join(dir, 'bodies'))).toBe(1);
    const third = make();
    const entry = await third.get(c.id);
    expect(await bodyText(third, entry.exchange!.body.id)).toBe('shared-body');
    expect(third.usage().entries).toBe(1);
  });

  it('clears everything, pinned entries included, when asked', async () => {
    const service = make();
    for (let i = 0; i < 5; i++) await service.record(fakeRecord({ body: `b${i}` }));
    service.pin(service.list({}, 0, 1).entries[0]!.id, true);
    expect(await service.clear()).toBe(5);
    expect(service.usage()).toMatchObject({ entries: 0, pinned: 0, bodyBytes: 0 });
    expect(service.list({}, 0, 10)).toEqual({ total: 0, totalCapped: false, offset: 0, entries: [] });
    await service.close();
    open.splice(0);
    expect(await countFiles(path.join(dir, 'bodies'))).toBe(0);
  });

  it('retention by count removes the oldest unpinned entries and keeps pinned ones', async () => {
    const service = make();
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push((await service.record(fakeRecord({ body: `body ${i}`, sentAt: 1_000 + i }))).id);
    service.pin(ids[0]!, true);
    service.pin(ids[1]!, true);
    const usage = await service.setRetention({ maxEntries: 10, maxBodyBytes: 1024 ** 3 });
    expect(usage.entries).toBe(10);
    const left = service.list({}, 0, 100).entries.map((e) => e.id);
    expect(left).toContain(ids[0]);
    expect(left).toContain(ids[1]);
    expect(left).not.toContain(ids[2]);
    expect(left).not.toContain(ids[3]);
    await service.record(fakeRecord({ body: 'newest', sentAt: 5_000 }));
    expect(service.usage().entries).toBe(10);
    expect(service.list({}, 0, 100).entries.map((e) => e.id)).not.toContain(ids[4]);
    // persisted
    await service.close();
    open.splice(0);
    expect(make().usage().retention).toEqual({ maxEntries: 10, maxBodyBytes: 1024 ** 3 });
  });

  it('retention by body bytes removes the oldest unpinned entries until under the limit', async () => {
    const service = make();
    await service.setRetention({ maxEntries: 1000, maxBodyBytes: 1024 * 1024 });
    const random = (_seed: number) => randomBytes(300 * 1024);
    const first = await service.record(fakeRecord({ body: random(1), sentAt: 1, contentType: 'application/octet-stream' }));
    service.pin(first.id, true);
    const ids = [first.id];
    for (let i = 2; i <= 6; i++) ids.push((await service.record(fakeRecord({ body: random(i), sentAt: i, contentType: 'application/octet-stream' }))).id);
    const usage = service.usage();
    expect(usage.bodyBytes).toBeLessThanOrEqual(1024 * 1024);
    const left = service.list({}, 0, 100).entries.map((e) => e.id);
    expect(left).toContain(first.id);
    expect(left).toContain(ids[5]);
    expect(left).not.toContain(ids[1]);
    expect(usage.entries).toBeLessThan(6);
  });

  it('starts with the default retention and reports usage', async () => {
    const service = make();
    await service.record(fakeRecord({ body: 'x'.repeat(10_000) }));
    const usage = service.usage();
    expect(usage.retention).toEqual({ maxEntries: 100_000, maxBodyBytes: 2 * 1024 ** 3 });
    expect(usage.entries).toBe(1);
    expect(usage.bodyBytes).toBeGreaterThan(0);
    expect(usage.bodyBytes).toBeLessThan(1000);
  });

  it('keeps a large composed request (an uploaded file) out of the index and gives it back', async () => {
    const service = make();
    const record = fakeRecord({ method: 'PUT' });
    const dataBase64 = Buffer.alloc(200_000, 7).toString('base64');
    record.composed = { ...record.composed, body: { kind: 'binary', file: { fileName: 'big.bin', contentType: 'application/octet-stream', dataBase64 } } };
    const { id } = await service.record(record);
    const entry = await service.get(id);
    expect(entry.composed.body).toEqual({ kind: 'binary', file: { fileName: 'big.bin', contentType: 'application/octet-stream', dataBase64 } });
    const row = service.db.prepare('SELECT d.composed, e.composed_hash FROM entries e JOIN entry_details d ON d.id = e.id WHERE e.id = ?').get(id) as {
      composed: string | null;
      composed_hash: string;
    };
    expect(row.composed).toBeNull();
    expect(row.composed_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('merges the search index when asked (and by itself when writes stop) without changing results', async () => {
    const service = make({ maintenanceDelayMs: 50 });
    for (let i = 0; i < 40; i++) await service.record(fakeRecord({ url: `http://merge.test/${i}`, body: `{"word":"mergeable${i % 4}"}` }));
    const segments = () => service.db.prepare('SELECT count(*) FROM entries_fts_data').pluck().get() as number;
    const before = segments();
    await service.maintainIndex();
    expect(segments()).toBeLessThanOrEqual(before);
    expect(service.list({ text: 'mergeable1' }, 0, 100).total).toBe(10);
    await service.record(fakeRecord({ url: 'http://merge.test/late', body: '{"word":"mergeable1"}' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(service.list({ text: 'mergeable1' }, 0, 100).total).toBe(11);
  });

  it('records the schema version and runs in WAL mode', () => {
    const service = make();
    expect(service.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(service.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
  });
});
