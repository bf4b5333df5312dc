import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server whose answers the test releases by hand: GET /gate/<key> waits until the test opens that gate,
 * so "both requests are in flight" is a fact the test arranges, not a race it hopes to win on a busy machine.
 * Every answer carries the gate's key and a per-key count, so a test can tell which send an answer belongs to.
 */
export interface GateServer {
  url: string;
  /** answers everything waiting at the gate, and every later request to it at once */
  open(key: string): void;
  /** keys of the requests waiting now (one entry per request) */
  waiting(): string[];
  /** keys of the requests whose connection the client closed before an answer */
  abandoned(): string[];
  close(): Promise<void>;
}

export async function startGateServer(): Promise<GateServer> {
  const opened = new Set<string>();
  const held = new Map<string, Set<ServerResponse>>();
  const counts = new Map<string, number>();
  const abandoned: string[] = [];

  const answer = (key: string, res: ServerResponse): void => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    res.writeHead(200, { 'content-type': 'application/json', 'x-gate': key, 'x-gate-n': String(n) });
    res.end(JSON.stringify({ gate: key, n }));
  };

  const server = createServer((req, res) => {
    const match = /^\/gate\/([\w-]+)$/.exec(new URL(req.url ?? '/', 'http://gate').pathname);
    if (!match) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const key = match[1]!;
    if (opened.has(key)) {
      answer(key, res);
      return;
    }
    const waiting = held.get(key) ?? new Set<ServerResponse>();
    held.set(key, waiting);
    waiting.add(res);
    res.on('close', () => {
      if (waiting.delete(res) && !res.writableEnded) abandoned.push(key);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    open(key) {
      opened.add(key);
      const waiting = held.get(key);
      if (!waiting) return;
      for (const res of [...waiting]) {
        waiting.delete(res);
        answer(key, res);
      }
    },
    waiting: () => [...held].flatMap(([key, set]) => [...set].map(() => key)).sort(),
    abandoned: () => [...abandoned],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
