import { httpRequestSpecSchema, type HttpRequestSpec, type KeyValue, type MultipartPart, type RequestAuthInput, type RequestBody } from '../../contract';
import { curlEscape, decodeFormExactly } from './form-encoding';
import type { ParsedOption } from './options';
import { addRangeHeader, type RangeUse } from './range';

/** What a command's standard input is, when the paste says (`echo … | curl`, `<<< text`, `< file`). */
export type Stdin = { kind: 'text'; text: string } | { kind: 'file'; path: string } | null;

type DataPiece = { kind: 'text'; text: string; json: boolean } | { kind: 'file'; path: string; json: boolean };

/** One curl operation (the options up to a `--next`) as curl collects it before sending. */
export interface Collected {
  method: string | null;
  urls: string[];
  query: string[];
  headers: KeyValue[];
  cookies: string[];
  /** -r: the last one given, with the "-" curl adds to a bare number */
  range: string | null;
  data: DataPiece[];
  json: boolean;
  parts: MultipartPart[];
  /** -T files in order: curl pairs the first with the first URL, the second with the second, and so on */
  uploads: string[];
  user: string | null;
  digest: boolean;
  bearer: string | null;
  get: boolean;
  head: boolean;
  settings: Record<string, number | boolean>;
  warnings: string[];
}

export function emptyCollected(): Collected {
  return {
    method: null,
    urls: [],
    query: [],
    headers: [],
    cookies: [],
    range: null,
    data: [],
    json: false,
    parts: [],
    uploads: [],
    user: null,
    digest: false,
    bearer: null,
    get: false,
    head: false,
    settings: {},
    warnings: [],
  };
}

function headerFrom(raw: string, warnings: string[]): KeyValue | null {
  if (raw.startsWith('@')) {
    warnings.push(`Headers read from a file (${raw}) were not imported.`);
    return null;
  }
  const colon = raw.indexOf(':');
  if (colon === -1) {
    // curl: "Name;" sends the header with an empty value
    if (raw.endsWith(';')) return { name: raw.slice(0, -1).trim(), value: '', enabled: true };
    warnings.push(`"${raw}" is not a header (no colon); skipped.`);
    return null;
  }
  const name = raw.slice(0, colon).trim();
  const value = raw.slice(colon + 1).trim();
  // curl: "Name:" with nothing after removes a header curl would add; Courier has no such rule
  if (value === '') return null;
  return { name, value, enabled: true };
}

/** --data-urlencode and --url-query: "content", "=content", "name=content", "@file", "name@file" (and "+" for as-is). */
function urlencodeData(raw: string, option: string, warnings: string[]): string | null {
  if (option === '--url-query' && raw.startsWith('+')) return raw.slice(1);
  const at = raw.indexOf('@');
  const equals = raw.indexOf('=');
  if (at !== -1 && (equals === -1 || at < equals)) {
    warnings.push(`${option} ${raw} reads a file; it was not imported.`);
    return null;
  }
  if (equals === -1) return curlEscape(raw);
  if (equals === 0) return curlEscape(raw.slice(1));
  return `${raw.slice(0, equals)}=${curlEscape(raw.slice(equals + 1))}`;
}

function formPart(raw: string, literal: boolean, warnings: string[]): MultipartPart | null {
  const equals = raw.indexOf('=');
  if (equals <= 0) {
    warnings.push(`-F "${raw}" has no name=value; skipped.`);
    return null;
  }
  const name = raw.slice(0, equals);
  const value = raw.slice(equals + 1);
  if (!literal && value.startsWith('@')) {
    const path = value.slice(1).split(';')[0] ?? '';
    warnings.push(`The file "${path}" for part "${name}" was not imported; choose it again in the Body tab.`);
    return { kind: 'file', name, file: null, enabled: true };
  }
  if (!literal && value.startsWith('<')) {
    warnings.push(`Part "${name}" reads its text from the file "${value.slice(1)}"; it was left empty.`);
    return { kind: 'text', name, value: '', enabled: true };
  }
  // ";type=…" after a text value sets the part's type, which Courier's text parts do not carry
  const text = literal ? value : value.replace(/;type=[^;]*$/, '');
  return { kind: 'text', name, value: text, enabled: true };
}

function seconds(raw: string | null, max: number): number | null {
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? Math.min(Math.round(value * 1000), max) : null;
}

const FLAGS = new Set(['insecure', 'basic', 'digest', 'compressed', 'get', 'head', 'location']);

function addData(into: Collected, raw: string, option: 'data' | 'data-binary' | 'json', stdin: Stdin): void {
  const json = option === 'json';
  if (!raw.startsWith('@')) {
    into.data.push({ kind: 'text', text: raw, json });
    return;
  }
  const path = raw.slice(1);
  if (path === '-' && stdin?.kind === 'text') {
    // -d reads a file as text and drops its CR and LF; --data-binary and --json keep the bytes
    into.data.push({ kind: 'text', text: option === 'data' ? stdin.text.replace(/[\r\n]/g, '') : stdin.text, json });
    return;
  }
  into.data.push({ kind: 'file', path: path === '-' && stdin?.kind === 'file' ? stdin.path : path, json });
}

