import { httpRequestSpecSchema, type ImportedRequest, type ImportResult, type KeyValue, type RequestBody } from '../../contract';
import { queryStringOf } from '../../har';
import { bodyFromText } from '../common/body';
import { arr, convertOrLeaveOut, ImportFormatError, isComputedHeader, isRecord, str, Warnings } from '../common/warnings';

type Json = Record<string, unknown>;

/** A bare HAR request object ({ method, url, headers, … } with no "log"), as some tools and docs hand them out. */
export function isHarRequest(data: Json): boolean {
  return (
    typeof data.method === 'string' &&
    typeof data.url === 'string' &&
    (typeof data.httpVersion === 'string' || Array.isArray(data.headers) || isRecord(data.postData) || Array.isArray(data.queryString))
  );
}

function nameOf(request: Json, fallback: string): string {
  if (str(request.comment).trim() !== '') return str(request.comment).trim();
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(str(request.url))?.[1];
  return path === undefined ? `${str(request.method)} ${fallback}` : `${str(request.method)} ${path || '/'}`;
}

function nameValues(raw: unknown): { name: string; value: string }[] {
  return arr(raw)
    .filter(isRecord)
    .filter((entry) => typeof entry.name === 'string')
    .map((entry) => ({ name: str(entry.name), value: str(entry.value) }));
}

function bodyOf(request: Json, path: string[], warnings: Warnings): RequestBody {
  const post = request.postData;
  if (!isRecord(post)) return { kind: 'none' };
  const mimeType = str(post.mimeType);
  const text = str(post.text);
  const params = arr(post.params).filter(isRecord);
  if (str(post._encoding) === 'base64') {
    warnings.add(path, 'The binary body was not imported; choose the file in the Body tab.');
    return { kind: 'binary', file: null };
  }
  const multipart = /^multipart\/form-data/i.test(mimeType) || (mimeType === '' && params.some((param) => typeof param.fileName === 'string'));
  if (params.length > 0 && (multipart || text === '')) {
    if (mimeType === '')
      warnings.add(path, `The body has parameters but no MIME type; they were imported as a ${multipart ? 'multipart' : 'URL-encoded'} form.`);
    if (multipart) {
      return {
        kind: 'multipart',
        parts: params.map((param) => {
          if (typeof param.fileName === 'string') {
            warnings.add(path, `The file "${param.fileName}" of part "${str(param.name)}" was not imported; choose it in the Body tab.`);
            return { kind: 'file' as const, name: str(param.name), file: null, enabled: true };
          }
          return { kind: 'text' as const, name: str(param.name), value: str(param.value), enabled: true };
        }),
      };
    }
    return { kind: 'form', fields: params.map((param) => ({ name: str(param.name), value: str(param.value), enabled: true })) };
  }
  return bodyFromText(mimeType, text);
}

/** queryString[] entries the URL does not already carry (HAR writers disagree on which one is authoritative). */
function missingQuery(url: string, queryString: { name: string; value: string }[]): KeyValue[] {
  const inUrl = queryStringOf(url);
  const missing: KeyValue[] = [];
  for (const entry of queryString) {
    const at = inUrl.findIndex((pair) => pair.name === entry.name && pair.value === entry.value);
    if (at >= 0) inUrl.splice(at, 1);
    else missing.push({ ...entry, enabled: true });
  }
  return missing;
}

/** cookies[] the Cookie header does not already carry, merged into it as a browser sends them ("a=1; b=2"). */
function withCookies(headers: KeyValue[], cookies: { name: string; value: string }[]): { headers: KeyValue[]; added: string[] } {
  const cookieHeader = headers.find((header) => header.name.toLowerCase() === 'cookie');
  const present = new Set(
    headers
      .filter((header) => header.name.toLowerCase() === 'cookie')
      .flatMap((header) => header.value.split(';'))
      .map((pair) => pair.split('=')[0]!.trim()),
  );
  const added = cookies.filter((cookie) => !present.has(cookie.name));
  if (added.length === 0) return { headers, added: [] };
  const text = added.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  if (cookieHeader)
    return {
      headers: headers.map((header) => (header === cookieHeader ? { ...header, value: header.value ? `${header.value}; ${text}` : text } : header)),
      added: added.map((c) => c.name),
    };
  return { headers: [...headers, { name: 'Cookie', value: text, enabled: true }], added: added.map((c) => c.name) };
}

