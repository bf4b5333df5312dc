import { httpRequestSpecSchema, type HttpRequestSpec, type KeyValue, type MultipartPart, type RequestAuthInput, type RequestBody } from '../../contract';
import { decodeFormExactly, encodeFormComponent } from './form-encoding';
import { readOptions, type ParsedOption } from './options';
import { looksLikeCmd, tokenizeCmd } from './tokenize-cmd';
import { tokenizeBash } from './tokenize-bash';

/*
 * Why a parser of our own rather than curlconverter: curlconverter parses with tree-sitter (a native addon in Node,
 * an asynchronously loaded WebAssembly grammar in a browser), so it cannot run synchronously inside a paste handler
 * or in pure shared/ code, and it reads bash only — "Copy as cURL (cmd)" is refused (curlconverter issues #143,
 * #602, #607). A paste needs neither a shell grammar nor execution: words (tokenize-bash.ts, tokenize-cmd.ts) and
 * curl's option table (options.ts) are enough, and parse-curl.test.ts holds commands copied from Chromium, Firefox,
 * Safari and Postman in both flavours. The p50 is ~20 µs for a devtools command (scripts/bench/import-bench.ts).
 */
export type CurlFlavour = 'bash' | 'cmd';
export type CurlParseResult =
  | { ok: true; request: HttpRequestSpec; warnings: string[]; flavour: CurlFlavour }
  | { ok: false; message: string };

/** A cheap test for paste handlers: does this text start like a curl command? */
export function looksLikeCurl(text: string): boolean {
  // a path to curl may come first (/usr/bin/curl, C:\\…\\curl.exe), a URL ending in /curl may not
  return /^\s*(\$\s+)?((?![a-z][a-z0-9+.-]*:\/\/)\S*[\\/])?curl(\.exe)?\s/i.test(text);
}

