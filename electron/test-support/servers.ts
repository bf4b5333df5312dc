import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';

/** A server a test started; close() also destroys any socket still open, so hostile handlers cannot hang teardown. */
export interface TestServer {
  port: number;
  /** e.g. http://127.0.0.1:1234 */
  origin: string;
  /** sockets the server accepted, in order (to assert the client side closed them) */
  sockets: Socket[];
  close(): Promise<void>;
}

type AnyServer = HttpServer | NetServer;

async function listen(server: AnyServer, scheme: string, sockets: Socket[]): Promise<TestServer> {
  const open = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.push(socket);
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
  };
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', track);
  if (scheme === 'https') server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `${scheme}://127.0.0.1:${port}`,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

function withBody(handler: Handler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  };
}

/** Node http server; the handler gets the whole request body. */
export function startHttpServer(handler: Handler): Promise<TestServer> {
  const server = createHttpServer({ keepAliveTimeout: 10_000 }, withBody(handler));
  return listen(server, 'http', []);
}

export function startHttpsServer(tls: { key: string; cert: string }, handler: Handler): Promise<TestServer> {
  const server = createHttpsServer({ key: tls.key, cert: tls.cert, keepAliveTimeout: 10_000 }, withBody(handler));
  return listen(server, 'https', []);
}

/** Raw TCP: the test writes whatever bytes it wants, including broken HTTP. */
export function startRawServer(onSocket: (socket: Socket) => void): Promise<TestServer> {
  const server = createNetServer(onSocket);
  return listen(server, 'http', []);
}

/** Reads a request head off a raw socket (up to the blank line), then calls back once. */
export function onRequestHead(socket: Socket, callback: (head: string) => void): void {
  let buffered = '';
  const onData = (chunk: Buffer): void => {
    buffered += chunk.toString('latin1');
    if (buffered.includes('\r\n\r\n')) {
      socket.removeListener('data', onData);
      callback(buffered.slice(0, buffered.indexOf('\r\n\r\n')));
    }
  };
  socket.on('data', onData);
}

/** A port that was just free: bound, then closed, so connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Echo: answers with JSON describing exactly what arrived. */
export const echoHandler: Handler = (req, res, body) => {
  const payload = JSON.stringify({
    method: req.method,
    url: req.url,
    rawHeaders: req.rawHeaders,
    bodyBase64: body.toString('base64'),
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(payload);
};

export interface EchoReply {
  method: string;
  url: string;
  rawHeaders: string[];
  bodyBase64: string;
}