export function apply(option: ParsedOption & { kind: 'option' }, into: Collected, stdin: Stdin): void {
  const value = option.value;
  if (value === null && !FLAGS.has(option.option)) {
    into.warnings.push(`${option.spelled} has no value; ignored.`);
    return;
  }
  const v = value ?? '';
  switch (option.option) {
    case 'request':
      into.method = v;
      break;
    case 'url':
      into.urls.push(v);
      break;
    case 'url-query': {
      const encoded = urlencodeData(v, '--url-query', into.warnings);
      if (encoded !== null && encoded !== '') into.query.push(encoded);
      break;
    }
    case 'header': {
      const header = headerFrom(v, into.warnings);
      if (header) into.headers.push(header);
      break;
    }
    case 'user-agent':
      into.headers.push({ name: 'User-Agent', value: v, enabled: true });
      break;
    case 'referer':
      into.headers.push({ name: 'Referer', value: v.replace(/;auto$/, ''), enabled: true });
      break;
    case 'range':
      into.range = v.includes('-') ? v : `${v}-`;
      break;
    case 'cookie':
      if (v.includes('=')) into.cookies.push(v);
      else into.warnings.push(`Cookies read from the file "${v}" were not imported.`);
      break;
    case 'data':
    case 'data-binary':
    case 'json':
      if (option.option === 'json') into.json = true;
      addData(into, v, option.option, stdin);
      break;
    case 'data-raw':
      into.data.push({ kind: 'text', text: v, json: false });
      break;
    case 'data-urlencode': {
      const encoded = urlencodeData(v, '--data-urlencode', into.warnings);
      if (encoded !== null) into.data.push({ kind: 'text', text: encoded, json: false });
      break;
    }
    case 'form':
    case 'form-string': {
      const part = formPart(v, option.option === 'form-string', into.warnings);
      if (part) into.parts.push(part);
      break;
    }
    case 'upload-file':
      into.uploads.push(v);
      break;
    case 'user':
      into.user = v;
      break;
    case 'digest':
      into.digest = true;
      break;
    case 'basic':
      into.digest = false;
      break;
    case 'oauth2-bearer':
      into.bearer = v;
      break;
    case 'insecure':
      into.settings.verifyTls = false;
      break;
    case 'get':
      into.get = true;
      break;
    case 'head':
      into.head = true;
      break;
    case 'location':
      into.settings.followRedirects = true;
      break;
    case 'max-redirs': {
      const n = Number(v);
      if (Number.isInteger(n) && n >= 0) into.settings.maxRedirects = Math.min(n, 100);
      break;
    }
    case 'max-time': {
      const ms = seconds(v, 24 * 3_600_000);
      if (ms !== null) into.settings.deadlineMs = ms;
      break;
    }
    case 'connect-timeout': {
      const ms = seconds(v, 600_000);
      if (ms !== null) into.settings.connectTimeoutMs = ms;
      break;
    }
    case 'compressed':
      break; // Courier always asks for gzip, deflate and br and decodes them
  }
}

function headerValue(headers: KeyValue[], name: string): string | null {
  const found = headers.filter((header) => header.name.toLowerCase() === name);
  return found.length > 0 ? found[found.length - 1]!.value : null;
}

function bodyFrom(data: string, contentType: string | null): RequestBody {
  const type = (contentType ?? 'application/x-www-form-urlencoded').toLowerCase();
  if (/[/+]json\b/.test(type)) return { kind: 'json', text: data };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const fields = decodeFormExactly(data);
    if (fields) return { kind: 'form', fields: fields.map((field) => ({ ...field, enabled: true })) };
  }
  return { kind: 'text', text: data, contentType: contentType ?? 'application/x-www-form-urlencoded' };
}

function authFrom(c: Collected): RequestAuthInput {
  if (c.bearer !== null) return { kind: 'bearer', token: c.bearer };
  if (c.user === null) return { kind: 'none' };
  const colon = c.user.indexOf(':');
  const username = colon === -1 ? c.user : c.user.slice(0, colon);
  const password = colon === -1 ? '' : c.user.slice(colon + 1);
  return { kind: c.digest ? 'digest' : 'basic', username, password };
}

/** curl's data pieces joined as curl joins them: "&" between pieces, nothing before a --json piece. */
function joinData(pieces: DataPiece[]): string {
  return pieces.map((piece, index) => (index > 0 && !piece.json ? '&' : '') + (piece.kind === 'text' ? piece.text : '')).join('');
}

function withScheme(url: string): string {
  // curl guesses http:// for a URL without a scheme
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) || url.startsWith('{{') ? url : `http://${url}`;
}

