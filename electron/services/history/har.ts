import {
  CourierError,
  ERROR_CODES,
  httpRequestSpecSchema,
  type BridgeError,
  type ErrorCode,
  type HistoryEntry,
  type HttpExchange,
  type HttpRequestSpec,
  type RequestBody,
} from '../../../shared/contract';
import { buildHar, parseHar, type HarBody, type HarEntry, type HarSourceEntry } from '../../../shared/har';
import { bufferSource } from './blob-store';
import { type RecordInput } from './history-service';

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function harBody(bytes: Buffer | null, mimeType: string | null): HarBody | null {
  if (bytes === null) return null;
  const text = isUtf8Text(bytes);
  return { mimeType: mimeType ?? '', size: bytes.length, text: text ? bytes.toString('utf8') : bytes.toString('base64'), base64: !text };
}

const headerOf = (headers: [string, string][], name: string): string | null => headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;

/** HAR 1.2 text; Authorization and Proxy-Authorization values are written as "<scheme> ••••" (shared/har/mask.ts). */
export async function exportHar(entries: HistoryEntry[], creatorVersion: string, readBody: (bodyId: string | null) => Promise<Buffer | null>): Promise<string> {
  const sources: HarSourceEntry[] = [];
  for (const entry of entries) {
    const exchange = entry.exchange;
    const composedHeaders = entry.composed.headers.filter((h) => h.enabled !== false).map((h): [string, string] => [h.name, h.value]);
    const requestHeaders = exchange?.request.headers ?? composedHeaders;
    const requestBytes = await readBody(entry.requestBodyId);
    sources.push({
      sentAt: entry.summary.sentAt,
      totalMs: entry.summary.durationMs ?? 0,
      method: exchange?.request.method ?? entry.composed.method,
      url: exchange?.request.url ?? entry.summary.url,
      httpVersion: exchange?.request.httpVersion ?? '1.1',
      requestHeaders,
      requestBody: requestBytes && requestBytes.length > 0 ? harBody(requestBytes, headerOf(requestHeaders, 'content-type')) : null,
      response: exchange
        ? {
            status: exchange.response.status,
            statusText: exchange.response.statusText,
            httpVersion: exchange.response.httpVersion,
            headers: exchange.response.headers,
            body: harBody(await readBody(exchange.body.id), exchange.body.contentType),
            headersSize: exchange.sizes.responseHeaderBytes,
            bodySize: exchange.sizes.responseBodyWireBytes,
            redirectURL: headerOf(exchange.response.headers, 'location') ?? '',
          }
        : null,
      timings: exchange
        ? {
            dns: exchange.timings.dns,
            connect: exchange.timings.connect,
            tls: exchange.timings.tls,
            wait: exchange.timings.wait,
            download: exchange.timings.download,
          }
        : null,
      serverIPAddress: exchange?.remoteAddress ?? null,
      error: entry.error,
      pinned: entry.summary.pinned,
    });
  }
  return JSON.stringify(buildHar(sources, creatorVersion), null, 2);
}

