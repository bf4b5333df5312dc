import { describe, expect, it } from 'vitest';
import { decodeImportFile } from './decode-file';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeImportFile', () => {
  it('decodes UTF-8 text, dropping a byte-order mark', () => {
    expect(decodeImportFile('a.json', utf8('\uFEFF{"name":"café"}'))).toEqual({ ok: true, text: '{"name":"café"}' });
  });

  it('decodes UTF-16 with its byte-order mark', () => {
    const text = '{"a":"é"}';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeImportFile('ps.json', bytes)).toEqual({ ok: true, text });
  });

  it('refuses NUL bytes, naming the file', () => {
    expect(decodeImportFile('binary.json', new Uint8Array([0x7b, 0x00, 0x7d]))).toEqual({
      ok: false,
      message:
        '“binary.json” cannot be imported: it holds NUL bytes, so it is a binary file. Choose a text export (JSON, YAML, HAR, a .bru or a curl command).',
    });
  });

  it('refuses bytes that are not UTF-8', () => {
    const result = decodeImportFile('latin.json', new Uint8Array([0x7b, 0xe9, 0xff, 0x7d]));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('“latin.json” cannot be imported: it is not UTF-8 text.') });
  });
});
