import { describe, expect, it } from 'vitest';
import { base64FromBytes, base64Utf8, toBase64Url, utf8Bytes } from './base64';

describe('base64 and UTF-8', () => {
  it('matches Node for ASCII, multi-byte and astral text at every length mod 3', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'user:pässwörd', '日本語', 'emoji 😀!', 'x'.repeat(100)]) {
      expect(Array.from(utf8Bytes(text))).toEqual(Array.from(Buffer.from(text, 'utf8')));
      expect(base64Utf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }
  });

  it('encodes arbitrary bytes and lone surrogates as TextEncoder does', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64FromBytes(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(Array.from(utf8Bytes('a\ud800b'))).toEqual(Array.from(new TextEncoder().encode('a\ud800b')));
  });

  it('switches to the URL-safe alphabet', () => {
    const bytes = Uint8Array.from([0xfb, 0xff, 0xbf]);
    expect(toBase64Url(base64FromBytes(bytes))).toBe(Buffer.from(bytes).toString('base64url'));
  });
});
