import { utf8Bytes } from './base64';
import { SECRET_MASK, secretNeedles } from './needles';

export interface Redactor {
  text(text: string): string;
  bytes(bytes: Uint8Array): Uint8Array;
}

const MASK_BYTES = utf8Bytes(SECRET_MASK);

function sameSecrets(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  let at = haystack.indexOf(first, from);
  while (at !== -1 && at <= last) {
    let i = 1;
    while (i < needle.length && haystack[at + i] === needle[i]) i += 1;
    if (i === needle.length) return at;
    at = haystack.indexOf(first, at + 1);
  }
  return -1;
}

function replaceBytes(haystack: Uint8Array, needle: Uint8Array): Uint8Array {
  let at = indexOfBytes(haystack, needle, 0);
  if (at === -1) return haystack;
  const chunks: Uint8Array[] = [];
  let from = 0;
  let length = 0;
  while (at !== -1) {
    chunks.push(haystack.subarray(from, at), MASK_BYTES);
    length += at - from + MASK_BYTES.length;
    from = at + needle.length;
    at = indexOfBytes(haystack, needle, from);
  }
  chunks.push(haystack.subarray(from));
  length += haystack.length - from;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Latin-1 bytes of a secret whose characters all fit in one byte, for bodies written in that charset. */
function latin1Bytes(secret: string): Uint8Array | null {
  let wide = false;
  for (let i = 0; i < secret.length; i += 1) {
    const code = secret.charCodeAt(i);
    if (code > 0xff) return null;
    if (code > 0x7f) wide = true;
  }
  return wide ? Uint8Array.from(secret, (char) => char.charCodeAt(0)) : null;
}

function compile(secrets: readonly string[]): Redactor {
  const needles = [...new Set(secrets.flatMap(secretNeedles))].sort((a, b) => b.length - a.length);
  let byteNeedles: Uint8Array[] | null = null;
  const needleBytes = (): Uint8Array[] => {
    if (byteNeedles) return byteNeedles;
    byteNeedles = needles.map(utf8Bytes);
    for (const secret of secrets) {
      const latin1 = latin1Bytes(secret);
      if (latin1 && latin1.length >= 4) byteNeedles.push(latin1);
    }
    byteNeedles.sort((a, b) => b.length - a.length);
    return byteNeedles;
  };
  return {
    text(text) {
      let out = text;
      for (const needle of needles) {
        if (out.includes(needle)) out = out.split(needle).join(SECRET_MASK);
      }
      return out;
    },
    bytes(bytes) {
      let out = bytes;
      for (const needle of needleBytes()) out = replaceBytes(out, needle);
      return out;
    },
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

/** Replaces every byte form of every secret with SECRET_MASK, longest forms first. */
export function redactText(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0 || text === '') return text;
  return redactorFor(secrets).text(text);
}

/** For bodies: UTF-8 (or Latin-1) bytes; returns the same array when nothing was found. */
export function redactBytes(bytes: Uint8Array, secrets: readonly string[]): Uint8Array {
  if (secrets.length === 0 || bytes.length === 0) return bytes;
  return redactorFor(secrets).bytes(bytes);
}
