import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, trapUnhandledErrors, type TestServer } from '../../test-support';
import { createTestEngine, nextId, settle, spec, type TestEngine } from './test-harness';

trapUnhandledErrors();

const text = 'Courier decodes this. '.repeat(500);
const plain = Buffer.from(text);

const bodies: Record<string, { encoding: string; body: Buffer }> = {
  gzip: { encoding: 'gzip', body: gzipSync(plain) },
  xgzip: { encoding: 'x-gzip', body: gzipSync(plain) },
  deflate: { encoding: 'deflate', body: deflateSync(plain) },
  rawdeflate: { encoding: 'deflate', body: deflateRawSync(plain) },
  br: { encoding: 'br', body: brotliCompressSync(plain) },
  // applied gzip first, then br
  stacked: { encoding: 'gzip, br', body: brotliCompressSync(gzipSync(plain)) },
  identity: { encoding: 'identity', body: plain },
  unknown: { encoding: 'zstd-ish', body: Buffer.from('opaque bytes') },
  corrupt: { encoding: 'gzip', body: Buffer.concat([gzipSync(plain).subarray(0, 20), Buffer.from('garbage garbage garbage')]) },
  six: { encoding: 'gzip, gzip, gzip, gzip, gzip, gzip', body: [1, 2, 3, 4, 5, 6].reduce((acc) => gzipSync(acc), plain) },
  // Data after the end of the compressed stream: the decoder reaches its end before the wire does.
  'deflate-trailing': { encoding: 'deflate', body: Buffer.concat([deflateSync(plain), Buffer.from('GARBAGE')]) },
  'rawdeflate-trailing': { encoding: 'deflate', body: Buffer.concat([deflateRawSync(plain), Buffer.from('GARBAGE')]) },
  'rawdeflate-twice': { encoding: 'deflate', body: Buffer.concat([deflateRawSync(plain), deflateRawSync(plain)]) },
  'gzip-zero-padded': { encoding: 'gzip', body: Buffer.concat([gzipSync(plain), Buffer.alloc(16)]) },
  'gzip-trailing': { encoding: 'gzip', body: Buffer.concat([gzipSync(plain), Buffer.from('GARBAGE')]) },
  'br-trailing': { encoding: 'br', body: Buffer.concat([brotliCompressSync(plain), Buffer.from('GARBAGE')]) },
  'stacked-trailing': { encoding: 'gzip, br', body: Buffer.concat([brotliCompressSync(gzipSync(plain)), Buffer.from('GARBAGE')]) },
};

let server: TestServer;
let t: TestEngine;

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    if (req.url === '/not-modified') return void res.writeHead(304, { 'content-encoding': 'br' }).end();
    const entry = bodies[(req.url ?? '/').slice(1)];
    if (!entry) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-encoding': entry.encoding, 'content-type': 'text/plain', 'content-length': entry.body.length });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  });
  t = await createTestEngine();
});
afterAll(async () => {
  await t.dispose();
  await server.close();
});

const get = (name: string) => t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/${name}` }));

describe('content decoding', () => {
  for (const [name, codings] of [
    ['gzip', ['gzip']],
    ['xgzip', ['x-gzip']],
    ['deflate', ['deflate']],
    ['rawdeflate', ['deflate']],
    ['br', ['br']],
    ['stacked', ['gzip', 'br']],
    ['identity', []],
  ] as const) {
    it(`decodes ${name}`, async () => {
      const exchange = await get(name);
      expect(await t.bodyText(exchange)).toBe(text);
      expect(exchange.body.contentEncodings).toEqual(codings);
      expect(exchange.sizes.responseBodyBytes).toBe(plain.length);
      expect(exchange.sizes.responseBodyWireBytes).toBe(bodies[name]?.body.length);
      expect(exchange.body.size).toBe(plain.length);
    });
  }

  it('accepts an empty body that claims an encoding (HEAD, 304)', async () => {
    for (const name of ['br', 'gzip', 'rawdeflate']) {
      const head = await t.engine.send(nextId(), spec({ method: 'HEAD', url: `${server.origin}/${name}` }));
      expect(head.body.size).toBe(0);
    }
    const notModified = await get('not-modified');
    expect(notModified.response.status).toBe(304);
    expect(notModified.body.size).toBe(0);
  });

  // Regression: the decoder's 'end' fired during the write, before anyone listened, and the request hung until the
  // idle timeout (or forever with idle 0), blaming the server.
  for (const name of ['deflate-trailing', 'rawdeflate-trailing', 'rawdeflate-twice', 'gzip-zero-padded', 'br-trailing', 'stacked-trailing']) {
    it(`ends promptly with data after the end of the compressed stream (${name}), ignoring it`, async () => {
      const started = performance.now();
      const exchange = await t.engine.send(
        nextId(),
        spec({ method: 'GET', url: `${server.origin}/${name}`, settings: { idleTimeoutMs: 0, deadlineMs: 3_000 } }),
      );
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(await t.bodyText(exchange)).toBe(text);
      expect(exchange.sizes.responseBodyWireBytes).toBe(bodies[name]?.body.length);
    });
  }

  it('fails trailing garbage after a gzip member promptly with DECODING_FAILED', async () => {
    // zlib reads what follows a gzip member as the next member's header; garbage there is corrupt data.
    const started = performance.now();
    const { error } = await settle(
      t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/gzip-trailing`, settings: { idleTimeoutMs: 0, deadlineMs: 3_000 } })),
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error?.code).toBe('DECODING_FAILED');
  });

  it('keeps an unknown coding as received, with a warning', async () => {
    const exchange = await get('unknown');
    expect(await t.bodyText(exchange)).toBe('opaque bytes');
    expect(exchange.body.contentEncodings).toEqual([]);
    expect(exchange.warnings.join(' ')).toMatch(/cannot decode \(zstd-ish\)/);
  });

  it('fails corrupt data with DECODING_FAILED', async () => {
    const { error } = await settle(get('corrupt'));
    expect(error?.code).toBe('DECODING_FAILED');
    expect(error?.message).toMatch(/could not be decompressed/);
  });

  it('refuses six stacked encodings with TOO_MANY_ENCODINGS', async () => {
    const { error } = await settle(get('six'));
    expect(error?.code).toBe('TOO_MANY_ENCODINGS');
    expect(error?.message).toMatch(/compressed 6 times/);
    expect(await t.spoolFiles()).toEqual([]);
  });

  it('enforces maxDecodedBytes after decompression and maxResponseBytes on the wire', async () => {
    const decoded = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/gzip`, settings: { maxDecodedBytes: 1000 } })));
    expect(decoded.error?.code).toBe('DECOMPRESSED_TOO_LARGE');
    const wire = await settle(t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/identity`, settings: { maxResponseBytes: 1000 } })));
    expect(wire.error?.code).toBe('RESPONSE_TOO_LARGE');
    // The compressed body is small on the wire, so the wire cap alone lets it through.
    const fits = await t.engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/gzip`, settings: { maxResponseBytes: 1000 } }));
    expect(fits.body.size).toBe(plain.length);
  });
});
