import { describe, expect, it } from 'vitest';
import { COMMON_HEADER_NAMES, suggestHeaderValues, validateHeaderRows } from './header-suggestions';
import { validateMethod, STANDARD_METHODS, isStandardMethod } from './methods';

describe('header suggestions', () => {
  it('offers common names without duplicates', () => {
    expect(COMMON_HEADER_NAMES).toContain('Content-Type');
    expect(COMMON_HEADER_NAMES).toContain('Authorization');
    expect(new Set(COMMON_HEADER_NAMES.map((n) => n.toLowerCase())).size).toBe(COMMON_HEADER_NAMES.length);
  });
  it('suggests values by name, case-insensitively', () => {
    expect(suggestHeaderValues(' content-type ')).toContain('application/json');
    expect(suggestHeaderValues('X-Unknown')).toEqual([]);
  });
});

describe('validateHeaderRows', () => {
  it('explains bad names and values, ignoring disabled and blank rows', () => {
    expect(
      validateHeaderRows([
        { id: '1', name: 'Good', value: 'x', enabled: true },
        { id: '2', name: 'Bad Name', value: 'x', enabled: true },
        { id: '3', name: 'Bad:Name', value: 'x', enabled: false },
        { id: '4', name: '', value: '', enabled: true },
        { id: '5', name: '', value: 'orphan', enabled: true },
        { id: '6', name: 'X-Multi', value: 'a\nb', enabled: true },
        { id: '7', name: 'Bad(Name', value: 'x', enabled: true },
      ]),
    ).toEqual([
      { rowId: '2', message: 'Header name "Bad Name" contains a space, which header names cannot contain.' },
      { rowId: '5', message: 'This header has a value but no name.' },
      { rowId: '6', message: 'The value of "X-Multi" contains a line break, which header values cannot contain.' },
      { rowId: '7', message: 'Header name "Bad(Name" contains "(", which header names cannot contain.' },
    ]);
  });
});

describe('methods', () => {
  it('lists the standard methods', () => {
    expect(STANDARD_METHODS).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
    expect(isStandardMethod('PATCH')).toBe(true);
    expect(isStandardMethod('PROPFIND')).toBe(false);
  });
  it('validates custom methods', () => {
    expect(validateMethod('PROPFIND')).toBeNull();
    expect(validateMethod('')).toBe('Enter a method name, for example GET or PROPFIND.');
    expect(validateMethod('MY METHOD')).toMatch(/not a valid method name/);
  });
});
