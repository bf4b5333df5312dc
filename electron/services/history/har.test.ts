import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService, type HistoryService } from './index';
import { failedRecord, fakeRecord } from './test-support/fixtures';

let dir: string;
const open: HistoryService[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-har-'));
});
afterEach(async () => {
  for (const service of open.splice(0)) await service.close();
  await rm(dir, { recursive: true, force: true });
});
function make(sub: string): HistoryService {
  const service = createHistoryService({ dir: path.join(dir, sub) });
  open.push(service);
  return service;
}
async function body(service: HistoryService, id: string | null | undefined): Promise<Buffer> {
  return id ? (await service.readBody(id, 0, 50_000_000)).bytes : Buffer.alloc(0);
}

describe('HAR export and import', () => {
  it('round-trips method, URL, status, headers and bodies (text and binary) into another history', async () => {
    const from = make('a');
    const binary = Buffer.from([0, 255, 1, 254, 2, 0x89, 0x50, 0x4e, 0x47]);
    await from.record(
      fakeRecord({ method: 'PUT', url: 'http://rt.test/text?x=1', body: '{"answer":42}', requestBody: '{"q":"é"}', status: 201, sentAt: 1_700_000_000_000 }),
    );
    await from.record(
      fakeRecord({
        url: 'http://rt.test/bin',
        body: binary,
        contentType: 'image/png',
        status: 200,
        sentAt: 1_700_000_001_000,
        responseHeaders: [
          ['Content-Type', 'image/png'],
          ['X-Dup', 'a'],
          ['X-Dup', 'b'],
        ],
      }),
    );
    await from.record(failedRecord('http://down.test/', 1_700_000_002_000));
    const { har, entries } = await from.exportHar({ filter: {} }, '1.2.3');
    expect(entries).toBe(3);
    expect(JSON.parse(har).log.creator).toEqual({ name: 'Courier', version: '1.2.3' });

    const to = make('b');
    expect(await to.importHar(har)).toEqual({ imported: 3, alreadyPresent: 0 });
    const originals = from.list({}, 0, 10).entries;
    const imported = to.list({}, 0, 10).entries;
    expect(imported.map((e) => [e.method, e.url, e.status, e.statusClass, e.sentAt])).toEqual(
      originals.map((e) => [e.method, e.url, e.status, e.statusClass, e.sentAt]),
    );
    for (let i = 0; i < originals.length; i++) {
      const a = await from.get(originals[i]!.id);
      const b = await to.get(imported[i]!.id);
      expect(b.exchange?.response.headers ?? null).toEqual(a.exchange?.response.headers ?? null);
      expect(b.exchange?.request.headers ?? null).toEqual(a.exchange?.request.headers ?? null);
      expect((await body(to, b.exchange?.body.id)).equals(await body(from, a.exchange?.body.id))).toBe(true);
      expect((await body(to, b.requestBodyId)).equals(await body(from, a.requestBodyId))).toBe(true);
      expect(b.error).toEqual(a.error);
    }
    // imported bodies are searchable like sent ones
    expect(to.list({ text: 'answer' }, 0, 10).total).toBe(1);
  });

  it('importing the same HAR twice adds nothing the second time and says how many were already there', async () => {
    const from = make('a');
    await from.record(fakeRecord({ url: 'http://dup.test/a', status: 200, sentAt: 1_700_000_000_000 }));
    await from.record(fakeRecord({ url: 'http://dup.test/b', status: 404, sentAt: 1_700_000_000_000 }));
    await from.record(failedRecord('http://down.test/', 1_700_000_001_000));
    const { har } = await from.exportHar({ filter: {} }, '1');
    // a file that also holds a new exchange: only that one is added
    const parsed = JSON.parse(har);
    const extra = structuredClone(parsed.log.entries[0]);
    extra.startedDateTime = new Date(1_700_000_005_000).toISOString();
    const grown = JSON.stringify({ log: { ...parsed.log, entries: [...parsed.log.entries, extra] } });

    const to = make('b');
    expect(await to.importHar(har)).toEqual({ imported: 3, alreadyPresent: 0 });
    expect(await to.importHar(har)).toEqual({ imported: 0, alreadyPresent: 3 });
    expect(to.list({}, 0, 10).total).toBe(3);
    expect(await to.importHar(grown)).toEqual({ imported: 1, alreadyPresent: 3 });
    expect(to.list({}, 0, 10).total).toBe(4);
    // into the history it came from: everything is already there
    expect(await from.importHar(har)).toEqual({ imported: 0, alreadyPresent: 3 });
  });

  it('masks Authorization and Proxy-Authorization values in exports', async () => {
    const service = make('a');
    await service.record(
      fakeRecord({
        requestHeaders: [
          ['Authorization', 'Bearer sekret-token'],
          ['Proxy-Authorization', 'Basic dXNlcg=='],
          ['X-Api', 'kept'],
        ],
      }),
    );
    const { har } = await service.exportHar({ filter: {} }, '1');
    expect(har).not.toContain('sekret-token');
    expect(har).not.toContain('dXNlcg==');
    const headers = JSON.parse(har).log.entries[0].request.headers as { name: string; value: string }[];
    expect(headers).toEqual([
      { name: 'Authorization', value: 'Bearer ••••' },
      { name: 'Proxy-Authorization', value: 'Basic ••••' },
      { name: 'X-Api', value: 'kept' },
    ]);
  });

  it('exports selected ids only', async () => {
    const service = make('a');
    const a = await service.record(fakeRecord({ url: 'http://sel.test/a' }));
    await service.record(fakeRecord({ url: 'http://sel.test/b' }));
    const { har, entries } = await service.exportHar({ ids: [a.id] }, '1');
    expect(entries).toBe(1);
    expect(JSON.parse(har).log.entries[0].request.url).toBe('http://sel.test/a');
  });

  it('imports nothing from a malformed file and names the JSON path of the problem', async () => {
    const from = make('a');
    for (let i = 0; i < 5; i++) await from.record(fakeRecord({ url: `http://bad.test/${i}` }));
    const parsed = JSON.parse((await from.exportHar({ filter: {} }, '1')).har);
    parsed.log.entries[3].response.status = 'two hundred';
    const to = make('b');
    const error = await to.importHar(JSON.stringify(parsed)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_HAR', detail: 'log.entries[3].response.status' });
    expect((error as Error).message).toContain('log.entries[3].response.status: expected a number');
    expect(to.usage().entries).toBe(0);
    await expect(to.importHar('not json at all')).rejects.toMatchObject({ code: 'INVALID_HAR' });
    expect(to.usage()).toMatchObject({ entries: 0, bodyBytes: 0 });
  });

  it('imports a browser-style HAR with postData params and missing optional fields', async () => {
    const service = make('a');
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'Browser', version: '1' },
        entries: [
          {
            startedDateTime: '2026-01-02T03:04:05.000Z',
            time: 10,
            request: {
              method: 'POST',
              url: 'https://b.test/form',
              httpVersion: 'HTTP/2',
              headers: [{ name: ':authority', value: 'b.test' }],
              postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'a', value: '1 2' }] },
            },
            response: {
              status: 302,
              statusText: '',
              httpVersion: 'HTTP/2',
              headers: [{ name: 'location', value: '/next' }],
              content: { size: 0, mimeType: 'text/html' },
            },
            timings: { send: 0, wait: 5, receive: 1 },
          },
        ],
      },
    };
    expect(await service.importHar(JSON.stringify(har))).toEqual({ imported: 1, alreadyPresent: 0 });
    const [summary] = service.list({}, 0, 1).entries;
    expect(summary).toMatchObject({ method: 'POST', status: 302, statusClass: '3xx', host: 'b.test' });
    const entry = await service.get(summary!.id);
    expect((await body(service, entry.requestBodyId)).toString()).toBe('a=1+2');
    expect(entry.composed.headers).toEqual([]);
  });
});
