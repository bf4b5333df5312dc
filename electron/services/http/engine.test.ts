import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpExchangeSchema, type CourierError } from '../../../shared/contract';
import { echoHandler, onRequestHead, startHttpServer, startRawServer, trapUnhandledErrors, type EchoReply, type TestServer } from '../../test-support';
import { createTestEngine, nextId, settle, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

let server: TestServer;
let t: TestEngine;

beforeAll(async () => {
  server = await startHttpServer((req, res, body) => {
    if (req.url === '/dupes') {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('X-Order', 'first');
      res.end('ok');
      return;
    }
    if (req.url === '/no-content') return void res.writeHead(204).end();
    if (req.url === '/early-hints') {
      res.writeEarlyHints({ link: '</style.css>; rel=preload' });
      res.end('after hints');
      return;
    }
    if (req.url?.startsWith('/slow')) {
      setTimeout(() => res.end('slow'), 300);
      return;
    }
    if (req.url === '/trickle') {
      res.writeHead(200, { 'content-length': 30 });
      let sent = 0;
      const timer = setInterval(() => {
        res.write('x');
        if (++sent === 30) {
          clearInterval(timer);
          res.end();
        }
      }, 15);
      return;
    }
    if (req.url === '/binary') {
      const bytes = Buffer.from([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x0a, 0x0d]);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
      return;
    }
    if (req.url === '/large') {
      const size = 6 * 1024 * 1024;
      res.writeHead(200, { 'content-length': size });
      const chunk = Buffer.alloc(64 * 1024);
      for (let i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
      for (let sent = 0; sent < size; sent += chunk.length) res.write(chunk);
      res.end();
      return;
    }
    echoHandler(req, res, body);
  });
  t = await createTestEngine({ spoolThresholdBytes: 5 * 1024 * 1024 });
});
afterAll(async () => {
  await t.dispose();
  await server.close();
});

async function echo(input: Parameters<typeof spec>[0]): Promise<{ reply: EchoReply; exchange: Awaited<ReturnType<TestEngine['engine']['send']>> }> {
  const exchange = await t.engine.send(nextId(), spec(input));
  return { reply: JSON.parse(await t.bodyText(exchange)) as EchoReply, exchange };
}

function headerMap(raw: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < raw.length; i += 2) map.set((raw[i] as string).toLowerCase(), raw[i + 1] as string);
  return map;
}

describe('request composition', () => {
  it('sends enabled params and headers, adds curl-like defaults, records the request as sent', async () => {
    const { reply, exchange } = await echo({
      method: 'GET',
      url: `${server.origin}/path?x=1#frag`,
      params: [
        { name: 'q', value: 'a b&c', enabled: true },
        { name: 'off', value: 'no', enabled: false },
      ],
      headers: [
        { name: 'X-Trace', value: 'abc', enabled: true },
        { name: 'X-Off', value: 'no', enabled: false },
      ],
    });
    expect(reply.url).toBe('/path?x=1&q=a+b%26c');
    const sent = headerMap(reply.rawHeaders);
    expect(sent.get('x-trace')).toBe('abc');
    expect(sent.has('x-off')).toBe(false);
    expect(sent.get('user-agent')).toBe('Courier/test');
    expect(sent.get('accept')).toBe('*/*');
    expect(sent.get('accept-encoding')).toBe('gzip, deflate, br');
    // The exchange lists every header that went out, including the ones undici adds.
    const recorded = new Map(exchange.request.headers.map(([name, value]) => [name.toLowerCase(), value]));
    expect(recorded.get('host')).toBe(`127.0.0.1:${server.port}`);
    expect(recorded.get('connection')).toBe('keep-alive');
    expect(recorded.get('x-trace')).toBe('abc');
    expect(exchange.request.url).toBe(`${server.origin}/path?x=1&q=a+b%26c`);
    expect(exchange.raw.requestHead.startsWith('GET /path?x=1&q=a+b%26c HTTP/1.1\r\n')).toBe(true);
    expect(exchange.raw.requestHead.endsWith('\r\n\r\n')).toBe(true);
    expect(exchange.sizes.requestHeaderBytes).toBe(Buffer.byteLength(exchange.raw.requestHead));
    expect(exchange.response.status).toBe(200);
    expect(exchange.response.statusText).toBe('OK');
    expect(exchange.raw.responseHead.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(exchange.remoteAddress).toBe('127.0.0.1');
    expect(exchange.remotePort).toBe(server.port);
    expect(exchange.tls).toBeNull();
    expect(exchange.request.httpVersion).toBe('1.1');
  });

  it('lets user headers replace the defaults', async () => {
    const { reply } = await echo({
      method: 'GET',
      url: server.origin,
      headers: [
        { name: 'user-agent', value: 'mine', enabled: true },
        { name: 'Accept', value: 'text/html', enabled: true },
        { name: 'Accept-Encoding', value: 'identity', enabled: true },
      ],
    });
    const sent = headerMap(reply.rawHeaders);
    expect(sent.get('user-agent')).toBe('mine');
    expect(sent.get('accept')).toBe('text/html');
    expect(sent.get('accept-encoding')).toBe('identity');
    expect(reply.rawHeaders.filter((name) => name.toLowerCase() === 'user-agent')).toHaveLength(1);
  });

  it('sends any valid method token, including custom ones', async () => {
    for (const method of ['PURGE', 'PROPFIND']) {
      const { reply, exchange } = await echo({ method, url: server.origin });
      expect(reply.method).toBe(method);
      expect(exchange.request.method).toBe(method);
    }
    // Node's own server only knows registered methods, so a raw socket checks the custom one.
    const raw = await startRawServer((socket) => {
      onRequestHead(socket, (head) => {
        const line = head.split('\r\n')[0] as string;
        socket.end(`HTTP/1.1 200 OK\r\nContent-Length: ${line.length}\r\n\r\n${line}`);
      });
    });
    try {
      const exchange = await t.engine.send(nextId(), spec({ method: 'X-CUSTOM_1', url: `${raw.origin}/m` }));
      expect(await t.bodyText(exchange)).toBe('X-CUSTOM_1 /m HTTP/1.1');
    } finally {
      await raw.close();
    }
  });

  it('refuses invalid methods, URLs, protocols and headers with typed errors', async () => {
    const cases: [Parameters<typeof spec>[0], string, RegExp][] = [
      [{ method: 'GE T', url: server.origin }, 'INVALID_METHOD', /"GE T" is not a valid HTTP method/],
      [{ method: 'GET', url: 'not a url' }, 'INVALID_URL', /not a valid URL.*http:\/\//],
      [{ method: 'GET', url: '' }, 'INVALID_URL', /Enter a URL/],
      [{ method: 'GET', url: 'ftp://example.com/file' }, 'UNSUPPORTED_PROTOCOL', /not ftp:/],
      [{ method: 'GET', url: 'file:///etc/passwd' }, 'UNSUPPORTED_PROTOCOL', /file:/],
      [{ method: 'GET', url: server.origin, headers: [{ name: 'Bad Name', value: 'x', enabled: true }] }, 'INVALID_HEADER', /"Bad Name"/],
      [{ method: 'GET', url: server.origin, headers: [{ name: 'X-Inject', value: 'a\r\nEvil: 1', enabled: true }] }, 'INVALID_HEADER', /X-Inject.*line break/],
      [{ method: 'GET', url: server.origin, headers: [{ name: 'X-Nul', value: 'a\0b', enabled: true }] }, 'INVALID_HEADER', /X-Nul/],
      [{ method: 'GET', url: server.origin, headers: [{ name: 'X-Uni', value: '✓', enabled: true }] }, 'INVALID_HEADER', /X-Uni/],
    ];
    for (const [input, code, message] of cases) {
      const { error } = await settle(t.engine.send(nextId(), spec(input)));
      expect(error?.code, JSON.stringify(input)).toBe(code);
      expect(error?.message).toMatch(message);
      expect(JSON.stringify((error as unknown as CourierError).toBridgeError())).not.toMatch(/\n\s+at |node_modules/);
    }
  });

  it('skips a disabled invalid header instead of failing', async () => {
    const { reply } = await echo({ method: 'GET', url: server.origin, headers: [{ name: 'Bad Name', value: 'x', enabled: false }] });
    expect(reply.method).toBe('GET');
  });

  it('turns URL credentials into Basic auth', async () => {
    const { reply, exchange } = await echo({ method: 'GET', url: `http://user:p%40ss@127.0.0.1:${server.port}/` });
    expect(headerMap(reply.rawHeaders).get('authorization')).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);
    expect(exchange.request.url).not.toContain('user');
  });
});

describe('request bodies', () => {
  it('json: application/json by default, sent as typed even when invalid', async () => {
    const { reply, exchange } = await echo({ method: 'POST', url: server.origin, body: { kind: 'json', text: '{"a": 1,' } });
    expect(Buffer.from(reply.bodyBase64, 'base64').toString()).toBe('{"a": 1,');
    expect(headerMap(reply.rawHeaders).get('content-type')).toBe('application/json');
    expect(headerMap(reply.rawHeaders).get('content-length')).toBe('8');
    expect(exchange.request.bodyBytes).toBe(8);
    expect(exchange.sizes.requestBodyBytes).toBe(8);
    expect(exchange.request.headers).toContainEqual(['content-length', '8']);
  });

  it('json: a user Content-Type wins', async () => {
    const { reply } = await echo({
      method: 'POST',
      url: server.origin,
      headers: [{ name: 'content-type', value: 'application/vnd.api+json', enabled: true }],
      body: { kind: 'json', text: '{}' },
    });
    expect(headerMap(reply.rawHeaders).get('content-type')).toBe('application/vnd.api+json');
    expect(reply.rawHeaders.filter((name) => name.toLowerCase() === 'content-type')).toHaveLength(1);
  });

  it('text: uses its content type and UTF-8 bytes', async () => {
    const { reply, exchange } = await echo({ method: 'PUT', url: server.origin, body: { kind: 'text', text: '<a>é</a>', contentType: 'application/xml' } });
    expect(headerMap(reply.rawHeaders).get('content-type')).toBe('application/xml');
    expect(Buffer.from(reply.bodyBase64, 'base64').toString()).toBe('<a>é</a>');
    expect(exchange.request.bodyBytes).toBe(Buffer.byteLength('<a>é</a>'));
  });

  it('form: urlencoded enabled fields', async () => {
    const { reply } = await echo({
      method: 'POST',
      url: server.origin,
      body: {
        kind: 'form',
        fields: [
          { name: 'a', value: '1 2', enabled: true },
          { name: 'skip', value: 'x', enabled: false },
          { name: 'b', value: '&=', enabled: true },
        ],
      },
    });
    expect(headerMap(reply.rawHeaders).get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Buffer.from(reply.bodyBase64, 'base64').toString()).toBe('a=1+2&b=%26%3D');
  });

  it('multipart: text fields and a binary file arrive intact', async () => {
    const file = Buffer.from([0, 1, 2, 255, 254, 13, 10, 45, 45]);
    const { reply, exchange } = await echo({
      method: 'POST',
      url: server.origin,
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'title', value: 'héllo', enabled: true },
          { kind: 'text', name: 'off', value: 'x', enabled: false },
          {
            kind: 'file',
            name: 'upload',
            file: { fileName: 'data.bin', contentType: 'application/octet-stream', dataBase64: file.toString('base64') },
            enabled: true,
          },
        ],
      },
    });
    const contentType = headerMap(reply.rawHeaders).get('content-type') as string;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const body = Buffer.from(reply.bodyBase64, 'base64');
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    expect(form.get('title')).toBe('héllo');
    expect(form.has('off')).toBe(false);
    const upload = form.get('upload') as File;
    expect(upload.name).toBe('data.bin');
    expect(Buffer.from(await upload.arrayBuffer()).equals(file)).toBe(true);
    expect(exchange.request.bodyBytes).toBe(body.length);
  });

  it('binary: exact bytes with the file content type', async () => {
    const bytes = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]);
    const { reply } = await echo({
      method: 'POST',
      url: server.origin,
      body: { kind: 'binary', file: { fileName: 'x', contentType: 'image/png', dataBase64: bytes.toString('base64') } },
    });
    expect(headerMap(reply.rawHeaders).get('content-type')).toBe('image/png');
    expect(Buffer.from(reply.bodyBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('refuses a file whose data is not base64', async () => {
    const { error } = await settle(
      t.engine.send(
        nextId(),
        spec({
          method: 'POST',
          url: server.origin,
          body: { kind: 'binary', file: { fileName: 'pic.png', contentType: 'image/png', dataBase64: 'not*base64' } },
        }),
      ),
    );
    expect(error?.code).toBe('INVALID_BODY');
    expect(error?.message).toMatch(/pic\.png/);
  });

  it('refuses a body content type that would break the header, naming Content-Type', async () => {
    for (const contentType of ['text/plain\r\nX-Injected: 1', 'text/plain\nX', 'text/plain; charset=\u2603']) {
      const text = await settle(t.engine.send(nextId(), spec({ method: 'POST', url: server.origin, body: { kind: 'text', text: 'x', contentType } })));
      expect(text.error?.code, contentType).toBe('INVALID_HEADER');
      expect(text.error?.message).toMatch(/Content-Type/);
      expect(text.error?.message).not.toMatch(/\n\s+at /);
      const binary = await settle(
        t.engine.send(
          nextId(),
          spec({ method: 'POST', url: server.origin, body: { kind: 'binary', file: { fileName: 'f', contentType, dataBase64: 'AA==' } } }),
        ),
      );
      expect(binary.error?.code, contentType).toBe('INVALID_HEADER');
      expect(binary.error?.message).toMatch(/Content-Type/);
    }
  });

  it('refuses a multipart file part whose content type would inject lines into the part', async () => {
    const { error } = await settle(
      t.engine.send(
        nextId(),
        spec({
          method: 'POST',
          url: server.origin,
          body: {
            kind: 'multipart',
            parts: [
              { kind: 'file', name: 'upload', file: { fileName: 'a.txt', contentType: 'text/plain\r\nX-Injected: 1', dataBase64: 'AA==' }, enabled: true },
            ],
          },
        }),
      ),
    );
    expect(error?.code).toBe('INVALID_BODY');
    expect(error?.message).toMatch(/"upload"/);
    expect(error?.message).toMatch(/content type/i);
  });

  it('multipart: escapes quotes and line breaks in names and file names (RFC 7578 §4.2)', async () => {
    const { reply } = await echo({
      method: 'POST',
      url: server.origin,
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'a"b\r\nX-Injected: 1', value: 'v', enabled: true },
          { kind: 'file', name: 'f', file: { fileName: 'evil"\r\nContent-Type: text/html.txt', contentType: 'text/plain', dataBase64: 'AA==' }, enabled: true },
        ],
      },
    });
    const body = Buffer.from(reply.bodyBase64, 'base64').toString('latin1');
    expect(body).not.toMatch(/^X-Injected/m);
    expect(body).not.toMatch(/^Content-Type: text\/html/m);
    expect(body).toContain('name="a%22b%0D%0AX-Injected: 1"');
    expect(body).toContain('filename="evil%22%0D%0AContent-Type: text/html.txt"');
  });

  it('none on POST sends content-length: 0 and records it', async () => {
    const { reply, exchange } = await echo({ method: 'POST', url: server.origin });
    expect(headerMap(reply.rawHeaders).get('content-length')).toBe('0');
    expect(exchange.request.headers).toContainEqual(['content-length', '0']);
    expect(exchange.request.bodyBytes).toBe(0);
  });
});

