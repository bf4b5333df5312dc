import { CourierError, HTTP_TOKEN, type HttpRequestSpec } from '../../../shared/contract';
import { describeHeaderValueProblem, headerValueProblem } from './header-value';
import { encodeRequestBody } from './request-body';

/** A request after validation, ready to go on the wire; headers keep the user's order and spelling. */
export interface ComposedRequest {
  method: string;
  url: URL;
  headers: [string, string][];
  body: Buffer | null;
  warnings: string[];
}

// undici writes these itself from the body and connection state; a user value would contradict the wire.
const MANAGED_HEADERS = new Set(['content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect']);

export function validateMethod(method: string): string {
  if (!HTTP_TOKEN.test(method)) {
    throw new CourierError(
      'INVALID_METHOD',
      `"${method.slice(0, 64)}" is not a valid HTTP method. Use letters, digits and symbols like - or _, without spaces.`,
      method.slice(0, 64),
    );
  }
  return method;
}

export function parseUrl(raw: string): URL {
  const text = raw.trim();
  if (text === '') throw new CourierError('INVALID_URL', 'Enter a URL to send the request to.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    const hint = /^[a-z][a-z0-9+.-]*:/i.test(text) ? '' : ' Did you forget http:// or https:// at the start?';
    throw new CourierError('INVALID_URL', `"${text.slice(0, 200)}" is not a valid URL.${hint}`, text.slice(0, 200));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CourierError(
      'UNSUPPORTED_PROTOCOL',
      `Courier sends HTTP requests only over http:// or https://, not ${url.protocol}//.`,
      url.protocol,
    );
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
  for (const param of spec.params) {
    if (param.enabled === false) continue;
    url.searchParams.append(param.name, param.value);
  }
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
  for (const [name, value] of body.queryParams ?? []) url.searchParams.append(name, value);
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

function credentialsFrom(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.username === '' && url.password === '') return null;
    return `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  } catch {
    return null;
  }
}
