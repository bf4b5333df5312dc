import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, httpRequestSpecSchema } from '../../../shared/contract';
import { startHttpServer, trapUnhandledErrors, type TestServer } from '../../test-support';
import { createTestEngine, nextId, settle, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

// A body that drips one byte every 500 ms never trips the idle timeout; only a total deadline ends it. With the old
// default (0 = none) such a request, and its connection, lived forever.

let server: TestServer;
let t: TestEngine;

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    if (req.url === '/drip') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 500);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (req.url === '/events') {
      // A stream that lives longer than the deadline, then ends by itself.
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let n = 0;
      const timer = setInterval(() => {
        res.write(`data: ${n++}\n\n`);
        if (n === 12) {
          clearInterval(timer);
          res.end();
        }
      }, 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.writeHead(404).end();
  });
  t = await createTestEngine({ onSse: () => undefined });
});
afterAll(async () => {
  await t.dispose();
  await server.close();
});

describe('the default total deadline', () => {
  it('is five minutes for a request that does not set one', () => {
    expect(DEFAULT_SETTINGS.deadlineMs).toBe(300_000);
    expect(httpRequestSpecSchema.parse({ method: 'GET', url: 'http://a.test/' }).settings.deadlineMs).toBe(300_000);
  });

  it('ends a dripping body with DEADLINE_EXCEEDED (deadline shortened as a user would in Settings)', async () => {
    const started = Date.now();
    const { error } = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/drip`, settings: { deadlineMs: 1_500 } })));
    expect(error?.code).toBe('DEADLINE_EXCEEDED');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not cut an event stream that outlives it', async () => {
    const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/events`, settings: { deadlineMs: 400 } }));
    expect(exchange.response.status).toBe(200);
    expect((await t.bodyText(exchange)).match(/data: /g)).toHaveLength(12);
  });
});
