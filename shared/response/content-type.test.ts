import { describe, expect, it } from 'vitest';
import { charsetOf, classifyContentType, decideBodyKind, editorLanguageFor, jsonSequenceOf, looksBinary, mediaTypeOf, textDecoderFor } from './content-type';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('classifyContentType', () => {
  it.each([
    ['application/json', 'json'],
    ['Application/JSON; charset=utf-8', 'json'],
    ['application/problem+json', 'json'],
    ['application/vnd.api+json', 'json'],
    ['text/html; charset=UTF-8', 'html'],
    ['application/xhtml+xml', 'html'],
    ['application/xml', 'xml'],
    ['text/xml', 'xml'],
    ['application/atom+xml', 'xml'],
    ['image/svg+xml', 'image'],
    ['image/png', 'image'],
    ['text/plain', 'text'],
    ['text/csv', 'text'],
    ['application/javascript', 'text'],
    ['application/octet-stream', 'binary'],
    ['application/pdf', 'binary'],
    ['', 'binary'],
    [null, 'binary'],
  ] as const)('%s → %s', (type, kind) => {
    expect(classifyContentType(type)).toBe(kind);
  });

  it('strips parameters', () => {
    expect(mediaTypeOf(' Text/HTML ; charset=utf-8')).toBe('text/html');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});

describe('jsonSequenceOf: bodies of many JSON texts', () => {
  it.each([
    ['application/x-ndjson', 'ndjson'],
    ['application/ndjson; charset=utf-8', 'ndjson'],
    ['application/jsonl', 'json-lines'],
    ['application/jsonlines', 'json-lines'],
    ['Application/X-JSONLines', 'json-lines'],
    ['application/json-seq', 'json-seq'],
    ['application/json', null],
    ['application/problem+json', null],
    ['text/plain', null],
    ['toString', null],
    [null, null],
  ] as const)('%s → %s', (type, format) => {
    expect(jsonSequenceOf(type)).toBe(format);
  });

  it('classifies all of them as JSON, even when every record is tiny', () => {
    for (const type of ['application/x-ndjson', 'application/jsonl', 'application/jsonlines', 'application/x-jsonlines', 'application/json-seq']) {
      expect(classifyContentType(type)).toBe('json');
    }
    // a JSON text sequence of small numbers is a third RS characters: still text
    expect(decideBodyKind('application/json-seq', bytes('\x1e1\n\x1e2\n\x1e3\n'))).toBe('json');
  });
});

describe('looksBinary', () => {
  it('treats text and UTF-8 as text', () => {
    expect(looksBinary(bytes('{"a": "héllo ✓ 😀"}\r\n\t'))).toBe(false);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });
  it('spots NUL bytes, invalid UTF-8 and control-heavy data', () => {
    expect(looksBinary(new Uint8Array([0x48, 0x00, 0x49]))).toBe(true);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(true);
    expect(looksBinary(new Uint8Array([1, 2, 3, 4, 5, 65]))).toBe(true);
  });
  it('forgives a multi-byte character cut off by the sample', () => {
    const all = bytes('aaa✓');
    expect(looksBinary(all.subarray(0, 4))).toBe(false);
  });
});

describe('decideBodyKind', () => {
  it('sniffs JSON and XML sent as text or without a type', () => {
    expect(decideBodyKind('text/plain', bytes('  {"a":1}'))).toBe('json');
    expect(decideBodyKind(null, bytes('[1]'))).toBe('json');
    expect(decideBodyKind(null, bytes('<?xml version="1.0"?><a/>'))).toBe('xml');
    expect(decideBodyKind('application/octet-stream', bytes('hello'))).toBe('text');
  });
  it('trusts image types and spots binary behind a text type', () => {
    expect(decideBodyKind('image/png', new Uint8Array([0x89, 0x50]))).toBe('image');
    expect(decideBodyKind('text/plain', new Uint8Array([0, 1, 2]))).toBe('binary');
    expect(decideBodyKind('application/json', bytes('{"a":1}'))).toBe('json');
    expect(decideBodyKind('text/html', bytes('<p>'))).toBe('html');
  });
  it('shows an empty body as text', () => {
    expect(decideBodyKind(null, new Uint8Array())).toBe('text');
    expect(decideBodyKind('application/json', new Uint8Array())).toBe('json');
  });
  it('maps kinds to editor languages', () => {
    expect(['json', 'xml', 'html', 'text', 'binary'].map((k) => editorLanguageFor(k as 'json'))).toEqual(['json', 'xml', 'html', 'plaintext', 'plaintext']);
  });
  it('reads the declared charset, and shows Latin-1 text as text in its own encoding (new-user finding V15)', () => {
    expect(charsetOf('text/plain; charset=latin1')).toBe('windows-1252');
    expect(charsetOf('text/html; Charset="ISO-8859-1"')).toBe('windows-1252');
    expect(charsetOf('application/json')).toBe('utf-8');
    expect(charsetOf('text/plain; charset=no-such-thing')).toBe('utf-8');
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x75, 0x20, 0x6c, 0x61, 0x69, 0x74]); // "café au lait"
    expect(decideBodyKind('text/plain; charset=latin1', latin1)).toBe('text');
    expect(new TextDecoder(charsetOf('text/plain; charset=latin1')).decode(latin1)).toBe('café au lait');
    // undeclared, the same bytes are not UTF-8: binary as before
    expect(decideBodyKind('text/plain', latin1)).toBe('binary');
  });
});

describe('textDecoderFor', () => {
  it('decodes a body in the charset it declares: a Latin-1 HTML page keeps its accents', () => {
    const page = new Uint8Array([...bytes('<h1>Caf'), 0xe9, ...bytes(' cr'), 0xe8, ...bytes('me</h1>')]);
    expect(textDecoderFor('text/html; charset=iso-8859-1').decode(page)).toBe('<h1>Café crème</h1>');
    expect(textDecoderFor('text/html').decode(bytes('<h1>Café</h1>'))).toBe('<h1>Café</h1>');
  });

  it('reads an event stream as UTF-8 whatever it declares, as browsers do, so its Body and Events tabs agree', () => {
    expect(textDecoderFor('text/event-stream; charset=iso-8859-1').decode(bytes('data: café\n\n'))).toBe('data: café\n\n');
  });
});
