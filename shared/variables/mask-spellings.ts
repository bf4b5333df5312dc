import { utf8Bytes } from './base64';

/**
 * How one character of a secret can be written once a server, a framework or a log has escaped it. Every encoding
 * here works character by character, so a secret escaped by one of them (or by one inside another: JSON in a JSON
 * string, HTML-escaped JSON, a percent-encoded backslash escape) is the secret with each character replaced by one
 * of its spellings. Matching per character also covers encoders that escape only some characters (one escapes `+`
 * but leaves `/`, another the reverse), which a list of whole-secret forms would miss.
 */
type Encoding = (char: string, code: number) => string;

const hex = (code: number, width: number, upper: boolean): string => {
  const text = code.toString(16).padStart(width, '0');
  return upper ? text.toUpperCase() : text;
};

const isAsciiAlphanumeric = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** \uXXXX of a code point, as two escapes (a surrogate pair) beyond the BMP */
const unicodeEscape = (code: number, upper: boolean): string => {
  if (code < 0x10000) return `\\u${hex(code, 4, upper)}`;
  const offset = code - 0x10000;
  return `\\u${hex(0xd800 + (offset >> 10), 4, upper)}\\u${hex(0xdc00 + (offset & 0x3ff), 4, upper)}`;
};

const JSON_SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** JSON.stringify, and every JSON writer's default */
const json: Encoding = (char, code) => JSON_SHORT[char] ?? (code < 0x20 ? unicodeEscape(code, false) : char);
/** PHP's json_encode escapes the slash */
const jsonSlash: Encoding = (char, code) => (char === '/' ? '\\/' : json(char, code));
/** \u escapes for everything that is not a letter or digit: PHP (lowercase), .NET's JavaScriptEncoder (uppercase) */
const jsonUnicode =
  (upper: boolean): Encoding =>
  (char, code) =>
    isAsciiAlphanumeric(code) ? char : unicodeEscape(code, upper);
/** percent-encoding of the UTF-8 bytes; .NET's WebUtility writes lowercase hex */
const percent =
  (upper: boolean): Encoding =>
  (char, code) =>
    isAsciiAlphanumeric(code) ? char : [...utf8Bytes(char)].map((byte) => `%${hex(byte, 2, upper)}`).join('');
/** application/x-www-form-urlencoded writes a space as + */
const formSpace: Encoding = (char) => (char === ' ' ? '+' : char);
const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const htmlNamed: Encoding = (char) => HTML_NAMED[char] ?? char;
const htmlApos: Encoding = (char) => (char === "'" ? '&#x27;' : char === '&' ? '&amp;' : char);
const htmlDecimal: Encoding = (char, code) => (isAsciiAlphanumeric(code) ? char : `&#${code};`);
const htmlHex =
  (upper: boolean): Encoding =>
  (char, code) =>
    isAsciiAlphanumeric(code) ? char : `&#x${hex(code, 1, upper)};`;

const ENCODINGS: readonly Encoding[] = [
  json,
  jsonSlash,
  jsonUnicode(false),
  jsonUnicode(true),
  percent(true),
  percent(false),
  formSpace,
  htmlNamed,
  htmlApos,
  htmlDecimal,
  htmlHex(true),
  htmlHex(false),
];

const encodeAll = (text: string, encoding: Encoding): string => {
  let out = '';
  for (const char of text) out += encoding(char, char.codePointAt(0)!);
  return out;
};

const cache = new Map<string, readonly string[]>();

/**
 * Every way one character (a code point) can be written: itself, each encoding of it, and each encoding of each of
 * those (one level deep: JSON inside a JSON string, HTML-escaped JSON, …). The character itself comes first.
 */
export function charSpellings(char: string): readonly string[] {
  const known = cache.get(char);
  if (known) return known;
  const code = char.codePointAt(0)!;
  const spellings = new Set<string>([char]);
  if (!isAsciiAlphanumeric(code)) {
    const first = ENCODINGS.map((encoding) => encoding(char, code));
    for (const once of first) {
      spellings.add(once);
      for (const encoding of ENCODINGS) spellings.add(encodeAll(once, encoding));
    }
  }
  const list = [...spellings];
  cache.set(char, list);
  return list;
}
