import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A protected API for the credential workflows: /basic answers 200 only to the right Basic credentials, /bearer only
 * to the right token, anything else 401; /open answers 200 and says whether an Authorization header came at all.
 * Every Authorization header that arrived is kept (Courier masks credentials in what it shows, so the response is no
 * proof of what was sent).
 */
export interface CredentialServer {
  url: string;
  authorizations(): (string | null)[];
  close(): Promise<void>;
}

export async function startCredentialServer(expected: { username: string; password: string; token: string }): Promise<CredentialServer> {
  const seen: (string | null)[] = [];
  const basic = `Basic ${Buffer.from(`${expected.username}:${expected.password}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    const authorization = req.headers.authorization ?? null;
    seen.push(authorization);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="e2e"' } : {}) });
      res.end(JSON.stringify(body));
    };
    if (path === '/open') return reply(200, { authorization: authorization === null ? 'none' : 'present' });
    if (path === '/basic') return authorization === basic ? reply(200, { ok: 'basic' }) : reply(401, { error: 'bad credentials' });
    if (path === '/bearer') return authorization === `Bearer ${expected.token}` ? reply(200, { ok: 'bearer' }) : reply(401, { error: 'bad token' });
    return reply(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations: () => [...seen],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
