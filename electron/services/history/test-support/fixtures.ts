import { bufferSource, type RecordInput } from '../index';
import { httpRequestSpecSchema, type HttpExchange } from '../../../../shared/contract';

interface FakeExchangeOptions {
  method?: string;
  url?: string;
  status?: number;
  requestHeaders?: [string, string][];
  responseHeaders?: [string, string][];
  body?: string | Buffer;
  requestBody?: string;
  sentAt?: number;
  contentType?: string | null;
}

/** A recorded exchange as the engine would hand it over, without a network. */
export function fakeRecord(options: FakeExchangeOptions = {}): RecordInput {
  const method = options.method ?? 'GET';
  const url = options.url ?? 'http://api.example.test/items';
  const status = options.status ?? 200;
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : (options.body ?? Buffer.from('{"ok":true}'));
  const requestBody = options.requestBody === undefined ? null : Buffer.from(options.requestBody);
  const sentAt = options.sentAt ?? Date.now();
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  const responseHeaders: [string, string][] = options.responseHeaders ?? (contentType ? [['content-type', contentType]] : []);
  const requestHeaders: [string, string][] = options.requestHeaders ?? [
    ['host', new URL(url).host],
    ['user-agent', 'Courier/test'],
    ...(requestBody ? ([['content-type', 'application/json']] as [string, string][]) : []),
  ];
  const exchange: HttpExchange = {
    requestId: `r-${Math.random().toString(36).slice(2)}`,
    request: { method, url, httpVersion: '1.1', headers: requestHeaders, bodyBytes: requestBody?.length ?? 0 },
    response: { status, statusText: status === 200 ? 'OK' : 'Status', httpVersion: '1.1', headers: responseHeaders },
    redirects: [],
    timings: { startedAt: sentAt, dns: 1, connect: 2, tls: 0, wait: 3, download: 4, total: 12, reusedConnection: false },
    sizes: {
      requestHeaderBytes: 80,
      requestBodyBytes: requestBody?.length ?? 0,
      responseHeaderBytes: 60,
      responseBodyWireBytes: body.length,
      responseBodyBytes: body.length,
    },
    remoteAddress: '127.0.0.1',
    remotePort: 80,
    tls: null,
    body: { id: 'engine-body', size: body.length, contentType, contentEncodings: [], spooled: false },
    raw: { requestHead: `${method} / HTTP/1.1\r\n\r\n`, responseHead: `HTTP/1.1 ${status} OK\r\n\r\n` },
    warnings: [],
  };
  return {
    sentAt,
    composed: httpRequestSpecSchema.parse({
      method,
      url,
      headers: requestHeaders.filter(([name]) => name !== 'host').map(([name, value]) => ({ name, value })),
      body: requestBody ? { kind: 'json', text: requestBody.toString() } : { kind: 'none' },
    }),
    exchange,
    error: null,
    responseBody: bufferSource(body),
    requestBody: requestBody ? bufferSource(requestBody) : null,
  };
}

export function failedRecord(url = 'http://down.example.test/', sentAt = Date.now()): RecordInput {
  return {
    sentAt,
    composed: httpRequestSpecSchema.parse({ method: 'GET', url }),
    exchange: null,
    error: { code: 'CONNECTION_REFUSED', message: 'Connection refused.' },
    responseBody: null,
    requestBody: null,
  };
}
