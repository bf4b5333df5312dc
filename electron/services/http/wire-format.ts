import { type HeaderList } from '../../../shared/contract';

/** undici hands response headers over as alternating name/value buffers, in wire order, duplicates kept. */
export function headerListFromRaw(raw: Buffer[]): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    list.push([(raw[i] as Buffer).toString('latin1'), (raw[i + 1] as Buffer).toString('latin1')]);
  }
  return list;
}

export function responseHead(status: number, statusText: string, headers: HeaderList): string {
  let head = `HTTP/1.1 ${status}${statusText ? ` ${statusText}` : ''}\r\n`;
  for (const [name, value] of headers) head += `${name}: ${value}\r\n`;
  return `${head}\r\n`;
}

/** Header lines of a request head (the request line skipped). */
export function headerListFromHead(head: string): HeaderList {
  const list: HeaderList = [];
  const lines = head.split('\r\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    list.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return list;
}

// undici writes Content-Length itself after the head it publishes; these are the methods it sends
// "content-length: 0" for when there is no body (client-h1.js, expectsPayload).
const EXPECTS_PAYLOAD = new Set(['PUT', 'POST', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH']);

/** Completes the head undici published with the Content-Length line it appends when writing. */
export function completeRequestHead(published: string, method: string, bodyBytes: number): string {
  if (bodyBytes > 0) return `${published}content-length: ${bodyBytes}\r\n\r\n`;
  if (EXPECTS_PAYLOAD.has(method)) return `${published}content-length: 0\r\n\r\n`;
  return `${published}\r\n`;
}

export function headerValue(headers: HeaderList, lowerName: string): string | null {
  for (const [name, value] of headers) if (name.toLowerCase() === lowerName) return value;
  return null;
}
