import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server the end-to-end tests send requests to. Each endpoint is a situation a user meets:
 * an echo, a large JSON document, a slow server, HTML with a script, an image, binary bytes.
 */
export interface FixtureServer {
  url: string;
  /** How many times /beacon was hit: proof that a previewed script ran (or did not). */
  beaconHits(): number;
  /** Every request to /record-headers and below, in arrival order, with the headers the browser sent. */
  recordedRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

// A 1×1 red PNG.
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Streams a JSON array of objects until about `bytes` have been written, without building it in memory. */
function streamLargeJson(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  let written = 1;
  let index = 0;
  res.write('[');
  const writeMore = (): void => {
    while (written < bytes) {
      const item = JSON.stringify({
        id: index,
        name: `item-${index}`,
        email: `user${index}@example.com`,
        active: index % 3 === 0,
        tags: ['alpha', 'beta', 'gamma'],
        score: (index * 7919) % 1000,
      });
      const piece = (index === 0 ? '' : ',') + item;
      index += 1;
      written += piece.length;
      if (!res.write(piece)) {
        res.once('drain', writeMore);
        return;
      }
    }
    res.end(']');
  };
  writeMore();
}

/**
 * A body of JSON texts, one per line (NDJSON) or each after RS (a JSON text sequence when ?type=application/json-seq),
 * as streaming, log and bulk APIs send them. ?records=N (12) of them, or ?bytes=N worth; ?broken=L makes line L a
 * record that does not parse; ?eol=crlf ends lines in CRLF; ?type= the Content-Type (application/x-ndjson).
 */
function streamJsonLines(res: ServerResponse, url: URL): void {
  const type = url.searchParams.get('type') ?? 'application/x-ndjson';
  const seq = type === 'application/json-seq';
  const eol = url.searchParams.get('eol') === 'crlf' ? '\r\n' : '\n';
  const bytes = Number(url.searchParams.get('bytes') ?? 0);
  const records = bytes > 0 ? Number.POSITIVE_INFINITY : Number(url.searchParams.get('records') ?? 12);
  const broken = Number(url.searchParams.get('broken') ?? 0);
  res.writeHead(200, { 'content-type': type });
  let written = 0;
  let index = 0;
  const writeMore = (): void => {
    while (index < records && (bytes === 0 || written < bytes)) {
      const record =
        index + 1 === broken
          ? `{"id": ${index}, "name": "broken" "oops"}`
          : JSON.stringify({ id: index, name: `item-${index}`, email: `user${index}@example.com`, active: index % 3 === 0, tags: ['alpha', 'beta'] });
      const piece = (seq ? '\x1e' : '') + record + eol;
      index += 1;
      written += piece.length;
      if (!res.write(piece)) {
        res.once('drain', writeMore);
        return;
      }
    }
    res.end();
  };
  writeMore();
}

export async function startFixtureServer(): Promise<FixtureServer> {
  let beacons = 0;
  const recorded: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    void (async () => {
      // Another local server the user has open (their dev server, the API under test): it records what the browser
      // sends it, so a test can prove nothing of Courier's (a cookie, a Referer with the token in it) reaches it.
      if (url.pathname === '/record-headers' || url.pathname.startsWith('/record-headers/')) {
        recorded.push({ path: `${url.pathname}${url.search}`, headers: { ...req.headers } });
        if (url.pathname === '/record-headers/pixel.png') {
          res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG_1X1.length, 'cache-control': 'no-store' });
          res.end(PNG_1X1);
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(
          `<!doctype html><html><head><title>Recorded</title></head><body>` +
            `<h1>Another local server</h1><img alt="pixel" src="/record-headers/pixel.png">` +
            `<script>fetch('/record-headers/fetch',{credentials:'include'}).catch(function(){});</script>` +
            `</body></html>`,
        );
        return;
      }
      // /echo/<anything> echoes too, so a test can see how a path was encoded on the wire
      switch (url.pathname.startsWith('/echo/') ? '/echo' : url.pathname) {
        case '/echo': {
          const body = await readBody(req);
          const payload = {
            method: req.method,
            path: url.pathname,
            /** the request target exactly as it arrived (still percent-encoded) */
            target: req.url,
            query: Object.fromEntries(url.searchParams),
            headers: req.headers,
            body: body.toString('utf8'),
          };
          res.writeHead(200, { 'content-type': 'application/json', 'x-fixture': 'echo' });
          res.end(JSON.stringify(payload));
          return;
        }
        case '/long-header': {
          // ?bytes=N: an x-long header of N bytes (a huge cookie or token), then a short x-after header
          const bytes = Number(url.searchParams.get('bytes') ?? 61_440);
          const value =
            Array.from({ length: Math.ceil(bytes / 10) }, (_, i) => `tok${String(i).padStart(7, '0')}`)
              .join('')
              .slice(0, bytes - 3) + 'END';
          res.writeHead(200, { 'content-type': 'text/plain', 'x-long': value, 'x-after': 'still-here' });
          res.end('ok');
          return;
        }
        case '/json': {
          streamLargeJson(res, Number(url.searchParams.get('bytes') ?? 1024));
          return;
        }
        case '/ndjson': {
          streamJsonLines(res, url);
          return;
        }
        case '/slow': {
          const ms = Number(url.searchParams.get('ms') ?? 10_000);
          const timer = setTimeout(() => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('finally');
          }, ms);
          req.socket.on('close', () => clearTimeout(timer));
          return;
        }
        case '/html': {
          const beacon = `http://${req.headers.host}/beacon`;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(
            `<!doctype html><html><head><title>Fixture page</title></head><body>` +
              `<h1 id="heading">Hello from the fixture</h1>` +
              `<script>document.getElementById('heading').textContent='SCRIPT RAN';` +
              `fetch(${JSON.stringify(beacon)}).catch(function(){});new Image().src=${JSON.stringify(beacon + '?img')};</script>` +
              `</body></html>`,
          );
          return;
        }
        case '/latin1.html': {
          // Latin-1 bytes (é is one byte, 0xE9), as older servers still send them: not valid UTF-8
          res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
          res.end(Buffer.from('<!doctype html><html><body><h1 id="heading">Café crème à la carte</h1></body></html>', 'latin1'));
          return;
        }
        case '/beacon': {
          beacons += 1;
          res.writeHead(204, { 'access-control-allow-origin': '*' });
          res.end();
          return;
        }
        case '/image.png': {
          res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG_1X1.length });
          res.end(PNG_1X1);
          return;
        }
        case '/binary': {
          const bytes = Buffer.alloc(4096);
          for (let i = 0; i < bytes.length; i += 1) bytes[i] = i % 256;
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(bytes);
          return;
        }
        case '/gzip': {
          const body = gzipSync(Buffer.from(JSON.stringify({ compressed: true, message: 'hello gzip' })));
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(body);
          return;
        }
        case '/redirect': {
          const hops = Number(url.searchParams.get('n') ?? 1);
          // ?to=<absolute URL>: a redirect to another origin (another fixture server on another port)
          const to = url.searchParams.get('to');
          res.writeHead(302, { location: to ?? (hops > 1 ? `/redirect?n=${hops - 1}` : '/echo') });
          res.end();
          return;
        }
        default: {
          const status = /^\/status\/(\d{3})$/.exec(url.pathname);
          if (status) {
            // ?retry-after=1: a rate limit's answer (429/503) that says when to come back
            const retryAfter = url.searchParams.get('retry-after');
            res.writeHead(Number(status[1]), { 'content-type': 'text/plain', ...(retryAfter === null ? {} : { 'retry-after': retryAfter }) });
            res.end(`status ${status[1]}`);
            return;
          }
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
        }
      }
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    beaconHits: () => beacons,
    recordedRequests: () => [...recorded],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
