import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';

/** 200-byte JSON messages, like a busy feed. */
export function feedMessage(i: number): string {
  const head = JSON.stringify({ seq: i, type: 'tick', price: 100 + (i % 97) / 10, pad: '' });
  return head.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, 200 - head.length))}"`);
}

/** Messages written at a time: one write of this many frames (or HTTP chunks) keeps the kernel's buffer full. */
const CHUNK = 256;

/** An unmasked text frame, as a server sends it (RFC 6455 §5.2): the generator's cost stays far below the app's. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const head = payload.length < 126 ? Buffer.from([0x81, payload.length]) : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([head, payload]);
}

/**
 * Sends `count` messages over an upgraded socket as fast as the receiver reads them: CHUNK frames per write, the next
 * write only once the kernel took the last one ('drain'), so a reader that falls behind slows the sender instead of
 * growing its memory. A fixed rate would measure the generator, not the app; so would one system call per message.
 */
function floodWebSocket(socket: Duplex, count: number): void {
  let sent = 0;
  const next = (): void => {
    while (sent < count && !socket.destroyed) {
      const frames: Buffer[] = [];
      for (const end = Math.min(count, sent + CHUNK); sent < end; sent += 1) frames.push(textFrame(feedMessage(sent)));
      if (!socket.write(Buffer.concat(frames))) {
        socket.once('drain', next);
        return;
      }
    }
  };
  next();
}

/**
 * The same for a text/event-stream, one event per HTTP chunk as event-stream servers write them; CHUNK of them go out
 * in one system call (cork), then it waits for 'drain' whenever the buffer is full.
 */
function floodEventStream(res: ServerResponse, count: number): void {
  let sent = 0;
  const next = (): void => {
    while (sent < count && !res.destroyed) {
      res.cork();
      let full = false;
      for (const end = Math.min(count, sent + CHUNK); sent < end; sent += 1) full = !res.write(`id: ${sent}\ndata: ${feedMessage(sent)}\n\n`) || full;
      res.uncork();
      if (full) {
        res.once('drain', next);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  next();
}

/** Completes a WebSocket handshake by hand, so the flood can write frames straight to the socket. */
function acceptUpgrade(req: IncomingMessage, socket: Duplex): void {
  const accept = createHash('sha1')
    .update(`${req.headers['sec-websocket-key'] ?? ''}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
    .digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  // what the client sends (its close frame, pongs) is read and ignored
  socket.on('data', () => undefined);
  socket.on('error', () => undefined);
}

/**
 * A loopback server for the streaming benches: WebSocket /echo (ws) and /flood?count=N (N messages, as fast as the
 * client takes them), and SSE /sse?count=N the same way.
 */
export async function startStreamBenchServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    floodEventStream(res, Number(url.searchParams.get('count') ?? '1000'));
  });
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws) => {
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/flood') {
      acceptUpgrade(req, socket);
      floodWebSocket(socket, Number(url.searchParams.get('count') ?? '1000'));
    } else wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
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