function requestOf(request: Json, name: string, path: string[], warnings: Warnings): ImportedRequest {
  const url = str(request.url);
  const params = missingQuery(url, nameValues(request.queryString));
  if (params.length > 0) warnings.add(path, `queryString entries not in the URL (${params.map((p) => p.name).join(', ')}) were added as query parameters.`);
  // HTTP/2 pseudo-headers and lengths are the browser's business, not the request's
  const own = nameValues(request.headers)
    .filter((header) => !isComputedHeader(header.name))
    .map((header) => ({ ...header, enabled: true }));
  const { headers, added } = withCookies(own, nameValues(request.cookies));
  if (added.length > 0) warnings.add(path, `cookies not in the Cookie header (${added.join(', ')}) were added to it.`);
  return {
    type: 'request',
    name,
    description: '',
    request: httpRequestSpecSchema.parse({ method: str(request.method).toUpperCase(), url, params, headers, body: bodyOf(request, path, warnings) }),
  };
}

const ENTRY_FIELDS = ['startedDateTime', 'time', 'response', 'cache', 'timings'] as const;

/**
 * HAR 1.2 (browser devtools, proxies, Courier's own history export): one request per entry, responses left out. Only
 * the request matters here, so an entry missing other fields is imported with a word, not a refusal of the file.
 * A bare HAR request object imports as one request.
 */
export function importHar(data: Json): ImportResult {
  const warnings = new Warnings();
  if (!isRecord(data.log)) {
    if (!isHarRequest(data)) throw new ImportFormatError('This is not a HAR file: "log" is missing.');
    const name = nameOf(data, 'request');
    return {
      format: 'har',
      formatLabel: 'HAR request',
      collections: [{ name: 'HAR request', description: '', variables: [], auth: { kind: 'none' }, items: [requestOf(data, name, [name], warnings)] }],
      environments: [],
      warnings: warnings.list,
    };
  }
  const log = data.log;
  if (!Array.isArray(log.entries)) throw new ImportFormatError('This HAR file is not valid: log.entries: expected an array');
  const items: ImportedRequest[] = [];
  log.entries.forEach((entry, index) => {
    const request = isRecord(entry) ? entry.request : undefined;
    if (!isRecord(entry) || !isRecord(request) || typeof request.method !== 'string' || request.method === '' || str(request.url) === '') {
      warnings.add([`entry ${index + 1}`], `log.entries[${index}] has no request with a method and URL; it was not imported.`);
      return;
    }
    const name = nameOf(request, `request ${index + 1}`);
    const path = [`${index + 1}. ${name}`];
    const missing = ENTRY_FIELDS.filter((field) => entry[field] === undefined);
    if (missing.length > 0) warnings.add(path, `The entry has no ${missing.join(', ')}; only its request is needed, so it was imported.`);
    // an entry that does not fit (a method of 200 characters) is left out by name; the other entries import
    const item = convertOrLeaveOut(path, warnings, () => requestOf(request, name, path, warnings));
    if (item !== null) items.push(item);
  });
  if (items.length === 0)
    throw new ImportFormatError(
      log.entries.length === 0 ? 'This HAR file has no entries.' : `This HAR file has no entry with a request to import: ${warnings.list[0]?.message ?? ''}`,
    );
  const creator = isRecord(log.creator) ? str(log.creator.name) : '';
  return {
    format: 'har',
    formatLabel: `HAR ${str(log.version, '1.2')}`,
    collections: [{ name: `${creator || 'Imported'} HAR`, description: '', variables: [], auth: { kind: 'none' }, items }],
    environments: [],
    warnings: warnings.list,
  };
}
