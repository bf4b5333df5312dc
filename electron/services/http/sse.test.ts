import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { STREAM_BATCH_MAX_EVENTS, type HttpSse, type SseEvent } from '../../../shared/contract';
import { startHttpServer, trapUnhandledErrors, type TestServer } from '../../test-support';
import { createTestEngine, nextId, settle, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

let server: TestServer;
let t: TestEngine;
const batches: HttpSse[] = [];

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/events') {
      const count = Number(url.searchParams.get('count') ?? '10');
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      let i = 0;
      // Chunks cut anywhere, including inside a line and between CR and LF.
      const text = Array.from({ length: count }, (_, n) => `id: ${n}\r\nevent: tick\r\ndata: {"n":${n}}\r\n\r\n`).join('');
      const step = 37;
      const tick = (): void => {
        if (i >= text.length) {
          res.end();
          return;
        }
        res.write(text.slice(i, i + step));
        i += step;
        setImmediate(tick);
      };
      tick();
      return;
    }
    if (url.pathname === '/flood') {
      // as fast as the client reads: everything in one write, so each read hands the parser thousands of events
      const count = Number(url.searchParams.get('count') ?? '1000');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(Array.from({ length: count }, (_, n) => `id: ${n}\ndata: {"n":${n}}\n\n`).join(''));
      return;
    }
    if (url.pathname === '/gzip-events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
      res.end(gzipSync('data: one\n\ndata: two\n\n'));
      return;
    }
    if (url.pathname === '/endless') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let n = 0;
      const timer = setInterval(() => res.write(`data: ${n++}\n\n`), 5);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('data: not an event stream\n\n');
  });
  t = await createTestEngine({ onSse: (batch) => batches.push(batch) });
});
afterAll(async () => {
  await t.dispose();
  await server.close();
});

const eventsOf = (requestId: string): SseEvent[] => batches.filter((b) => b.requestId === requestId).flatMap((b) => b.events);

describe('server-sent events through the engine', () => {
  it('streams parsed events while the body arrives, in batches, and stores the whole body', async () => {
    const id = nextId();
    const exchange = await t.engine.send(id, spec({ method: 'GET', url: `${server.origin}/events?count=1000` }));
    const events = eventsOf(id);
    expect(events).toHaveLength(1000);
    expect(events[999]).toEqual({ index: 999, event: 'tick', id: '999', data: '{"n":999}', retry: null });
    expect(batches.filter((b) => b.requestId === id).length).toBeLessThan(500);
    expect((await t.bodyText(exchange)).split('\r\n\r\n')).toHaveLength(1001);
  });

  it('ships a fast stream as batches the window can parse between two frames: each within the cap, in order, none lost', async () => {
    const id = nextId();
    await t.engine.send(id, spec({ method: 'GET', url: `${server.origin}/flood?count=20000` }));
    const sizes = batches.filter((b) => b.requestId === id).map((b) => b.events.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(STREAM_BATCH_MAX_EVENTS);
    expect(eventsOf(id).map((e) => e.index)).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
  });

  it('parses after decompression', async () => {
    const id = nextId();
    await t.engine.send(id, spec({ method: 'GET', url: `${server.origin}/gzip-events` }));
    expect(eventsOf(id).map((e) => e.data)).toEqual(['one', 'two']);
  });

  it('leaves other content types alone', async () => {
    const id = nextId();
    await t.engine.send(id, spec({ method: 'GET', url: `${server.origin}/plain` }));
    expect(eventsOf(id)).toEqual([]);
  });

  it('Cancel stops an endless stream and keeps what arrived as the response', async () => {
    const id = nextId();
    const sending = settle(t.engine.send(id, spec({ method: 'GET', url: `${server.origin}/endless` })));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(t.engine.cancel(id)).toBe(true);
    const { value, error } = await sending;
    expect(error).toBeUndefined();
    const live = eventsOf(id).length;
    expect(live).toBeGreaterThan(3);
    const body = await t.bodyText(value!);
    expect(body.split('\n\n').length - 1).toBeGreaterThanOrEqual(live);
    expect(value!.warnings.some((w) => w.includes('You stopped the event stream'))).toBe(true);
  });

  it('a stream ended because its window went away keeps what arrived, and says so rather than "You stopped"', async () => {
    const id = nextId();
    const sending = settle(t.engine.send(id, spec({ method: 'GET', url: `${server.origin}/endless` })));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(t.engine.cancel(id, 'window-closed')).toBe(true);
    const { value, error } = await sending;
    expect(error).toBeUndefined();
    expect(value!.warnings.filter((w) => /event stream/.test(w))).toEqual([
      expect.stringMatching(/^The window closed while the event stream was open, after \d+ events; the response holds what arrived until then\.$/),
    ]);
  });
});
