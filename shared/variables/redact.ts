import { utf8Bytes } from './base64';
import { byteMatcher, textMatcher, type Matcher } from './mask-matcher';
import { SECRET_MASK } from './needles';

export interface Redactor {
  text(text: string): string;
  bytes(bytes: Uint8Array): Uint8Array;
  /** the byte matcher, for streaming (see createMaskStream) */
  matcher(): Matcher;
}

export const MASK_BYTES = utf8Bytes(SECRET_MASK);

function sameSecrets(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** The bytes with every match replaced by the mask; the same array when nothing matched. */
function maskAll(matcher: Matcher, bytes: Uint8Array): Uint8Array {
  const pieces: Uint8Array[] = [];
  let from = 0;
  let length = 0;
  matcher.scan(bytes, 0, bytes.length, (start, end) => {
    pieces.push(bytes.subarray(from, start), MASK_BYTES);
    length += start - from + MASK_BYTES.length;
    from = end;
  });
  if (pieces.length === 0) return bytes;
  pieces.push(bytes.subarray(from));
  length += bytes.length - from;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

function compile(secrets: readonly string[]): Redactor {
  let bytesMatcher: Matcher | null = null;
  let texts: ReturnType<typeof textMatcher> | null = null;
  const matcher = (): Matcher => (bytesMatcher ??= byteMatcher(secrets));
  return {
    text(text) {
      texts ??= textMatcher(secrets);
      if (texts.empty || text.length < 4) return text;
      let out = '';
      let from = 0;
      texts.scan(texts.units(text), 0, text.length, (start, end) => {
        out += text.slice(from, start) + SECRET_MASK;
        from = end;
      });
      return from === 0 && out === '' ? text : out + text.slice(from);
    },
    bytes: (bytes) => maskAll(matcher(), bytes),
    matcher,
  };
}

let cachedSecrets: readonly string[] = [];
let cachedRedactor: Redactor = compile([]);

/** One redactor for a set of secrets; the last one is kept because callers redact many fields with the same set. */
export function redactorFor(secrets: readonly string[]): Redactor {
  if (!sameSecrets(secrets, cachedSecrets)) {
    cachedRedactor = compile(secrets);
    cachedSecrets = [...secrets];
  }
  return cachedRedactor;
}

/** Replaces every spelling of every secret (see mask-spellings) with SECRET_MASK, leftmost-longest. */
export function redactText(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0 || text === '') return text;
  return redactorFor(secrets).text(text);
}

/** For bodies: UTF-8 (or Latin-1) bytes; returns the same array when nothing was found. */
export function redactBytes(bytes: Uint8Array, secrets: readonly string[]): Uint8Array {
  if (secrets.length === 0 || bytes.length === 0) return bytes;
  return redactorFor(secrets).bytes(bytes);
}

/**
 * The masker's own byte matcher for these secrets, every spelling included: what decides whether a body "contains a
 * secret" must find exactly what masking would hide (electron/services/body-store's secret watch uses it).
 */
export function secretBytesMatcher(secrets: readonly string[]): Matcher {
  return redactorFor(secrets).matcher();
}
