import { CourierError, HTTP_TOKEN, type HttpRequestSpec } from '../../../shared/contract';
import { describeHeaderValueProblem, headerValueProblem } from './header-value';
import { encodeRequestBody } from './request-body';

/** A request after validation, ready to go on the wire; headers keep the user's order and spelling. */
interface ComposedRequest {
  method: string;
  url: URL;
  headers: [string, string][];
  body: Buffer | null;
  warnings: string[];
}

// undici writes these itself from the body and connection state; a user value would contradict the wire.
const MANAGED_HEADERS = new Set(['content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect']);

function validateMethod(method: string): string {
  if (!HTTP_TOKEN.test(method)) {
    throw new CourierError(
      'INVALID_METHOD',
      `"${method.slice(0, 64)}" is not a valid HTTP method. Use letters, digits and symbols like - or _, without spaces.`,
      method.slice(0, 64),
    );
  }
  return method;
}

// The URL parser drops tabs and line breaks without a word; a value pasted with one is sent with it, encoded.
const encodeControlWhitespace = (text: string): string => text.replace(/[\t\n\r]/g, (char) => encodeURIComponent(char));

/**
 * The URL as typed, made sendable the way browsers and curl do: spaces, quotes, angle brackets and non-ASCII in the
 * path and query are percent-encoded by the URL parser (what is already %xx stays as it is).
 */
function parseUrl(raw: string): URL {
  const text = raw.trim();
  if (text === '') throw new CourierError('INVALID_URL', 'Enter a URL to send the request to.');
  let url: URL;
  try {
    url = new URL(encodeControlWhitespace(text));
  } catch {
    const hint = /^[a-z][a-z0-9+.-]*:/i.test(text) ? '' : ' Did you forget http:// or https:// at the start?';
    throw new CourierError('INVALID_URL', `"${text.slice(0, 200)}" is not a valid URL.${hint}`, text.slice(0, 200));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CourierError('UNSUPPORTED_PROTOCOL', `Courier sends HTTP requests only over http:// or https://, not ${url.protocol}//.`, url.protocol);
  }
  if (url.hostname === '') throw new CourierError('INVALID_URL', `The URL "${text.slice(0, 200)}" has no host name.`);
  // The fragment is the client's business; it never goes on the wire.
  url.hash = '';
  if (url.username !== '' || url.password !== '') {
    // Credentials in the URL become a Basic Authorization header, as curl does; they never go on the request line.
    url.username = '';
    url.password = '';
  }
  return url;
}

export function validateHeader(name: string, value: string): void {
  if (!HTTP_TOKEN.test(name)) {
    throw new CourierError(
      'INVALID_HEADER',
      `The header name "${name.slice(0, 100)}" is not valid. Header names cannot contain spaces, colons or special characters.`,
      name.slice(0, 100),
    );
  }
  const problem = headerValueProblem(value);
  if (problem !== null) {
    throw new CourierError('INVALID_HEADER', `The value of header "${name}" ${describeHeaderValueProblem(problem)}.`, name);
  }
}

function hasHeader(headers: [string, string][], lowerName: string): boolean {
  for (const [name] of headers) if (name.toLowerCase() === lowerName) return true;
  return false;
}

export function composeRequest(spec: HttpRequestSpec, userAgent: string): ComposedRequest {
  const method = validateMethod(spec.method);
  const url = parseUrl(spec.url);
  const urlCredentials = credentialsFrom(spec.url);
  appendQuery(
    url,
    spec.params.filter((param) => param.enabled !== false).map((param) => [param.name, param.value]),
  );
  const warnings: string[] = [];
  const headers: [string, string][] = [];
  for (const header of spec.headers) {
    if (header.enabled === false) continue;
    const name = header.name.trim();
    if (name === '' && header.value === '') continue;
    validateHeader(name, header.value);
    const lower = name.toLowerCase();
    if (MANAGED_HEADERS.has(lower)) {
      warnings.push(`The ${name} header was not sent: Courier sets it from the body and connection.`);
      continue;
    }
    if (lower === 'connection' && !/^(close|keep-alive)$/i.test(header.value.trim())) {
      throw new CourierError('INVALID_HEADER', `The Connection header may only be "close" or "keep-alive".`, name);
    }
    headers.push([name, header.value]);
  }
  const body = encodeRequestBody(spec.body);
  appendQuery(url, body.queryParams ?? []);
  if (body.contentType !== null && !hasHeader(headers, 'content-type')) headers.push(['Content-Type', body.contentType]);
  if (urlCredentials !== null && !hasHeader(headers, 'authorization')) {
    headers.push(['Authorization', `Basic ${Buffer.from(urlCredentials).toString('base64')}`]);
  }
  // Same defaults as curl and Postman, only where the user set nothing.
  if (!hasHeader(headers, 'user-agent')) headers.push(['User-Agent', userAgent]);
  if (!hasHeader(headers, 'accept')) headers.push(['Accept', '*/*']);
  if (!hasHeader(headers, 'accept-encoding')) headers.push(['Accept-Encoding', 'gzip, deflate, br']);
  return { method, url, headers, body: body.bytes, warnings };
}

/**
 * Adds form-encoded pairs after the query as typed. Going through url.searchParams would re-serialise the whole
 * query, turning a typed %20 into + and %3A back into : — the typed part is sent as typed (encoded only where needed).
 */
function appendQuery(url: URL, pairs: readonly (readonly [string, string])[]): void {
  if (pairs.length === 0) return;
  const added = new URLSearchParams(pairs.map(([name, value]): [string, string] => [name, value])).toString();
  const typed = url.search.slice(1);
  url.search = typed === '' ? added : `${typed}&${added}`;
}

function credentialsFrom(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.username === '' && url.password === '') return null;
    return `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  } catch {
    return null;
  }
}
