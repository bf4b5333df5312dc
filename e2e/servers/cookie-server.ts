import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A site with a login cookie: /login answers with Set-Cookie (session=<value>), /whoami echoes the Cookie header it
 * got as JSON, so the response shows what Courier sent.
 */
export interface CookieServer {
  url: string;
  close(): Promise<void>;
}

export async function startCookieServer(session: string): Promise<CookieServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/login') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': `session=${session}; Path=/; HttpOnly` });
      res.end(JSON.stringify({ loggedIn: true }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ cookie: req.headers.cookie ?? 'none' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