describe('responses', () => {
  it('keeps response headers in wire order with duplicates', async () => {
    const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/dupes` }));
    const names = exchange.response.headers.map(([name]) => name);
    expect(exchange.response.headers.filter(([name]) => name === 'Set-Cookie').map(([, value]) => value)).toEqual(['a=1', 'b=2']);
    expect(names.indexOf('Set-Cookie')).toBeLessThan(names.indexOf('X-Order'));
    expect(exchange.raw.responseHead).toContain('Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n');
    expect(exchange.sizes.responseHeaderBytes).toBe(Buffer.byteLength(exchange.raw.responseHead));
  });

  it('preserves binary and invalid UTF-8 bytes exactly', async () => {
    const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/binary` }));
    expect((await t.bodyBytes(exchange)).equals(Buffer.from([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x0a, 0x0d]))).toBe(true);
    expect(exchange.body.contentType).toBe('application/octet-stream');
    expect(exchange.sizes.responseBodyWireBytes).toBe(8);
    expect(exchange.sizes.responseBodyBytes).toBe(8);
  });

  it('spools a body above 5 MiB to a file and serves ranges from it', async () => {
    const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/large` }));
    expect(exchange.body.spooled).toBe(true);
    expect(exchange.body.size).toBe(6 * 1024 * 1024);
    expect(await t.spoolFiles()).toHaveLength(1);
    const { bytes, total } = await t.bodyStore.read(exchange.body.id, 65_536 * 3 + 10, 5);
    expect(total).toBe(6 * 1024 * 1024);
    expect([...bytes]).toEqual([10, 11, 12, 13, 14]);
    await t.bodyStore.release(exchange.body.id);
    expect(await t.spoolFiles()).toHaveLength(0);
  });

  it('reuses keep-alive connections and then reports no dns/connect time', async () => {
    const fresh = await createTestEngine();
    try {
      const first = await fresh.engine.send(nextId(), spec({ method: 'GET', url: server.origin }));
      expect(first.timings.reusedConnection).toBe(false);
      expect(first.timings.connect).toBeGreaterThan(0);
      const second = await fresh.engine.send(nextId(), spec({ method: 'GET', url: server.origin }));
      expect(second.timings.reusedConnection).toBe(true);
      expect(second.timings).toMatchObject({ dns: 0, connect: 0, tls: 0 });
      expect(second.remoteAddress).toBe('127.0.0.1');
      for (const exchange of [first, second]) {
        const { wait, download, total, startedAt } = exchange.timings;
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(download).toBeGreaterThanOrEqual(0);
        expect(total).toBeGreaterThanOrEqual(wait + download);
        expect(Math.abs(startedAt - Date.now())).toBeLessThan(10_000);
      }
    } finally {
      await fresh.dispose();
    }
  });

  it('resolves names through DNS (timed) and falls back to the next address when one refuses', async () => {
    const resolving = await createTestEngine({
      resolveHost: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return [
          { address: '127.0.0.2', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ];
      },
    });
    try {
      // 127.0.0.2 is loopback too but nothing listens there on this port.
      const exchange = await resolving.engine.send(nextId(), spec({ method: 'GET', url: `http://courier.test:${server.port}/` }));
      expect(exchange.response.status).toBe(200);
      expect(exchange.timings.dns).toBeGreaterThan(3);
      expect(exchange.remoteAddress).toBe('127.0.0.1');
      expect(exchange.request.headers).toContainEqual(['host', `courier.test:${server.port}`]);
    } finally {
      await resolving.dispose();
    }
  });

  it('refuses addresses the host says are its own (web mode) after DNS', async () => {
    const guarded = await createTestEngine({ isRefusedAddress: (address, port) => address === '127.0.0.1' && port === server.port });
    try {
      const { error } = await settle(guarded.engine.send(nextId(), spec({ method: 'GET', url: server.origin })));
      expect(error?.code).toBe('SELF_REQUEST_REFUSED');
      expect(server.sockets.length).toBeGreaterThan(0);
    } finally {
      await guarded.dispose();
    }
  });

  it('reports progress phases in order and stops after the exchange', async () => {
    const watched = await createTestEngine();
    try {
      const id = nextId();
      await watched.engine.send(id, spec({ method: 'POST', url: server.origin, body: { kind: 'text', text: 'x', contentType: 'text/plain' } }));
      const phases = watched.progress.filter((event) => event.requestId === id).map((event) => event.phase);
      expect(phases).toEqual(['connecting', 'sending', 'waiting', 'downloading']);
      expect(watched.engine.cancel(id)).toBe(false);
    } finally {
      await watched.dispose();
    }
  });
});

