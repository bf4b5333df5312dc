type HexParse = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * Bytes typed as hex, the way people paste them: "de ad be ef", "0xDE,0xAD", "de:ad:be:ef" or "deadbeef".
 * Anything else is refused with where it went wrong.
 */
export function parseHexInput(text: string): HexParse {
  const tokens = text
    .replace(/0x/gi, ' ')
    .split(/[\s,:;-]+/)
    .filter((token) => token !== '');
  const digits = tokens.join('');
  const bad = /[^0-9a-f]/i.exec(digits);
  if (bad) return { ok: false, message: `"${bad[0]}" is not a hex digit. Use 0–9 and a–f, e.g. "de ad be ef".` };
  // A lone digit in a spaced list means a byte like 0x7; a run of digits must pair up.
  const pairs: string[] = [];
  for (const token of tokens) {
    if (token.length === 1) pairs.push(`0${token}`);
    else if (token.length % 2 === 0) for (let i = 0; i < token.length; i += 2) pairs.push(token.slice(i, i + 2));
    else return { ok: false, message: `"${token}" has an odd number of hex digits; each byte is two digits.` };
  }
  return { ok: true, bytes: Uint8Array.from(pairs.map((pair) => Number.parseInt(pair, 16))) };
}

/** A short hex preview of a payload for the log list: "de ad be ef …". */
export function hexPreview(bytes: Uint8Array, max = 24): string {
  const shown = Array.from(bytes.subarray(0, max), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} …` : shown;
}
