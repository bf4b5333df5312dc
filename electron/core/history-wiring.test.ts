import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile, mkdir, readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, httpRequestSpecSchema, type EventPayload } from '../../shared/contract';
import { createCourier, type Courier } from './create-courier';

let target: Server;
let targetUrl: string;
let dataDir: string;
const open: Courier[] = [];

beforeAll(async () => {
  target = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(request.url === '/missing' ? 404 : 200, { 'Content-Type': 'application/json', 'X-Served-By': 'wiring-fixture' });
      response.end(
        JSON.stringify({ path: request.url, echo: Buffer.concat(chunks).toString(), marker: request.url === '/special' ? 'quokkaburrow' : 'plain' }),
      );
    });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-history-wiring-'));
});
afterEach(async () => {
  for (const courier of open.splice(0)) await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

function make(): Courier {
  const courier = createCourier({ dataDir, mode: 'web', version: '9.9.9', platform: 'testos', openExternal: () => true, onInternalError: () => undefined });
  open.push(courier);
  return courier;
}

function nextAdded(courier: Courier): Promise<EventPayload<'history.changed'>> {
  return new Promise((resolve) => {
    const stop = courier.onEvent((event, payload) => {
      const change = payload as EventPayload<'history.changed'>;
      if (event === 'history.changed' && change.reason === 'added') {
        stop();
        resolve(change);
      }
    });
  });
}

describe('history through the contract handlers', () => {
  it('keeps the request body the engine sent, byte for byte: a multipart body with the boundary that went on the wire', async () => {
    const courier = make();
    const exchange = await courier.handlers['http.send']({
      requestId: 'h-multipart',
      request: httpRequestSpecSchema.parse({
        method: 'POST',
        url: `${targetUrl}/form`,
        body: { kind: 'multipart', parts: [{ kind: 'text', name: 'note', value: 'hello form' }] },
      }),
    });
    const answer = await courier.handlers['body.read']({ bodyId: exchange.body.id, offset: 0, length: 10_000 });
    const received = (JSON.parse(Buffer.from(answer.bytes).toString()) as { echo: string }).echo;
    expect(received).toMatch(/^------CourierFormBoundary[0-9a-f]+\r\nContent-Disposition: form-data; name="note"/);
    const entry = await courier.handlers['history.get']({ id: exchange.historyId! });
    const kept = await courier.handlers['body.read']({ bodyId: entry.requestBodyId!, offset: 0, length: 10_000 });
    expect(Buffer.from(kept.bytes).toString()).toBe(received);
  });

  it('records each sent request before answering, and serves it back through history.get and body.read', async () => {
    const courier = make();
    const added = nextAdded(courier);
    const exchange = await courier.handlers['http.send']({
      requestId: 'h-1',
      request: httpRequestSpecSchema.parse({ method: 'POST', url: `${targetUrl}/special`, body: { kind: 'json', text: '{"n":42}' } }),
    });
    // The renderer may release its body at once; history keeps its own copy.
    await courier.handlers['body.release']({ bodyId: exchange.body.id });
    const { summary } = await added;
    expect(summary).toMatchObject({ method: 'POST', status: 200, statusClass: '2xx', host: new URL(targetUrl).host });
    // The answer names its entry, so a tab can show this response again after a reload (issue #14).
    expect(exchange.historyId).toBe(summary!.id);

    const list = await courier.handlers['history.list']({ filter: { text: 'quokkaburrow' }, offset: 0, limit: 10 });
    expect(list.entries.map((e) => e.id)).toEqual([summary!.id]);
    const entry = await courier.handlers['history.get']({ id: summary!.id });
    expect(entry.exchange!.body.id).toMatch(/^history:[0-9a-f]{64}$/);
    expect(entry.exchange!.response.headers).toContainEqual(['X-Served-By', 'wiring-fixture']);
    const read = await courier.handlers['body.read']({ bodyId: entry.exchange!.body.id, offset: 0, length: 1000 });
    expect(JSON.parse(Buffer.from(read.bytes).toString())).toEqual({ path: '/special', echo: '{"n":42}', marker: 'quokkaburrow' });
    const part = await courier.handlers['body.read']({ bodyId: entry.exchange!.body.id, offset: 2, length: 4 });
    expect(Buffer.from(part.bytes).toString()).toBe('path');
    const requestBody = await courier.handlers['body.read']({ bodyId: entry.requestBodyId!, offset: 0, length: 100 });
    expect(Buffer.from(requestBody.bytes).toString()).toBe('{"n":42}');
    expect(await courier.handlers['body.release']({ bodyId: entry.exchange!.body.id })).toEqual({ released: false });
    expect(entry.composed).toMatchObject({ method: 'POST', body: { kind: 'json', text: '{"n":42}' } });
  });

  it('records failed requests with their error code', async () => {
    const courier = make();
    const added = nextAdded(courier);
    const result = await dispatch(courier.handlers, 'http.send', { requestId: 'h-2', request: { method: 'GET', url: 'http://127.0.0.1:1/' } });
    expect(result.ok).toBe(false);
    const { summary } = await added;
    expect(summary).toMatchObject({ statusClass: 'error', status: null, errorCode: 'CONNECTION_REFUSED' });
    const entry = await courier.handlers['history.get']({ id: summary!.id });
    expect(entry.exchange).toBeNull();
    expect(entry.error?.code).toBe('CONNECTION_REFUSED');
  });

  it('answers the history methods with contract-shaped results and typed errors', async () => {
    const courier = make();
    const added = nextAdded(courier);
    await courier.handlers['http.send']({ requestId: 'h-3', request: httpRequestSpecSchema.parse({ method: 'GET', url: `${targetUrl}/missing` }) });
    const { summary } = await added;
    expect(await dispatch(courier.handlers, 'history.pin', { id: summary!.id, pinned: true })).toMatchObject({ ok: true, value: { pinned: true } });
    expect(await dispatch(courier.handlers, 'history.usage', {})).toMatchObject({ ok: true, value: { entries: 1, pinned: 1 } });
    expect(await dispatch(courier.handlers, 'history.get', { id: 777 })).toMatchObject({ ok: false, error: { code: 'HISTORY_NOT_FOUND' } });
    expect(await dispatch(courier.handlers, 'body.read', { bodyId: `history:${'0'.repeat(64)}`, offset: 0, length: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BODY_NOT_FOUND' },
    });
    expect(await dispatch(courier.handlers, 'history.clear', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(courier.handlers, 'history.importHar', { text: '{"log":{}}' })).toMatchObject({ ok: false, error: { code: 'INVALID_HAR' } });
    const har = await dispatch(courier.handlers, 'history.exportHar', { filter: {} });
    expect(har).toMatchObject({ ok: true, value: { entries: 1 } });
    expect(await dispatch(courier.handlers, 'history.setRetention', { maxEntries: 50, maxBodyBytes: 10 * 1024 * 1024 })).toMatchObject({
      ok: true,
      value: { retention: { maxEntries: 50, maxBodyBytes: 10 * 1024 * 1024 } },
    });
    expect(await dispatch(courier.handlers, 'history.clear', { confirm: true })).toMatchObject({ ok: true, value: { deleted: 1 } });
    expect(await dispatch(courier.handlers, 'history.list', {})).toMatchObject({ ok: true, value: { total: 0, entries: [] } });
  });

  it('starts on a corrupt database, keeps it aside and says so in app.info', async () => {
    await mkdir(path.join(dataDir, 'history'), { recursive: true });
    await writeFile(path.join(dataDir, 'history', 'history.db'), Buffer.alloc(8192, 0x41));
    const courier = make();
    const info = await courier.handlers['app.info']({});
    expect(info.notices).toHaveLength(1);
    expect(info.notices![0]).toMatch(/history\.db\.corrupt-/);
    expect((await readdir(path.join(dataDir, 'history'))).some((name) => /^history\.db\.corrupt-/.test(name))).toBe(true);
    expect(await courier.handlers['history.usage']({})).toMatchObject({ entries: 0 });
  });

  it('has no notices on a healthy start', async () => {
    expect((await make().handlers['app.info']({})).notices).toBeUndefined();
  });
});
