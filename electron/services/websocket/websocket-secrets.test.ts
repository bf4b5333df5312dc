import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wsRequestSpecSchema, type WsEvent, type WsEventBatch, type WsRequestSpecInput } from '../../../shared/contract';
import { leakNeedles, startWsTestServer, trapUnhandledErrors, type WsTestServer } from '../../test-support';
import { createWebSocketService, type WebSocketService } from './index';

trapUnhandledErrors();

/** What the WebSocket path reports about a handshake carries no secret; header values are checked first. */
const CANARY = 'Kq9!canary s3cr3t+/=zZ';

let server: WsTestServer;
let service: WebSocketService | null = null;
const batches: WsEventBatch[] = [];

beforeAll(async () => {
  server = await startWsTestServer();
});
afterAll(() => server.close());
afterEach(async () => {
  await service?.close();
  service = null;
  batches.length = 0;
});

function start(): WebSocketService {
  service = createWebSocketService({ userAgent: 'Courier/test', onEvents: (batch) => batches.push(batch) });
  return service;
}

const spec = (input: WsRequestSpecInput) => wsRequestSpecSchema.parse(input);
const eventsOf = (sessionId: string): WsEvent[] => batches.filter((b) => b.sessionId === sessionId).flatMap((b) => b.events);

function expectNoSecret(text: string): void {
  for (const needle of leakNeedles(CANARY)) expect(text, needle.form).not.toContain(needle.bytes.toString());
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; detail?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(batches)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('WebSocket secrets', () => {
  it('masks the secret in the handshake URL and headers shown, and leaves message payloads as they came', async () => {
    const ws = start();
    const request = spec({ url: `${server.origin}/headers?token=${encodeURIComponent(CANARY)}`, headers: [{ name: 'X-Token', value: CANARY }] });
    const handshake = await ws.connect('m1', request, [CANARY]);
    expect(handshake.url).toContain('••••••');
    await until(() => eventsOf('m1').some((e) => e.type === 'message'));
    const { message: greeting, rest } = splitMessages(eventsOf('m1'));
    // the server's own echo is a live payload: shown as it arrived, like an HTTP body
    expect(greeting).toContain(CANARY);
    expectNoSecret(JSON.stringify(handshake));
    expectNoSecret(JSON.stringify(rest));
  });

  it('masks a refused handshake that echoes the secret in its headers and body, and the error', async () => {
    const ws = start();
    const error = await failure(
      ws.connect('m2', spec({ url: `${server.origin}/reject-echo?token=${encodeURIComponent(CANARY)}`, headers: [{ name: 'X-Token', value: CANARY }] }), [
        CANARY,
      ]),
    );
    expect(error.code).toBe('WS_HANDSHAKE_REJECTED');
    const rejected = eventsOf('m2').find((e) => e.type === 'rejected') as Extract<WsEvent, { type: 'rejected' }>;
    expect(rejected.status).toBe(403);
    expect(rejected.bodyExcerpt).toContain('••••••');
    expect(rejected.headers.find(([name]) => name.toLowerCase() === 'x-echo-url')?.[1]).toContain('••••••');
    expectNoSecret(JSON.stringify(eventsOf('m2')));
  });

  it('masks an INVALID_URL that quotes the secret', async () => {
    const ws = start();
    const error = await failure(ws.connect('m3', spec({ url: `ws://127.0.0.1:99999/${CANARY}` }), [CANARY]));
    expect(error.code).toBe('INVALID_URL');
    expect(error.message).toContain('••••••');
    expectNoSecret(JSON.stringify(error));
    expectNoSecret(JSON.stringify(eventsOf('m3')));
  });

  it('refuses a header value with CR/LF or a non-Latin-1 character as INVALID_HEADER naming it, and ends the session', async () => {
    const ws = start();
    for (const [index, value] of ['a\r\nX-Injected: 1', 'price €5'].entries()) {
      const sessionId = `h${index}`;
      const error = await failure(ws.connect(sessionId, spec({ url: `${server.origin}/echo`, headers: [{ name: 'X-Bad', value }] })));
      expect(error.code).toBe('INVALID_HEADER');
      expect(error.message).toContain('X-Bad');
      await until(() => eventsOf(sessionId).some((e) => e.type === 'state'));
      const states = eventsOf(sessionId)
        .filter((e) => e.type === 'state')
        .map((e) => (e as { state: string }).state);
      expect(states).toEqual(['closed']);
      expect(eventsOf(sessionId).find((e) => e.type === 'error')).toMatchObject({ error: { code: 'INVALID_HEADER' } });
    }
  });

  it('logs the close frame with its code and reason, both when the server closes and when the user does', async () => {
    const ws = start();
    await ws.connect('c1', spec({ url: `${server.origin}/close?code=4001` }));
    await until(() => eventsOf('c1').some((e) => e.type === 'closed'));
    const row = eventsOf('c1').find((e) => e.type === 'message' && e.message.kind === 'close') as Extract<WsEvent, { type: 'message' }>;
    expect(row.message).toMatchObject({ direction: 'received', kind: 'close', opcode: 8, closeCode: 4001, text: 'bye' });
    expect(ws.log('c1').messages.at(-1)).toMatchObject({ kind: 'close', closeCode: 4001 });

    await ws.connect('c2', spec({ url: `${server.origin}/echo` }));
    ws.disconnect('c2', 1000, 'done');
    await until(() => eventsOf('c2').some((e) => e.type === 'closed'));
    const mine = eventsOf('c2').find((e) => e.type === 'message' && e.message.kind === 'close') as Extract<WsEvent, { type: 'message' }>;
    expect(mine.message).toMatchObject({ direction: 'sent', closeCode: 1000, text: 'done' });
  });
});

/** The first received message's text, and every other event. */
function splitMessages(events: WsEvent[]): { message: string; rest: WsEvent[] } {
  const index = events.findIndex((e) => e.type === 'message' && e.message.direction === 'received');
  const found = events[index] as Extract<WsEvent, { type: 'message' }>;
  return { message: found.message.text ?? '', rest: events.filter((_, i) => i !== index) };
}
