import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../contract/http';
import { SECRET_MASK } from './needles';
import { redactExchange } from './redact-exchange';

const SECRET = 'tok-123456';
const basic = Buffer.from(`me:${SECRET}`).toString('base64');

function exchange(): HttpExchange {
  return {
    requestId: 'r1',
    request: {
      method: 'GET',
      url: `https://api.test/a?key=${SECRET}`,
      httpVersion: '1.1',
      headers: [
        ['authorization', `Basic ${basic}`],
        [`x-${SECRET}`, 'name carries it'],
      ],
      bodyBytes: 0,
    },
    response: { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [['x-echo', SECRET]] },
    redirects: [
      {
        method: 'GET',
        url: `https://old.test/?key=${encodeURIComponent(SECRET)}`,
        status: 302,
        statusText: 'Found',
        headers: [['location', `https://api.test/a?key=${SECRET}`]],
        location: `https://api.test/a?key=${SECRET}`,
        droppedHeaders: ['authorization'],
      },
    ],
    timings: { startedAt: 0, dns: 0, connect: 0, tls: 0, wait: 0, download: 0, total: 0, reusedConnection: false },
    sizes: { requestHeaderBytes: 0, requestBodyBytes: 0, responseHeaderBytes: 0, responseBodyWireBytes: 0, responseBodyBytes: 0 },
    remoteAddress: '127.0.0.1',
    remotePort: 443,
    tls: null,
    body: { id: 'b', size: 0, contentType: null, contentEncodings: [], spooled: false },
    raw: {
      requestHead: `GET /a?key=${SECRET} HTTP/1.1\r\nauthorization: Basic ${basic}\r\n\r\n`,
      responseHead: `HTTP/1.1 200 OK\r\nx-echo: ${SECRET}\r\n\r\n`,
    },
    warnings: [`Dropped a header carrying ${SECRET}`],
  };
}

describe('redactExchange', () => {
  it('masks the secret in URLs, header names and values, raw heads, redirect hops and warnings', () => {
    const original = exchange();
    const redacted = redactExchange(original, [SECRET]);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(basic.slice(4, -2));
    expect(redacted.request.url).toBe(`https://api.test/a?key=${SECRET_MASK}`);
    expect(redacted.request.headers[1]).toEqual([`x-${SECRET_MASK}`, 'name carries it']);
    expect(redacted.redirects[0]!.url).toBe(`https://old.test/?key=${SECRET_MASK}`);
    expect(redacted.redirects[0]!.location).toBe(`https://api.test/a?key=${SECRET_MASK}`);
    expect(redacted.raw.responseHead).toBe(`HTTP/1.1 200 OK\r\nx-echo: ${SECRET_MASK}\r\n\r\n`);
    expect(redacted.warnings).toEqual([`Dropped a header carrying ${SECRET_MASK}`]);
    expect(redacted.body).toEqual(original.body);
    expect(original).toEqual(exchange());
  });

  it('returns the exchange itself when there are no secrets', () => {
    const original = exchange();
    expect(redactExchange(original, [])).toBe(original);
  });
});
