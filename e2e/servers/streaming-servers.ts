import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startWsTestServer, type WsTestServer } from '../../electron/test-support/ws-servers';

export type { WsTestServer };
/** The same WebSocket server the service tests use: /echo, /binary, /slow, /reject, /reset, /invalid-utf8, /big… */
export const startWsFixtureServer = (): Promise<WsTestServer> => startWsTestServer();

export interface SseFixtureServer {
  url: string;
  /** The paced stream opened with &until=NAME sends the rest of its events as fast as the socket takes them. */
  hurry(name: string): void;
  /** The stream opened with &hold=NAME, holding after its first events, sends its &more=M events and ends. */
  resume(name: string): void;
  close(): Promise<void>;
}

/**
 * Server-sent events: /events?count=N&every=MS sends N JSON events (every MS milliseconds, or as fast as the socket
 * takes them when 0) and ends; /endless never ends. &retry=MS puts a retry field on the first event.
 * &until=NAME keeps that pace only until the test calls hurry(NAME): a spec that has seen what it needed of the live
 * stream does not wait out the rest of a pace chosen to outlast a loaded machine's slowest look.
 * &hold=NAME sends the first N events and then holds the stream open until the test calls resume(NAME), which sends
 * &more=M further events and ends it: what the window shows of a stream that has gone quiet.
 */
export async function startSseFixtureServer(): Promise<SseFixtureServer> {
  const sockets = new Set<Socket>();
  const paced = new Map<string, () => void>();
  const held = new Map<string, () => void>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    let count = url.pathname === '/endless' ? Infinity : Number(url.searchParams.get('count') ?? '10');
    let hold = url.searchParams.get('hold');
    let every = Number(url.searchParams.get('every') ?? '0');
    const until = url.searchParams.get('until');
    if (until !== null) paced.set(until, () => (every = 0));
    const retry = url.searchParams.get('retry');
    let n = 0;
    const event = (i: number) =>
      `${i === 0 && retry !== null ? `retry: ${retry}\n` : ''}id: ${i}\nevent: tick\ndata: {"n":${i},"message":"event number ${i}","ok":true}\n\n`;
    const pump = (): void => {
      if (res.destroyed) return;
      if (n >= count && hold !== null) {
        const name = hold;
        hold = null;
        held.set(name, () => {
          count += Number(url.searchParams.get('more') ?? '0');
          pump();
        });
        return;
      }
      if (n >= count) {
        res.end();
        return;
      }
      if (every > 0) {
        res.write(event(n++));
        setTimeout(pump, every);
        return;
      }
      let chunk = '';
      while (n < count && chunk.length < 16_384) chunk += event(n++);
      if (res.write(chunk)) setImmediate(pump);
      else res.once('drain', pump);
    };
    pump();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hurry: (name) => {
      const hurry = paced.get(name);
      if (!hurry) throw new Error(`no stream was opened with until=${name}`);
      paced.delete(name);
      hurry();
    },
    resume: (name) => {
      const resume = held.get(name);
      if (!resume) throw new Error(`no stream is holding with hold=${name}`);
      held.delete(name);
      resume();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
