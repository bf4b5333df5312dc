export type BodyKind = 'json' | 'xml' | 'html' | 'text' | 'image' | 'binary';

/** The media type without parameters, lower-cased: "Application/JSON; charset=utf-8" → "application/json". */
export function mediaTypeOf(contentType: string | null | undefined): string {
  if (!contentType) return '';
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * The text encoding a Content-Type declares ("text/plain; charset=latin1" → "windows-1252", as browsers map it), as a
 * TextDecoder label; UTF-8 when none is declared or the name is one no decoder knows.
 */
export function charsetOf(contentType: string | null | undefined): string {
  const declared = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  if (!declared) return 'utf-8';
  try {
    return new TextDecoder(declared).encoding;
  } catch {
    return 'utf-8';
  }
}

/** What callers use of a TextDecoder (shared/ is built without the DOM's types). */
interface TextDecoding {
  decode(input?: Uint8Array | ArrayBuffer, options?: { stream?: boolean }): string;
}

/**
 * The decoder for a body's text, for everything that shows it: the charset its Content-Type declares (charsetOf). An
 * event stream is UTF-8 whatever it declares, as browsers read one (the HTML standard's EventSource) and as the live
 * events are parsed (electron/services/http/sse-tap.ts), so its Body and Events tabs say the same.
 */
export function textDecoderFor(contentType: string | null | undefined): TextDecoding {
  return new TextDecoder(mediaTypeOf(contentType) === 'text/event-stream' ? 'utf-8' : charsetOf(contentType));
}

/**
 * A body of many JSON texts rather than one: one per line (NDJSON and JSON Lines, the same format under two names),
 * or each after an RS character (RFC 7464 JSON text sequences). Streaming, log and LLM APIs answer this way, and
 * Elasticsearch's bulk API; as one document such a body is "not valid JSON".
 */
export type JsonSequenceFormat = 'ndjson' | 'json-lines' | 'json-seq';

const SEQUENCE_TYPES: ReadonlyMap<string, JsonSequenceFormat> = new Map([
  ['application/x-ndjson', 'ndjson'],
  ['application/ndjson', 'ndjson'],
  ['application/jsonl', 'json-lines'],
  ['application/x-jsonl', 'json-lines'],
  ['application/jsonlines', 'json-lines'],
  ['application/x-jsonlines', 'json-lines'],
  ['application/json-seq', 'json-seq'],
]);

/**
 * The record format a Content-Type declares, or null for anything else. Only the declaration counts: a body sent as
 * application/json that fails to parse is reported as invalid JSON, not guessed to be lines of it.
 */
export function jsonSequenceOf(contentType: string | null | undefined): JsonSequenceFormat | null {
  return SEQUENCE_TYPES.get(mediaTypeOf(contentType)) ?? null;
}

/** How to show a body, from its Content-Type alone. Empty or unknown types are 'binary' until sniffed. */
export function classifyContentType(contentType: string | null | undefined): BodyKind {
  const type = mediaTypeOf(contentType);
  if (!type) return 'binary';
  const [main = '', sub = ''] = type.split('/');
  if (sub === 'json' || sub.endsWith('+json') || jsonSequenceOf(type) !== null) return 'json';
  if (sub === 'html' || type === 'application/xhtml+xml') return 'html';
  if (sub === 'xml' || sub.endsWith('+xml')) return main === 'image' ? 'image' : 'xml';
  if (main === 'image') return 'image';
  if (main === 'text') return 'text';
  if (
    type === 'application/javascript' ||
    type === 'application/ecmascript' ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/graphql' ||
    type === 'application/yaml' ||
    type === 'application/x-yaml' ||
    type === 'application/toml' ||
    type === 'application/sql'
  ) {
    return 'text';
  }
  return 'binary';
}

/**
 * The final decision, with a peek at the first bytes: servers often send JSON as text/plain or with no type at all,
 * and a "text/plain" body can really be binary.
 */
export function decideBodyKind(contentType: string | null | undefined, head: Uint8Array): BodyKind {
  const declared = classifyContentType(contentType);
  if (declared === 'image') return 'image';
  if (head.length === 0) return declared === 'binary' ? 'text' : declared;
  // Text declared in another encoding (Latin-1, Shift_JIS, UTF-16) is not UTF-8 and would fail the binary sniff.
  if (declared !== 'binary' && charsetOf(contentType) !== 'utf-8') return declared;
  if (looksBinary(head)) return 'binary';
  if (declared !== 'binary' && declared !== 'text') return declared;
  const first = firstNonSpace(head);
  if (first === 0x7b || first === 0x5b) return 'json'; // { [
  if (first === 0x3c) return 'xml'; // <
  return 'text';
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf) return b;
  }
  return undefined;
}

/**
 * Binary, by the same rule as `git` and `file`: a NUL byte, or many control characters, or invalid UTF-8.
 * Looks at most at the first 8 KiB; a truncated multi-byte sequence at the end of the sample is not held against it.
 */
export function looksBinary(bytes: Uint8Array, sampleSize = 8192): boolean {
  const n = Math.min(bytes.length, sampleSize);
  let control = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x80) {
      // RS (0x1E) separates the records of a JSON text sequence: a body of small ones is a tenth RS
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b && b !== 0x1e) control++;
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    if (len === 0 || b > 0xf4) return true;
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return control / Math.max(n, 1) > 0.1; // cut off by the sample, not invalid
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return true;
    }
    i += len;
  }
  return control / Math.max(n, 1) > 0.1;
}

/** Monaco language for a text body. */
export function editorLanguageFor(kind: BodyKind): 'json' | 'xml' | 'html' | 'plaintext' {
  return kind === 'json' ? 'json' : kind === 'xml' ? 'xml' : kind === 'html' ? 'html' : 'plaintext';
}
