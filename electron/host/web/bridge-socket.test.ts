import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { MethodHandlers } from '../../../shared/contract';
import { createBridgeSockets, type BridgeSockets } from './bridge-socket';

let server: Server | null = null;
let sockets: BridgeSockets | null = null;

afterEach(async () => {
  sockets?.close();
  if (server) await new Promise((resolve) => server?.close(resolve));
  server = null;
  sockets = null;
});

async function start(handlers: Partial<MethodHandlers>, options: { wsReloadGraceMs?: number } = {}): Promise<WebSocket> {
  sockets = createBridgeSockets(handlers as MethodHandlers, () => undefined, options);
  const bridge = sockets;
  server = createServer();
  server.on('upgrade', (request, socket, head) => bridge.accept(request, socket, head));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return another();
}

/** A second page (a reload) on the same server. */
async function another(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${(server!.address() as AddressInfo).port}/`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function call(ws: WebSocket, id: number, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const reply = JSON.parse(data.toString()) as { type: string; id: number };
      if (reply.type === 'result' && reply.id === id) {
        ws.off('message', onMessage);
        resolve(reply);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, method, input }));
  });
}

describe('bridge sockets', () => {
  it('releases the response bodies a page still held when its socket closes', async () => {
    const released: string[] = [];
    let next = 0;
    const ws = await start({
      'http.send': async () => ({ body: { id: `body-${++next}` } }) as never,
      'http.cancel': async () => ({ cancelled: false }),
      'body.release': async ({ bodyId }) => {
        released.push(bodyId);
        return { released: true };
      },
    });
    const request = { method: 'GET', url: 'http://127.0.0.1:1/' };
    await call(ws, 1, 'http.send', { requestId: 'r1', request });
    await call(ws, 2, 'http.send', { requestId: 'r2', request });
    await call(ws, 3, 'body.release', { bodyId: 'body-1' });
    expect(released).toEqual(['body-1']);
    ws.close();
    const until = performance.now() + 2_000;
    while (released.length < 2 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(released).toEqual(['body-1', 'body-2']);
  });

  it('cancels the sends still in flight when a page goes away, saying the window closed', async () => {
    const cancels: unknown[] = [];
    const ws = await start({
      'http.send': () => new Promise(() => undefined),
      'http.cancel': async (input) => {
        cancels.push(input);
        return { cancelled: true };
      },
    });
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'http.send', input: { requestId: 'r1', request: { method: 'GET', url: 'http://127.0.0.1:1/' } } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    ws.close();
    const until = performance.now() + 2_000;
    while (cancels.length < 1 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(cancels).toEqual([{ requestId: 'r1', reason: 'window-closed' }]);
  });

  it("keeps a page's WebSocket sessions through a reload (claimed by ws.attach) and closes the ones no page claims", async () => {
    const closed: string[] = [];
    const handlers: Partial<MethodHandlers> = {
      'ws.connect': async () => ({ handshake: { status: 101, statusText: 'Switching Protocols', headers: [], protocol: null, extensions: null } }) as never,
      'ws.attach': async () => ({ session: null }),
      'ws.close': async ({ sessionId }) => {
        closed.push(sessionId);
        return { closed: true };
      },
    };
    const first = await start(handlers, { wsReloadGraceMs: 300 });
    const request = { url: 'ws://127.0.0.1:1/' };
    await call(first, 1, 'ws.connect', { sessionId: 'kept', request });
    await call(first, 2, 'ws.connect', { sessionId: 'dropped', request });
    await call(first, 3, 'ws.connect', { sessionId: 'closed-by-page', request });
    await call(first, 4, 'ws.close', { sessionId: 'closed-by-page' });
    first.close();
    // the reload: the new page takes back one of them before the grace period ends
    const second = await another();
    await call(second, 1, 'ws.attach', { sessionId: 'kept' });
    await pause(700);
    expect(closed).toEqual(['closed-by-page', 'dropped']);
    // and a page that goes for good takes its sessions with it, after the grace period
    second.close();
    const until = performance.now() + 3_000;
    while (closed.length < 3 && performance.now() < until) await pause(20);
    expect(closed).toEqual(['closed-by-page', 'dropped', 'kept']);
  });
});
