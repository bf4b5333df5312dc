import type { RequestBody } from '../../contract';

/** A body from a MIME type and text, as most formats keep it. */
export function bodyFromText(mimeType: string, text: string): RequestBody {
  const type = mimeType.toLowerCase();
  if (text === '' && type === '') return { kind: 'none' };
  if (/[/+]json\b/.test(type)) return { kind: 'json', text };
  return { kind: 'text', text, contentType: mimeType || 'text/plain' };
}
