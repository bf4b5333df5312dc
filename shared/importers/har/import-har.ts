import { httpRequestSpecSchema, type ImportedRequest, type ImportResult, type RequestBody } from '../../contract';
import { parseHar, type HarEntry } from '../../har';
import { bodyFromText } from '../common/body';
import { ImportFormatError, isComputedHeader, Warnings } from '../common/warnings';

function nameOf(entry: HarEntry, index: number): string {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(entry.request.url)?.[1];
  return path === undefined ? `${entry.request.method} request ${index + 1}` : `${entry.request.method} ${path || '/'}`;
}

function bodyOf(entry: HarEntry, path: string[], warnings: Warnings): RequestBody {
  const post = entry.request.postData;
  if (!post) return { kind: 'none' };
  const mimeType = post.mimeType ?? '';
  if (post._encoding === 'base64') {
    warnings.add(path, 'The binary body was not imported; choose the file in the Body tab.');
    return { kind: 'binary', file: null };
  }
  if (/^multipart\/form-data/i.test(mimeType) && post.params) {
    return {
      kind: 'multipart',
      parts: post.params.map((param) => {
        if (typeof param.fileName === 'string') {
          warnings.add(path, `The file "${param.fileName}" of part "${param.name}" was not imported.`);
          return { kind: 'file' as const, name: param.name, file: null, enabled: true };
        }
        return { kind: 'text' as const, name: param.name, value: param.value ?? '', enabled: true };
      }),
    };
  }
  if (/^application\/x-www-form-urlencoded/i.test(mimeType) && post.params && post.params.length > 0 && !post.text) {
    return { kind: 'form', fields: post.params.map((param) => ({ name: param.name, value: param.value ?? '', enabled: true })) };
  }
  return bodyFromText(mimeType, post.text ?? '');
}

/** HAR 1.2 (browser devtools, proxies, Courier's own history export): one request per entry, responses left out. */
export function importHar(text: string): ImportResult {
  const parsed = parseHar(text);
  if (!parsed.ok) throw new ImportFormatError(`This HAR file is not valid: ${parsed.message}`);
  const warnings = new Warnings();
  const items: ImportedRequest[] = parsed.har.log.entries.map((entry, index) => {
    const name = nameOf(entry, index);
    const path = [`${index + 1}. ${name}`];
    return {
      type: 'request',
      name,
      description: '',
      request: httpRequestSpecSchema.parse({
        method: entry.request.method,
        url: entry.request.url,
        // HTTP/2 pseudo-headers and lengths are the browser's business, not the request's
        headers: entry.request.headers.filter((header) => !isComputedHeader(header.name)).map((header) => ({ name: header.name, value: header.value, enabled: true })),
        body: bodyOf(entry, path, warnings),
      }),
    };
  });
  if (items.length === 0) throw new ImportFormatError('This HAR file has no entries.');
  return {
    format: 'har',
    formatLabel: `HAR ${parsed.har.log.version}`,
    collections: [{ name: `${parsed.har.log.creator.name} HAR`, description: '', variables: [], auth: { kind: 'none' }, items }],
    environments: [],
    warnings: warnings.list,
  };
}
