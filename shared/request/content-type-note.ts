import { isBlankRow, type KeyValueRow } from './rows';
import type { BodyDraft } from './draft';

interface ContentTypeNote {
  tone: 'info' | 'warning';
  message: string;
}

/** The Content-Type the engine sends for a body when the user sets none (mirrors the engine's encoder). */
export function defaultContentType(body: BodyDraft): string | null {
  switch (body.kind) {
    case 'none':
      return null;
    case 'json':
      return 'application/json';
    case 'text':
      return 'text/plain';
    case 'xml':
      return 'application/xml';
    case 'form':
      return 'application/x-www-form-urlencoded';
    case 'multipart':
      return 'multipart/form-data';
    case 'binary':
      return body.binary ? body.binary.contentType || 'application/octet-stream' : null;
    case 'graphql':
      // GET carries the query in the URL: no body, no Content-Type.
      return body.graphql.method === 'GET' ? null : 'application/json';
  }
}

/**
 * Tells the user which Content-Type goes with the body, and warns when their own header would break it: a
 * multipart body is unreadable without the boundary that only the generated header carries.
 */
export function contentTypeNote(body: BodyDraft, headers: readonly KeyValueRow[]): ContentTypeNote | null {
  const automatic = defaultContentType(body);
  if (automatic === null) return null;
  const own = headers.find((row) => row.enabled && !isBlankRow(row) && row.name.trim().toLowerCase() === 'content-type');
  if (!own) {
    const shown = body.kind === 'multipart' ? 'multipart/form-data with a generated boundary' : automatic;
    return { tone: 'info', message: `Sent with Content-Type: ${shown}, unless you set one in Headers.` };
  }
  if (body.kind === 'multipart' && !/boundary=/i.test(own.value)) {
    return {
      tone: 'warning',
      message: `Your Content-Type header ("${own.value}") replaces the generated one, which carries the multipart boundary; the server will not be able to find the parts. Remove the header to let Courier set it.`,
    };
  }
  return { tone: 'info', message: `Sent with your Content-Type header: ${own.value}.` };
}