const versionOf = (label: string): string => label.replace(/^HTTP\//i, '') || '1.1';
const tuples = (headers: { name: string; value: string }[]): [string, string][] => headers.map((h) => [h.name, h.value]);
// What the engine adds by itself: restoring them into the builder would send them twice.
const NOT_COMPOSED = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

function composedBody(entry: HarEntry, bytes: Buffer | null): RequestBody {
  const post = entry.request.postData;
  if (!post || bytes === null) return { kind: 'none' };
  const mimeType = post.mimeType ?? '';
  if (post._encoding === 'base64' || !isUtf8Text(bytes)) {
    return { kind: 'binary', file: { fileName: 'body', contentType: mimeType || 'application/octet-stream', dataBase64: bytes.toString('base64') } };
  }
  if (/json/i.test(mimeType)) return { kind: 'json', text: bytes.toString('utf8') };
  return { kind: 'text', text: bytes.toString('utf8'), contentType: mimeType || 'text/plain' };
}

function requestBytesOf(entry: HarEntry): Buffer | null {
  const post = entry.request.postData;
  if (!post) return null;
  if (post.text !== undefined) return Buffer.from(post.text, post._encoding === 'base64' ? 'base64' : 'utf8');
  if (post.params) return Buffer.from(new URLSearchParams(post.params.map((p): [string, string] => [p.name, p.value ?? ''])).toString(), 'utf8');
  return null;
}

function errorOf(entry: HarEntry): BridgeError {
  const code = (ERROR_CODES as readonly string[]).includes(entry._error?.code ?? '') ? (entry._error?.code as ErrorCode) : 'INTERNAL';
  return {
    code,
    message: entry._error?.message ?? 'The request failed (no response in the imported HAR file).',
    ...(entry._error?.detail !== undefined ? { detail: entry._error.detail } : {}),
  };
}

function head(first: string, headers: [string, string][]): string {
  return `${first}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

/** HAR text → entries to record. Throws INVALID_HAR naming the JSON path of the first thing wrong; nothing is written. */
export function importHarEntries(text: string, now: () => number): RecordInput[] {
  const parsed = parseHar(text);
  if (!parsed.ok) throw new CourierError('INVALID_HAR', `This is not a valid HAR file: ${parsed.message}`, parsed.path);
  const importedAt = now();
  return parsed.har.log.entries.map((entry, index): RecordInput => {
    const sentAt = Date.parse(entry.startedDateTime);
    const requestHeaders = tuples(entry.request.headers);
    const requestBytes = requestBytesOf(entry);
    let composed: HttpRequestSpec;
    try {
      composed = httpRequestSpecSchema.parse({
        method: entry.request.method,
        url: entry.request.url,
        headers: requestHeaders
          .filter(([name]) => !name.startsWith(':') && !NOT_COMPOSED.has(name.toLowerCase()))
          .map(([name, value]) => ({ name, value, enabled: true })),
        body: composedBody(entry, requestBytes),
      });
    } catch {
      throw new CourierError(
        'INVALID_HAR',
        `This is not a valid HAR file: log.entries[${index}].request could not be read as a request.`,
        `log.entries[${index}].request`,
      );
    }
    const response = entry.response;
    if (response.status === 0 || entry._error) {
      return {
        sentAt,
        composed,
        exchange: null,
        error: errorOf(entry),
        responseBody: null,
        requestBody: requestBytes ? bufferSource(requestBytes) : null,
        pinned: entry._pinned === true,
      };
    }
    const content = response.content;
    const responseBytes = content.text === undefined ? Buffer.alloc(0) : Buffer.from(content.text, content.encoding === 'base64' ? 'base64' : 'utf8');
    const responseHeaders = tuples(response.headers);
    const t = entry.timings ?? {};
    const nonNegative = (value: number | undefined): number => (value !== undefined && value > 0 ? value : 0);
    const tls = nonNegative(t.ssl);
    const pathOf = (() => {
      try {
        const url = new URL(entry.request.url);
        return `${url.pathname}${url.search}`;
      } catch {
        return entry.request.url;
      }
    })();
    const exchange: HttpExchange = {
      requestId: `har-${importedAt}-${index}`,
      request: {
        method: entry.request.method,
        url: entry.request.url,
        httpVersion: versionOf(entry.request.httpVersion),
        headers: requestHeaders,
        bodyBytes: requestBytes?.length ?? 0,
      },
      response: { status: response.status, statusText: response.statusText, httpVersion: versionOf(response.httpVersion), headers: responseHeaders },
      redirects: [],
      timings: {
        startedAt: sentAt,
        dns: nonNegative(t.dns),
        connect: Math.max(0, nonNegative(t.connect) - tls),
        tls,
        wait: nonNegative(t.wait),
        download: nonNegative(t.receive),
        total: Math.max(0, entry.time),
        reusedConnection: false,
      },
      sizes: {
        requestHeaderBytes: Math.max(0, entry.request.headersSize ?? 0),
        requestBodyBytes: requestBytes?.length ?? 0,
        responseHeaderBytes: Math.max(0, response.headersSize ?? 0),
        responseBodyWireBytes: Math.max(0, response.bodySize ?? responseBytes.length),
        responseBodyBytes: responseBytes.length,
      },
      remoteAddress: entry.serverIPAddress ?? null,
      remotePort: null,
      tls: null,
      body: {
        id: '',
        size: responseBytes.length,
        contentType: content.mimeType || headerOf(responseHeaders, 'content-type'),
        contentEncodings: [],
        spooled: false,
      },
      raw: {
        requestHead: head(`${entry.request.method} ${pathOf} HTTP/${versionOf(entry.request.httpVersion)}`, requestHeaders),
        responseHead: head(`HTTP/${versionOf(response.httpVersion)} ${response.status} ${response.statusText}`, responseHeaders),
      },
      warnings: ['Imported from a HAR file.'],
    };
    return {
      sentAt,
      composed,
      exchange,
      error: null,
      responseBody: bufferSource(responseBytes),
      requestBody: requestBytes ? bufferSource(requestBytes) : null,
      pinned: entry._pinned === true,
    };
  });
}
