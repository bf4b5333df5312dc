import { describe, expect, it } from 'vitest';
import { placeError } from './error-placement';
import { formatJson } from './format-json';

describe('placeError', () => {
  it('puts composition errors next to their field and network errors in the response pane', () => {
    expect(placeError('INVALID_URL')).toBe('url');
    expect(placeError('UNSUPPORTED_PROTOCOL')).toBe('url');
    expect(placeError('INVALID_METHOD')).toBe('method');
    expect(placeError('INVALID_HEADER')).toBe('headers');
    expect(placeError('INVALID_BODY')).toBe('body');
    expect(placeError('CONNECTION_REFUSED')).toBe('response');
    expect(placeError('CANCELLED')).toBe('response');
  });
});

describe('formatJson', () => {
  it('indents valid JSON and refuses invalid JSON', () => {
    expect(formatJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(formatJson('{bad')).toBeNull();
  });
  it('keeps empty containers, numbers, escapes and key order as written', () => {
    expect(formatJson('{"b":{},"a":[ ],"n":12345678901234567890,"s":"\\u0041 \\"q\\"","2":1.50}')).toBe(
      '{\n  "b": {},\n  "a": [],\n  "n": 12345678901234567890,\n  "s": "\\u0041 \\"q\\"",\n  "2": 1.50\n}',
    );
  });
  it('formats a body with {{references}} as values and in strings, keeping them as written', () => {
    expect(formatJson('{"n":{{count}},"id":"x-{{$uuid}}","list":[{{ a }},2]}')).toBe(
      '{\n  "n": {{count}},\n  "id": "x-{{$uuid}}",\n  "list": [\n    {{ a }},\n    2\n  ]\n}',
    );
    expect(formatJson('{"n": {{count}},}')).toBeNull();
  });
});
