import { base64FromBytes, toBase64Url, utf8Bytes } from './base64';

export const SECRET_MASK = '••••••';

/** Shorter secrets and forms are skipped: masking every "ab" in a response would hide more than it protects. */
export const MIN_NEEDLE_LENGTH = 4;

function percentEncode(text: string, keep: (code: number, char: string) => boolean, space = '%20'): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === ' ') out += space;
    else if (keep(code, char)) out += char;
    // a lone surrogate becomes U+FFFD's bytes, as the URL parser writes it
    else for (const byte of utf8Bytes(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const isAlphanumeric = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** What each place a secret can travel does to it before it reaches a file. */
function textForms(secret: string): string[] {
  const printable = (code: number): boolean => code > 0x20 && code < 0x7f;
  return [
    secret,
    // encodeURIComponent, what most code (ours included) writes into a URL by hand
    percentEncode(secret, (code, char) => isAlphanumeric(code) || "-_.!~*'()".includes(char)),
    // encodeURIComponent with + for spaces: older form encoders
    percentEncode(secret, (code, char) => isAlphanumeric(code) || "-_.!~*'()".includes(char), '+'),
    // application/x-www-form-urlencoded as URLSearchParams writes it: the engine appends params this way
    percentEncode(secret, (code, char) => isAlphanumeric(code) || '*-._'.includes(char), '+'),
    // the URL parser's query and path percent-encode sets: a secret typed into the URL itself
    percentEncode(secret, (code, char) => printable(code) && !`"#<>'`.includes(char)),
    percentEncode(secret, (code, char) => printable(code) && !'"#<>?`{}'.includes(char)),
    // inside a JSON string, as written and with non-ASCII escaped
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  ];
}

/**
 * The base64 characters that depend on the secret's bytes alone, for each offset of the secret within a 3-byte
 * group. base64("user:" + secret) spells the secret differently from base64(secret), but always contains one of
 * these three cores; only the one or two characters it shares with neighbouring bytes are left.
 */
export function base64Cores(secret: string): string[] {
  const bytes = utf8Bytes(secret);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = new Uint8Array(offset + bytes.length + 2);
    padded.set(bytes, offset);
    const encoded = base64FromBytes(padded);
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, end);
    cores.push(core, toBase64Url(core));
  }
  return cores;
}

/** Every byte form of the secret worth hiding, longest first, none shorter than MIN_NEEDLE_LENGTH. */
export function secretNeedles(secret: string): string[] {
  if (secret.length < MIN_NEEDLE_LENGTH) return [];
  const forms = new Set<string>();
  for (const form of [...textForms(secret), ...base64Cores(secret)]) {
    if (form.length >= MIN_NEEDLE_LENGTH) forms.add(form);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
