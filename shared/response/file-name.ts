import { mediaTypeOf } from './content-type';

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'jsonl',
  'application/x-jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
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
  const ext = EXTENSIONS[type] ?? (type.endsWith('+json') ? 'json' : type.endsWith('+xml') ? 'xml' : 'bin');
  return `${base}.${ext}`;
}

function safeName(name: string): string {
  const cleaned = name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '');
  return cleaned.slice(0, 100) || 'response';
}
