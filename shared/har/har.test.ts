import { describe, expect, it } from 'vitest';
import { buildHar, maskCredential, maskSecrets, parseHar, queryStringOf, type HarSourceEntry } from './index';

const source: HarSourceEntry = {
  sentAt: Date.UTC(2026, 10, 25, 1, 2, 3),
  totalMs: 42,
  method: 'POST',
  url: 'https://api.test/x?a=1&b=two%20words',
  httpVersion: '1.1',
  requestHeaders: [
    ['Authorization', 'Bearer abc.def.ghi'],
    ['Content-Type', 'application/json'],
  ],
  requestBody: { mimeType: 'application/json', size: 7, text: '{"a":1}', base64: false },
  response: {
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    headers: [['content-type', 'image/png']],
    body: { mimeType: 'image/png', size: 3, text: 'AAEC', base64: true },
    headersSize: 50,
    bodySize: 3,
    redirectURL: '',
  },
  timings: { dns: 1, connect: 2, tls: 3, wait: 4, download: 5 },
  serverIPAddress: '10.0.0.1',
  error: null,
  pinned: false,
};

describe('HAR build', () => {
  it('writes HAR 1.2 that our own parser accepts, with base64 bodies marked and credentials masked', () => {
    const har = buildHar([source], '1.0.0');
    expect(har.log.version).toBe('1.2');
    const entry = har.log.entries[0]!;
    expect(entry.startedDateTime).toBe('2026-11-25T01:02:03.000Z');
    expect(entry.request.httpVersion).toBe('HTTP/1.1');
    expect(entry.request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer ••••' });
    expect(entry.request.queryString).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'two words' },
    ]);
    expect(entry.response.content).toMatchObject({ size: 3, mimeType: 'image/png', text: 'AAEC', encoding: 'base64' });
    expect(entry.timings).toMatchObject({ dns: 1, connect: 5, ssl: 3, wait: 4, receive: 5 });
    const reparsed = parseHar(JSON.stringify(har));
    expect(reparsed.ok).toBe(true);
  });

  it('writes a failed exchange as status 0 with _error', () => {
    const har = buildHar([{ ...source, response: null, timings: null, error: { code: 'DNS_FAILED', message: 'No such host.' } }], '1');
    expect(har.log.entries[0]!.response.status).toBe(0);
    expect(har.log.entries[0]!._error).toEqual({ code: 'DNS_FAILED', message: 'No such host.' });
  });
});

describe('masking', () => {
  it('keeps the scheme of Authorization and Proxy-Authorization only', () => {
    expect(maskCredential('Basic dXNlcjpwYXNz')).toBe('Basic ••••');
    expect(maskCredential('opaque-token')).toBe('••••');
    expect(
      maskSecrets([
        ['proxy-authorization', 'Digest x=1'],
        ['X-Other', 'visible'],
      ]),
    ).toEqual([
      ['proxy-authorization', 'Digest ••••'],
      ['X-Other', 'visible'],
    ]);
  });
});

describe('HAR parse', () => {
  const valid = () =>
    JSON.parse(JSON.stringify(buildHar([source, source, source, source], '1'))) as {
      log: { entries: { startedDateTime: string; request: Record<string, unknown>; response: Record<string, unknown> }[] };
    };

  it('names the JSON path of the first wrong field', () => {
    const har = valid();
    har.log.entries[3]!.response.status = '200';
    expect(parseHar(JSON.stringify(har))).toEqual({
      ok: false,
      path: 'log.entries[3].response.status',
      message: 'log.entries[3].response.status: expected a number',
    });
  });

  it('reports missing fields, bad dates, non-JSON and non-HAR', () => {
    const har = valid();
    delete har.log.entries[1]!.request.url;
    expect(parseHar(JSON.stringify(har))).toMatchObject({ ok: false, path: 'log.entries[1].request.url' });
    const dated = valid();
    dated.log.entries[0]!.startedDateTime = 'yesterday';
    expect(parseHar(JSON.stringify(dated))).toMatchObject({ ok: false, message: 'log.entries[0].startedDateTime: expected an ISO 8601 date' });
    expect(parseHar('{not json')).toMatchObject({ ok: false, path: '(root)' });
    expect(parseHar('[]')).toMatchObject({ ok: false });
    expect(parseHar('{"log":{"version":"1.2","creator":{"name":"x","version":"1"}}}')).toMatchObject({
      ok: false,
      path: 'log.entries',
      message: 'log.entries: expected an array',
    });
  });

  it('parses a query string leniently', () => {
    expect(queryStringOf('http://x/?a&b=%ZZ#frag')).toEqual([
      { name: 'a', value: '' },
      { name: 'b', value: '%ZZ' },
    ]);
    expect(queryStringOf('http://x/')).toEqual([]);
  });
});
