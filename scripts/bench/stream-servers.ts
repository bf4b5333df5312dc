import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';

/** 200-byte JSON messages, like a busy feed. */
export function feedMessage(i: number): string {
  const head = JSON.stringify({ seq: i, type: 'tick', price: 100 + (i % 97) / 10, pad: '' });
  return head.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, 200 - head.length))}"`);
}

/**
 * A loopback server for the streaming benches: WebSocket /echo and /rate?perSecond=R&seconds=S (R messages a second
 * in 10 ms ticks), and SSE /sse?perSecond=R&seconds=S the same way.
 */
export async function startStreamBenchServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const paced = (perSecond: number, seconds: number, write: (i: number) => void, end: () => void, alive: () => boolean) => {
    const total = perSecond * seconds;
    const started = performance.now();
    let sent = 0;
    const tick = (): void => {
      if (!alive()) return;
      const due = Math.min(total, Math.round(((performance.now() - started) / 1000) * perSecond));
      while (sent < due) write(sent++);
      if (sent >= total) end();
      else setTimeout(tick, 10);
    };
    tick();
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    paced(
      Number(url.searchParams.get('perSecond') ?? '1000'),
      Number(url.searchParams.get('seconds') ?? '1'),
      (i) => res.write(`id: ${i}\ndata: ${feedMessage(i)}\n\n`),
      () => res.end(),
      () => !res.destroyed,
    );
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://x');
    ws.on('error', () => undefined);
    if (url.pathname === '/echo') ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
    if (url.pathname === '/rate') {
      paced(
        Number(url.searchParams.get('perSecond') ?? '1000'),
        Number(url.searchParams.get('seconds') ?? '1'),
        (i) => ws.send(feedMessage(i)),
        () => undefined,
        () => ws.readyState === ws.OPEN,
      );
    }
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
