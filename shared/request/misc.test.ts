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
});
