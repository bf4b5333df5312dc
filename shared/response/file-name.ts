import { jsonSequenceOf, mediaTypeOf, type JsonSequenceFormat } from './content-type';

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json',
  'text/html': 'html',
  'text/plain': 'txt',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/csv': 'csv',
  'text/css': 'css',
  'application/javascript': 'js',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
};

/** JSON Lines under either name; a JSON text sequence has no extension of its own (RFC 7464 names none) */
const SEQUENCE_EXTENSIONS: Record<JsonSequenceFormat, string | undefined> = { ndjson: 'ndjson', 'json-lines': 'jsonl', 'json-seq': undefined };

/**
 * A file name for saving a response body: the last URL path segment (made safe for any file system), with an
 * extension from the Content-Type when it has none.
 */
export function suggestedFileName(url: string, contentType: string | null): string {
  let base = 'response';
  // shared/ has no URL class (no DOM or Node types here), and only the path is needed.
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url)?.[1] ?? '';
  const last = path.split('/').filter(Boolean).pop();
  if (last) {
    try {
      base = safeName(decodeURIComponent(last));
    } catch {
      // a malformed escape: keep the default name
    }
  }
  if (/\.[A-Za-z0-9]{1,5}$/.test(base)) return base;
  const type = mediaTypeOf(contentType);
  const sequence = jsonSequenceOf(type);
  const ext = (sequence ? SEQUENCE_EXTENSIONS[sequence] : EXTENSIONS[type]) ?? (type.endsWith('+json') ? 'json' : type.endsWith('+xml') ? 'xml' : 'bin');
  return `${base}.${ext}`;
}

function safeName(name: string): string {
  const cleaned = name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '');
  return cleaned.slice(0, 100) || 'response';
}
