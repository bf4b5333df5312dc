import { createServer, type Server } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { CourierError } from '../../../shared/contract';

/**
 * The redirect listener of a native app (RFC 8252 §7.3): HTTP on the loopback IP literal, not "localhost" (which may
 * resolve elsewhere or to ::1 while the browser tries 127.0.0.1), for one sign-in.
 */
export interface LoopbackListener {
  port: number;
  redirectUri: string;
  close(): Promise<void>;
}

/** What the browser is shown for a callback, and whether the listener is done. */
export interface CallbackPage {
  status: number;
  title: string;
  message: string;
  done: boolean;
}

const CALLBACK_PATH = '/callback';

export async function startLoopback(port: number, onCallback: (query: URLSearchParams) => CallbackPage): Promise<LoopbackListener> {
  const sockets = new Set<Socket>();
  let finished = false;
  let closing: Promise<void> | null = null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers ask for /favicon.ico and may prefetch; only the callback path counts.
    const page: CallbackPage =
      req.method !== 'GET' || url.pathname !== CALLBACK_PATH
        ? { status: 404, title: 'Not found', message: 'Courier is waiting for the sign-in to come back to this address.', done: false }
        : finished
          ? { status: 409, title: 'Already received', message: 'Courier already received the answer for this sign-in. You can close this tab.', done: false }
          : onCallback(url.searchParams);
    if (page.done) finished = true;
    const html = renderPage(page);
    res.writeHead(page.status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      // The address holds the authorization code: keep it out of caches and out of any Referer.
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      connection: 'close',
    });
    res.end(html);
    if (page.done) res.on('finish', () => void close());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive sockets from the browser would hold the port open.
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(
          new CourierError(
            'AUTH_FAILED',
            `Courier cannot listen for the sign-in redirect on port ${port}: it is ${error.code === 'EADDRINUSE' ? 'in use' : 'not allowed'}. Choose another redirect port, or 0 for any free port.`,
            error.code,
          ),
        );
      } else {
        reject(new CourierError('AUTH_FAILED', 'Courier could not start listening for the sign-in redirect.', error.code));
      }
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return { port: actual, redirectUri: `http://127.0.0.1:${actual}${CALLBACK_PATH}`, close };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderPage(page: CallbackPage): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)} – Courier</title>
<style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:36rem;padding:0 1rem;color:#222}</style></head>
<body><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p></body></html>
`;
}
