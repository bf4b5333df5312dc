import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STREAM_BATCH_MAX_EVENTS, wsRequestSpecSchema, type WsEvent, type WsRequestSpecInput } from '../../../shared/contract';
import {
  closedPort,
  generateTestCertificates,
  startRawServer,
  startWsTestServer,
  trapUnhandledErrors,
  type TestCertificates,
  type TestServer,
  type WsTestServer,
} from '../../test-support';
import { createWebSocketService, type WebSocketService } from './index';

trapUnhandledErrors();

let server: WsTestServer;
let certs: TestCertificates;
const extra: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startWsTestServer();
  certs = await generateTestCertificates();
});
afterAll(async () => {
  await server.close();
  await Promise.all(extra.map((s) => s.close()));
});

interface Harness {
  service: WebSocketService;
  events: Map<string, WsEvent[]>;
  batches: number;
  /** resolves once an event matching `match` has arrived for the session */
  waitFor(sessionId: string, match: (event: WsEvent) => boolean, timeoutMs?: number): Promise<WsEvent>;
}

let current: Harness | null = null;
afterEach(async () => {
  await current?.service.close();
  current = null;
});

function harness(options: { refuse?: (address: string, port: number) => boolean; ca?: string[] } = {}): Harness {
  const events = new Map<string, WsEvent[]>();
  const waiters: { sessionId: string; match: (event: WsEvent) => boolean; resolve: (event: WsEvent) => void }[] = [];
  const h: Harness = {
    events,
    batches: 0,
    service: createWebSocketService({
      userAgent: 'Courier/test',
      isRefusedAddress: options.refuse,
      extraCaCertificates: options.ca,
      onEvents: (batch) => {
        h.batches += 1;
        const list = events.get(batch.sessionId) ?? [];
        list.push(...batch.events);
        events.set(batch.sessionId, list);
        for (const waiter of [...waiters]) {
          const found = batch.sessionId === waiter.sessionId ? batch.events.find(waiter.match) : undefined;
          if (found) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(found);
          }
        }
      },
    }),
    waitFor(sessionId, match, timeoutMs = 3000) {
      const seen = (events.get(sessionId) ?? []).find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting; got ${JSON.stringify(events.get(sessionId))}`)), timeoutMs);
        waiters.push({ sessionId, match, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
  };
  current = h;
  return h;
}

const spec = (input: WsRequestSpecInput) => wsRequestSpecSchema.parse(input);
const received = (event: WsEvent) => event.type === 'message' && event.message.direction === 'received';

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('WebSocket service', () => {
  it('connects with headers, params and a subprotocol, and shows the handshake', async () => {
    const h = harness();
    const handshake = await h.service.connect(
      's1',
      spec({
        url: `${server.origin}/headers?a=1`,
        params: [{ name: 'b', value: 'two words' }],
        headers: [{ name: 'X-Token', value: 'abc' }],
        subprotocols: ['chat.v2', 'chat.v1'],
      }),
    );
    expect(handshake.status).toBe(101);
    expect(handshake.protocol).toBe('chat.v2');
    expect(handshake.headers.some(([name]) => name.toLowerCase() === 'sec-websocket-accept')).toBe(true);
    const first = (await h.waitFor('s1', received)) as Extract<WsEvent, { type: 'message' }>;
    const seen = JSON.parse(first.message.text ?? '{}');
    expect(seen.headers['x-token']).toBe('abc');
    expect(seen.headers['user-agent']).toBe('Courier/test');
    expect(seen.query).toBe('?a=1&b=two%20words');
    expect(
      h.events
        .get('s1')
        ?.map((e) => e.type)
        .slice(0, 3),
    ).toEqual(['state', 'handshake', 'state']);
  });

  it('echoes text, JSON and binary and logs both directions with size and opcode', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/echo` }));
    await h.service.send('s', 'json', '{"hello":"world"}');
    await h.service.send('s', 'binary', Buffer.from([1, 2, 3]).toString('base64'));
    await h.waitFor('s', (e) => received(e) && e.type === 'message' && e.message.kind === 'binary');
    const { messages } = h.service.log('s');
    expect(messages.map((m) => [m.direction, m.kind, m.opcode, m.size])).toEqual([
      ['sent', 'text', 1, 17],
      ['sent', 'binary', 2, 3],
      ['received', 'text', 1, 17],
      ['received', 'binary', 2, 3],
    ]);
    expect(messages[2]?.text).toBe('{"hello":"world"}');
    expect(messages[3]?.dataBase64).toBe('AQID');
  });

  it('refuses invalid JSON before sending and sending on a closed session', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/echo` }));
    expect((await failure(h.service.send('s', 'json', '{oops'))).code).toBe('INVALID_BODY');
    h.service.disconnect('s');
    expect((await failure(h.service.send('s', 'text', 'x'))).code).toBe('WS_SESSION_NOT_FOUND');
  });

  it('sends a ping and logs the pong', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/echo` }));
    h.service.ping('s');
    await h.waitFor('s', (e) => e.type === 'message' && e.message.kind === 'pong');
  });

  it('disconnects cleanly while an answer is still pending on a slow server', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/slow` }));
    await h.service.send('s', 'text', 'later');
    expect(h.service.disconnect('s', 4000, 'done here')).toBe(true);
    const closed = (await h.waitFor('s', (e) => e.type === 'closed')) as Extract<WsEvent, { type: 'closed' }>;
    expect([closed.code, closed.reason, closed.byClient]).toEqual([4000, 'done here', true]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(h.events.get('s')?.some((e) => e.type === 'error')).toBe(false);
    expect(h.events.get('s')?.filter(received)).toEqual([]);
  });

  it('keeps several sessions apart', async () => {
    const h = harness();
    await Promise.all([h.service.connect('a', spec({ url: `${server.origin}/echo` })), h.service.connect('b', spec({ url: `${server.origin}/binary` }))]);
    await h.service.send('a', 'text', 'to a');
    await h.waitFor('a', received);
    await h.waitFor('b', received);
    expect(h.service.log('a').messages.map((m) => m.text)).toEqual(['to a', 'to a']);
    expect(h.service.log('b').messages[0]?.kind).toBe('binary');
  });

  it('shows a refused handshake with its status, headers and body', async () => {
    const h = harness();
    const error = await failure(h.service.connect('s', spec({ url: `${server.origin}/reject` })));
    expect(error.code).toBe('WS_HANDSHAKE_REJECTED');
    expect(error.message).toContain('401 Unauthorized');
    const rejected = (await h.waitFor('s', (e) => e.type === 'rejected')) as Extract<WsEvent, { type: 'rejected' }>;
    expect(rejected.status).toBe(401);
    expect(rejected.headers).toContainEqual(['WWW-Authenticate', 'Bearer']);
    expect(rejected.bodyExcerpt).toContain('invalid_token');
  });

  it('closes with a clear error on a text frame that is not UTF-8', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/invalid-utf8` }));
    const event = (await h.waitFor('s', (e) => e.type === 'error')) as Extract<WsEvent, { type: 'error' }>;
    expect(event.error.code).toBe('WS_INVALID_MESSAGE');
    await h.waitFor('s', (e) => e.type === 'state' && e.state === 'closed');
  });

  it('closes with a clear error on a message above the configured limit', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/big?bytes=5000`, settings: { maxMessageBytes: 4096 } }));
    const event = (await h.waitFor('s', (e) => e.type === 'error')) as Extract<WsEvent, { type: 'error' }>;
    expect(event.error.code).toBe('WS_MESSAGE_TOO_LARGE');
    expect(event.error.message).toContain('4096');
  });

  it('times out against a server that accepts TCP but never answers', async () => {
    const silent: TestServer = await startRawServer(() => undefined);
    extra.push(silent);
    const h = harness();
    const started = performance.now();
    const error = await failure(h.service.connect('s', spec({ url: `ws://127.0.0.1:${silent.port}/`, settings: { connectTimeoutMs: 300 } })));
    expect(error.code).toBe('CONNECT_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports an abrupt reset and a refused connection', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/reset` }));
    const closed = (await h.waitFor('s', (e) => e.type === 'closed')) as Extract<WsEvent, { type: 'closed' }>;
    expect(closed.code).toBe(1006);
    const port = await closedPort();
    expect((await failure(h.service.connect('t', spec({ url: `ws://127.0.0.1:${port}/` })))).code).toBe('CONNECTION_REFUSED');
  });

  it('shows the close code and reason the server sent', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/close?code=4001` }));
    const closed = (await h.waitFor('s', (e) => e.type === 'closed')) as Extract<WsEvent, { type: 'closed' }>;
    expect([closed.code, closed.reason, closed.byClient]).toEqual([4001, 'bye', false]);
  });

  it('reconnects with backoff after an unexpected close, and not after Disconnect', async () => {
    const h = harness();
    const settings = { autoReconnect: true, reconnectInitialDelayMs: 20, reconnectMaxDelayMs: 50, reconnectMaxAttempts: 3 };
    await h.service.connect('s', spec({ url: `${server.origin}/reset`, settings }));
    const reconnecting = (await h.waitFor('s', (e) => e.type === 'state' && e.state === 'reconnecting')) as Extract<WsEvent, { type: 'state' }>;
    expect(reconnecting.attempt).toBe(1);
    await h.waitFor('s', (e) => e.type === 'handshake' && (h.events.get('s') ?? []).filter((x) => x.type === 'handshake').length >= 2);
    h.service.disconnect('s');
    await h.waitFor('s', (e) => e.type === 'state' && e.state === 'closed');
    const before = server.connections();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.connections()).toBe(before);
  });

  it('refuses addresses the host forbids (web mode: its own port)', async () => {
    const h = harness({ refuse: (_address, port) => port === server.port });
    expect((await failure(h.service.connect('s', spec({ url: `${server.origin}/echo` })))).code).toBe('SELF_REQUEST_REFUSED');
    expect((await failure(h.service.connect('t', spec({ url: `ws://localhost:${server.port}/echo` })))).code).toBe('SELF_REQUEST_REFUSED');
  });

  it('verifies TLS like the HTTP engine, and connects when verification is off', async () => {
    const secure = await startWsTestServer(certs.selfSigned);
    extra.push(secure);
    const h = harness();
    expect((await failure(h.service.connect('s', spec({ url: `wss://localhost:${secure.port}/echo` })))).code).toBe('TLS_CERT_SELF_SIGNED');
    const handshake = await h.service.connect('t', spec({ url: `wss://localhost:${secure.port}/echo`, settings: { verifyTls: false } }));
    expect(handshake.status).toBe(101);
  });

  it('batches a flood into few events and caps the kept log', async () => {
    const h = harness();
    await h.service.connect('s', spec({ url: `${server.origin}/flood?count=5000&bytes=200`, settings: { logCap: 1000 } }));
    await h.waitFor('s', (e) => e.type === 'message' && e.message.seq === 5000, 10_000);
    expect(h.batches).toBeLessThan(500);
    const { messages, dropped } = h.service.log('s');
    expect(messages).toHaveLength(1000);
    expect(dropped).toBe(4000);
    expect(messages.at(-1)?.seq).toBe(5000);
  });

  it('ships a fast sender as batches the window can parse between two frames: each within the cap, in order, none lost', async () => {
    const sizes: number[] = [];
    const seqs: number[] = [];
    let last: (() => void) | null = null;
    const service = createWebSocketService({
      userAgent: 'Courier/test',
      onEvents: (batch) => {
        sizes.push(batch.events.length);
        for (const event of batch.events) if (event.type === 'message') seqs.push(event.message.seq);
        if (seqs.at(-1) === 20_000) last?.();
      },
    });
    try {
      const done = new Promise<void>((resolve) => (last = resolve));
      await service.connect('s', spec({ url: `${server.origin}/flood?count=20000&bytes=200`, settings: { logCap: 100_000 } }));
      await done;
      expect(Math.max(...sizes)).toBeLessThanOrEqual(STREAM_BATCH_MAX_EVENTS);
      expect(sizes.length).toBeGreaterThanOrEqual(20_000 / STREAM_BATCH_MAX_EVENTS);
      expect(seqs).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    } finally {
      await service.close();
    }
  });

  it('tells where a session stands (state and handshake) so a reloaded window can re-attach; null once it is gone', async () => {
    const h = harness();
    expect(h.service.status('never')).toBeNull();
    await h.service.connect('r', spec({ url: `${server.origin}/echo` }));
    expect(h.service.status('r')).toMatchObject({ state: 'open', handshake: { status: 101 } });
    await h.service.send('r', 'text', 'still here');
    await h.waitFor('r', received);
    expect(h.service.log('r').messages.map((m) => m.direction)).toEqual(['sent', 'received']);
    h.service.disconnect('r');
    expect(h.service.status('r')).toBeNull();

    // The server closed it: the session is known, and not open.
    await h.service.connect('c', spec({ url: `${server.origin}/close?code=1000` }));
    await h.waitFor('c', (e) => e.type === 'state' && e.state === 'closed');
    expect(h.service.status('c')?.state).toBe('closed');
  });
});
