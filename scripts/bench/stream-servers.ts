import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** 200-byte JSON messages, like a busy feed. */
export function feedMessage(i: number): string {
  const head = JSON.stringify({ seq: i, type: 'tick', price: 100 + (i % 97) / 10, pad: '' });
  return head.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, 200 - head.length))}"`);
}

/** Messages written before waiting for the socket to take them: enough to keep the kernel's buffer full. */
const CHUNK = 256;

/**
 * Sends `count` messages over a WebSocket as fast as the receiver reads them: a chunk at a time, the next one only
 * once the last message of the chunk has been handed to the kernel (ws calls back then), so a reader that falls behind
 * slows the sender instead of growing the sender's memory. A fixed rate would measure the generator, not the app.
 */
function floodWebSocket(ws: WebSocket, count: number): void {
  let sent = 0;
  const next = (): void => {
    if (ws.readyState !== ws.OPEN) return;
    const end = Math.min(count, sent + CHUNK);
    while (sent < end - 1) ws.send(feedMessage(sent++));
    if (sent < count) ws.send(feedMessage(sent++), (error) => (error ? undefined : next()));
  };
  next();
}

/** The same for a text/event-stream: write until `write` says the buffer is full, then wait for 'drain'. */
function floodEventStream(res: ServerResponse, count: number): void {
  let sent = 0;
  const next = (): void => {
    while (sent < count && !res.destroyed) {
      const i = sent++;
      if (!res.write(`id: ${i}\ndata: ${feedMessage(i)}\n\n`)) {
        res.once('drain', next);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  next();
}

/**
 * A loopback server for the streaming benches: WebSocket /echo and /flood?count=N (N messages, as fast as the client
 * takes them), and SSE /sse?count=N the same way.
 */
export async function startStreamBenchServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    floodEventStream(res, Number(url.searchParams.get('count') ?? '1000'));
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://x');
    ws.on('error', () => undefined);
    if (url.pathname === '/echo') ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
    if (url.pathname === '/flood') floodWebSocket(ws, Number(url.searchParams.get('count') ?? '1000'));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        for (const socket of sockets) socket.destroy();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

/**
 * Courier as users run it: the end-to-end helper turns on the check of every event against the contract, a test
 * aid that validates each of the hundreds of thousands of messages these benches send.
 */
export const AS_USERS_RUN = { env: { COURIER_CHECK_CONTRACT: '0' } };