describe('exchange shape and edge cases', () => {
  it('produces exchanges that satisfy the contract schema', async () => {
    const exchange = await t.engine.send(nextId(), spec({ method: 'POST', url: `${server.origin}/e?a=1`, body: { kind: 'json', text: '{"a":1}' } }));
    expect(httpExchangeSchema.safeParse(exchange).success).toBe(true);
  });

  it('handles HEAD and 204 without waiting for a body', async () => {
    const head = await t.engine.send(nextId(), spec({ method: 'HEAD', url: server.origin }));
    expect(head.response.status).toBe(200);
    expect(head.body.size).toBe(0);
    const empty = await t.engine.send(nextId(), spec({ method: 'DELETE', url: `${server.origin}/no-content` }));
    expect(empty.response.status).toBe(204);
    expect(empty.body.size).toBe(0);
  });

  it('skips 1xx interim responses such as 103 Early Hints', async () => {
    const exchange = await t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/early-hints` }));
    expect(exchange.response.status).toBe(200);
    expect(await t.bodyText(exchange)).toBe('after hints');
    expect(exchange.raw.responseHead.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(exchange.raw.responseHead).not.toContain('style.css');
  });

  it('runs requests to one origin in parallel on separate connections', async () => {
    const started = performance.now();
    const exchanges = await Promise.all([1, 2, 3, 4, 5].map((n) => t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/slow?n=${n}` }))));
    // one after another would take 1.5 s
    expect(performance.now() - started).toBeLessThan(1200);
    for (const exchange of exchanges) expect(await t.bodyText(exchange)).toBe('slow');
  });

  it('refuses a second send with an id already in flight', async () => {
    const id = nextId();
    const first = t.engine.send(id, spec({ method: 'GET', url: `${server.origin}/slow` }));
    const { error } = await settle(t.engine.send(id, spec({ method: 'GET', url: server.origin })));
    expect(error?.code).toBe('INVALID_INPUT');
    expect((await first).response.status).toBe(200);
  });

  it('throttles byte progress to about one event per 100 ms', async () => {
    const watched = await createTestEngine();
    try {
      const id = nextId();
      const exchange = await watched.engine.send(id, spec({ method: 'GET', url: `${server.origin}/trickle` }));
      expect(exchange.body.size).toBe(30);
      const downloading = watched.progress.filter((event) => event.requestId === id && event.phase === 'downloading');
      // ~450 ms of trickling: one phase-change event plus at most one every 100 ms
      expect(downloading.length).toBeGreaterThanOrEqual(2);
      expect(downloading.length).toBeLessThanOrEqual(7);
      expect(downloading.every((event) => event.bytesExpected === 30)).toBe(true);
      const counts = downloading.map((event) => event.bytesReceived);
      expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    } finally {
      await watched.dispose();
    }
  });
});
