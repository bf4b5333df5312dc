import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A real HTTP server whose bodies stop halfway until the test lets them finish: GET /held/<key> answers 200 with a
 * JSON array whose first chunk (about 20 KiB: "first-of-<key>", the X-Api-Key it was sent, rows) goes at once, and
 * whose rest waits for finish(key). So "the body is still arriving" is a fact the test arranges, not a race.
 * While held, a space goes every 5 s (JSON allows it between values), so a slow test on a loaded machine never meets
 * the request's idle timeout (30 s); `?silent` holds it without a byte, as a server gone silent does.
 */
export interface HeldBodyServer {
  url: string;
  /** sends the rest of that body and ends it */
  finish(key: string): void;
  /** keys of the bodies still held open */
  held(): string[];
  /** keys whose connection the client closed before the body ended (a cancel) */
  abandoned(): string[];
  close(): Promise<void>;
}

export async function startHeldBodyServer(): Promise<HeldBodyServer> {
  const held = new Map<string, ServerResponse>();
  const abandoned: string[] = [];
  const sockets = new Set<Socket>();
  const row = (key: string, i: number) => JSON.stringify({ item: `${key}-row-${i}`, note: 'x'.repeat(40) });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://held');
    const match = /^\/held\/([\w-]+)$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const key = match[1]!;
    const echoed = String(req.headers['x-api-key'] ?? '');
    res.writeHead(200, { 'content-type': 'application/json', 'x-held': key, 'x-key-echo': encodeURIComponent(echoed) });
    const rows = Array.from({ length: 300 }, (_, i) => row(key, i)).join(',');
    res.write(`[${JSON.stringify({ first: `first-of-${key}`, key: echoed, escaped: JSON.stringify(echoed) })},${rows}`);
    held.set(key, res);
    const keepAlive = url.searchParams.has('silent') ? undefined : setInterval(() => res.write(' '), 5_000);
    res.on('finish', () => clearInterval(keepAlive));
    res.on('close', () => {
      clearInterval(keepAlive);
      if (held.delete(key) && !res.writableEnded) abandoned.push(key);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    finish(key) {
      const res = held.get(key);
      if (!res) return;
      held.delete(key);
      res.end(`,${Array.from({ length: 300 }, (_, i) => row(key, 300 + i)).join(',')},${JSON.stringify({ last: `last-of-${key}` })}]`);
    },
    held: () => [...held.keys()].sort(),
    abandoned: () => [...abandoned],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