interface Collected {
  method: string | null;
  urls: string[];
  headers: KeyValue[];
  data: string[];
  json: boolean;
  parts: MultipartPart[];
  user: string | null;
  digest: boolean;
  bearer: string | null;
  get: boolean;
  head: boolean;
  settings: Record<string, number | boolean>;
  warnings: string[];
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

function urlencodeData(raw: string, warnings: string[]): string | null {
  const at = raw.indexOf('@');
  const equals = raw.indexOf('=');
  if (at !== -1 && (equals === -1 || at < equals)) {
    warnings.push(`--data-urlencode ${raw} reads a file; it was not imported.`);
    return null;
  }
  if (equals === -1) return encodeFormComponent(raw);
  if (equals === 0) return encodeFormComponent(raw.slice(1));
  return `${raw.slice(0, equals)}=${encodeFormComponent(raw.slice(equals + 1))}`;
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

function apply(option: ParsedOption & { kind: 'option' }, into: Collected): void {
  const value = option.value;
  if (value === null && option.option !== 'insecure' && !['basic', 'digest', 'compressed', 'get', 'head', 'location'].includes(option.option)) {
    into.warnings.push(`${option.spelled} has no value; ignored.`);
    return;
  }
  const v = value ?? '';
  switch (option.option) {
    case 'request': into.method = v; break;
    case 'url': into.urls.push(v); break;
    case 'header': { const header = headerFrom(v, into.warnings); if (header) into.headers.push(header); break; }
    case 'user-agent': into.headers.push({ name: 'User-Agent', value: v, enabled: true }); break;
    case 'referer': into.headers.push({ name: 'Referer', value: v.replace(/;auto$/, ''), enabled: true }); break;
    case 'cookie':
      if (v.includes('=')) into.headers.push({ name: 'Cookie', value: v, enabled: true });
      else into.warnings.push(`Cookies read from the file "${v}" were not imported.`);
      break;
    case 'data':
    case 'data-binary':
      if (v.startsWith('@')) into.warnings.push(`The body read from the file "${v.slice(1)}" was not imported; choose it in the Body tab.`);
      // -d drops CR and LF only when reading a file, so inline text is kept as is
      else into.data.push(v);
      break;
    case 'data-raw': into.data.push(v); break;
    case 'json':
      into.json = true;
      if (v.startsWith('@')) into.warnings.push(`The JSON body read from the file "${v.slice(1)}" was not imported.`);
      else into.data.push(v);
      break;
    case 'data-urlencode': { const encoded = urlencodeData(v, into.warnings); if (encoded !== null) into.data.push(encoded); break; }
    case 'form':
    case 'form-string': { const part = formPart(v, option.option === 'form-string', into.warnings); if (part) into.parts.push(part); break; }
    case 'user': into.user = v; break;
    case 'digest': into.digest = true; break;
    case 'basic': into.digest = false; break;
    case 'oauth2-bearer': into.bearer = v; break;
    case 'insecure': into.settings.verifyTls = false; break;
    case 'get': into.get = true; break;
    case 'head': into.head = true; break;
    case 'location': into.settings.followRedirects = true; break;
    case 'max-redirs': { const n = Number(v); if (Number.isInteger(n) && n >= 0) into.settings.maxRedirects = Math.min(n, 100); break; }
    case 'max-time': { const ms = seconds(v, 24 * 3_600_000); if (ms !== null) into.settings.deadlineMs = ms; break; }
    case 'connect-timeout': { const ms = seconds(v, 600_000); if (ms !== null) into.settings.connectTimeoutMs = ms; break; }
    case 'compressed': break; // Courier always asks for gzip, deflate and br and decodes them
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

/** Parses a curl command line (bash or Windows cmd quoting) into a request; what it cannot carry is in `warnings`. */
export function parseCurl(text: string): CurlParseResult {
  const trimmed = text.trim().replace(/^\$\s+/, '');
  const flavour: CurlFlavour = looksLikeCmd(trimmed) ? 'cmd' : 'bash';
  let words: string[];
  try {
    words = flavour === 'cmd' ? tokenizeCmd(trimmed) : tokenizeBash(trimmed);
  } catch (error) {
    return { ok: false, message: `The curl command could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (words.length === 0 || !/^((?![a-z][a-z0-9+.-]*:\/\/).*[\\/])?curl(\.exe)?$/i.test(words[0]!)) {
    return { ok: false, message: 'This is not a curl command: it should start with "curl".' };
  }
  const c: Collected = { method: null, urls: [], headers: [], data: [], json: false, parts: [], user: null, digest: false, bearer: null, get: false, head: false, settings: {}, warnings: [] };
  for (const option of readOptions(words.slice(1))) {
    if (option.kind === 'positional') c.urls.push(option.value);
    else if (option.kind === 'ignored') {
      if (option.reported) c.warnings.push(`The option ${option.spelled} has no equivalent in Courier and was ignored.`);
    } else apply(option, c);
  }
  if (c.urls.length === 0) return { ok: false, message: 'The curl command has no URL.' };
  if (c.urls.length > 1) c.warnings.push(`Only the first of ${c.urls.length} URLs was imported.`);
  let url = c.urls[0]!;
  // curl guesses http:// for a URL without a scheme
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) && !url.startsWith('{{')) url = `http://${url}`;

  if (c.json) {
    if (headerValue(c.headers, 'content-type') === null) c.headers.push({ name: 'Content-Type', value: 'application/json', enabled: true });
    if (headerValue(c.headers, 'accept') === null) c.headers.push({ name: 'Accept', value: 'application/json', enabled: true });
  }
  const data = c.data.join('&');
  let body: RequestBody = { kind: 'none' };
  if (c.parts.length > 0) {
    body = { kind: 'multipart', parts: c.parts };
    if (c.data.length > 0) c.warnings.push('Both -F and -d were given; curl refuses that, the -d data was dropped.');
  } else if (c.data.length > 0 && c.get) {
    url += (url.includes('?') ? '&' : '?') + data;
  } else if (c.data.length > 0) {
    body = bodyFrom(data, headerValue(c.headers, 'content-type'));
  }
  const method = c.method ?? (c.head ? 'HEAD' : body.kind !== 'none' ? 'POST' : 'GET');
  const request = httpRequestSpecSchema.parse({ method, url, headers: c.headers, body, auth: authFrom(c), settings: c.settings });
  return { ok: true, request, warnings: c.warnings, flavour };
}