/** -T: curl appends the local file's name when the URL has no file part of its own (and no query). */
function uploadUrl(url: string, file: string): string {
  if (file === '-' || file === '.' || url.includes('?')) return url;
  const afterHost = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/, '');
  const path = afterHost.split('#')[0]!;
  if (path !== '' && !path.endsWith('/')) return url;
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return `${path === '' ? `${url}/` : url}${curlEscape(base, false)}`;
}

/** Whether curl sends this request as a download, an upload or a form; an -X method does not change it. */
function rangeUse(c: Collected, upload: string | null, body: RequestBody): RangeUse {
  if (upload === null && c.parts.length > 0) return { kind: 'form' };
  if (upload === null && (c.data.length === 0 || c.get)) return { kind: 'download' };
  if (body.kind === 'json' || body.kind === 'text') return { kind: 'upload', bodyText: body.text };
  return { kind: 'upload', bodyText: body.kind === 'form' ? joinData(c.data) : null };
}

/**
 * The requests of one curl operation: curl sends the same options to every URL it was given, except -T files, which
 * go to the URLs in order (a URL after the last -T has no upload).
 */
export function requestsFrom(c: Collected): { request: HttpRequestSpec; warnings: string[] }[] {
  return c.urls.map((raw, index) => requestFor(c, raw, c.uploads[index] ?? null));
}

function requestFor(c: Collected, raw: string, upload: string | null): { request: HttpRequestSpec; warnings: string[] } {
  const warnings = [...c.warnings];
  const headers = [...c.headers];
  if (c.cookies.length > 0) {
    // curl leaves -b out altogether when a Cookie header is given with -H (lib/http.c, http_cookies)
    if (headerValue(headers, 'cookie') !== null)
      warnings.push(`The -b cookies (${c.cookies.join('; ')}) were left out: with a Cookie header given by -H, curl does not send them either.`);
    else headers.push({ name: 'Cookie', value: c.cookies.join('; '), enabled: true });
  }
  if (c.json) {
    if (headerValue(headers, 'content-type') === null) headers.push({ name: 'Content-Type', value: 'application/json', enabled: true });
    if (headerValue(headers, 'accept') === null) headers.push({ name: 'Accept', value: 'application/json', enabled: true });
  }
  const files = c.data.filter((piece) => piece.kind === 'file');
  const data = joinData(c.data);
  let body: RequestBody = { kind: 'none' };
  let query = [...c.query];
  let implicitMethod = 'GET';
  if (upload !== null && c.data.length > 0 && files.length === 0) {
    // what curl 8.2.1 sent for `-d … URL -T file` (curlconverter's multiple_urls capture): a PUT to the URL with the
    // file's name, carrying the -d data as a form, not the file
    body = bodyFrom(data, headerValue(headers, 'content-type'));
    implicitMethod = 'PUT';
    warnings.push(`Both -T "${upload}" and -d were given: curl sends the -d data as the body of this PUT, not the file.`);
  } else if (upload !== null) {
    body = { kind: 'binary', file: null };
    implicitMethod = 'PUT';
    warnings.push(`curl uploads the file "${upload}" (-T); choose it in the Body tab.`);
  } else if (c.parts.length > 0) {
    body = { kind: 'multipart', parts: c.parts };
    implicitMethod = 'POST';
    if (c.data.length > 0) warnings.push('Both -F and -d were given; curl refuses that, the -d data was dropped.');
  } else if (c.data.length > 0 && c.get) {
    // a file's content is not known here: only the inline pieces go into the query, joined as curl joins them
    const inline = joinData(c.data.filter((piece) => piece.kind === 'text'));
    if (inline !== '') query = [...query, inline];
    if (files.length > 0)
      warnings.push(`The data read from ${files.map((f) => `"${f.kind === 'file' ? f.path : ''}"`).join(', ')} was not put into the query; add it by hand.`);
  } else if (files.length > 0) {
    // curl would POST the file's bytes: the request keeps its method and content type, the file is to be chosen
    body = { kind: 'binary', file: null };
    implicitMethod = 'POST';
    if (headerValue(headers, 'content-type') === null) headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded', enabled: true });
    for (const file of files)
      if (file.kind === 'file')
        warnings.push(`curl sends the body read from ${file.path === '-' ? 'standard input' : `the file "${file.path}"`}; choose the file in the Body tab.`);
    if (files.length < c.data.length) warnings.push('The body mixes inline data with data from a file; only the file is kept, add the rest by hand.');
  } else if (c.data.length > 0) {
    body = bodyFrom(data, headerValue(headers, 'content-type'));
    implicitMethod = 'POST';
  }
  if (c.range !== null) addRangeHeader(c.range, rangeUse(c, upload, body), headers, warnings);
  if (c.head && upload === null) implicitMethod = 'HEAD';
  const method = c.method ?? implicitMethod;
  let url = withScheme(raw);
  if (upload !== null) url = uploadUrl(url, upload);
  if (query.length > 0) url += (url.includes('?') ? '&' : '?') + query.join('&');
  const request = httpRequestSpecSchema.parse({ method, url, headers, body, auth: authFrom(c), settings: c.settings });
  return { request, warnings };
}
