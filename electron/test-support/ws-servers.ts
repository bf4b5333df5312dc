import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A real WebSocket server with one path per situation: /echo, /binary (greets with bytes), /slow (echoes after
 * 300 ms), /reject (401 with a body), /reset (drops the TCP connection after opening), /invalid-utf8 (a text frame
 * that is not UTF-8), /big?bytes=N (one message of N bytes), /headers (first message: the request's headers and
 * subprotocol as JSON), /close?code=N (closes with that code), /flood?count=N&bytes=B (N JSON messages at once),
 * /reject-echo (403 quoting the request's URL in a header and its URL and headers in the body, as chatty servers do).
 */
export interface WsTestServer {
  port: number;
  /** ws://127.0.0.1:port (or wss://) */
  origin: string;
  connections(): number;
  close(): Promise<void>;
}

function acceptKey(key: string): string {
  return createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
}

function handleRaw(path: string, req: IncomingMessage, socket: Socket): boolean {
  if (path === '/reject') {
    const body = JSON.stringify({ error: 'invalid_token', message: 'Bearer token required' });
    socket.end(
      `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nWWW-Authenticate: Bearer\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    return true;
  }
  if (path === '/reject-echo') {
    const body = JSON.stringify({ url: req.url, headers: req.headers });
    socket.end(
      `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nX-Echo-Url: ${req.url ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    return true;
  }
  if (path === '/invalid-utf8') {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`);
    // FIN + text opcode, 2-byte payload 0xff 0xfe: never valid UTF-8.
    setTimeout(() => socket.write(Buffer.from([0x81, 0x02, 0xff, 0xfe])), 20);
    return true;
  }
  return false;
}

function onConnection(ws: WebSocket, req: IncomingMessage): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  ws.on('error', () => undefined);
  if (path === '/binary') ws.send(Buffer.from([0, 1, 2, 0xfe, 0xff]));
  if (path === '/headers') ws.send(JSON.stringify({ headers: req.headers, protocol: ws.protocol, query: url.search }));
  if (path === '/big') ws.send('x'.repeat(Number(url.searchParams.get('bytes') ?? '1024')));
  if (path === '/close') ws.close(Number(url.searchParams.get('code') ?? '1000'), 'bye');
  if (path === '/reset') setTimeout(() => (req.socket as Socket).destroy(), 50);
  if (path === '/flood') {
    const count = Number(url.searchParams.get('count') ?? '1000');
    const pad = 'x'.repeat(Math.max(0, Number(url.searchParams.get('bytes') ?? '200') - 40));
    for (let i = 0; i < count; i++) ws.send(JSON.stringify({ i, pad }));
  }
  ws.on('message', (data, isBinary) => {
    if (path === '/slow') setTimeout(() => ws.send(data, { binary: isBinary }), 300);
    else if (path === '/echo' || path === '/binary' || path === '/headers') ws.send(data, { binary: isBinary });
  });
}

export async function startWsTestServer(tls?: { key: string; cert: string }): Promise<WsTestServer> {
  const server: Server = tls ? createHttpsServer(tls) : createHttpServer();
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => protocols.values().next().value ?? false });
  const sockets = new Set<Socket>();
  let connections = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  server.on('request', (_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' });
    res.end('WebSocket only');
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    connections += 1;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (handleRaw(path, req, socket)) return;
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `${tls ? 'wss' : 'ws'}://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        for (const socket of sockets) socket.destroy();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
