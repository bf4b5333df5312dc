import { describe, expect, it } from 'vitest';
import { orderEntries } from './layout';
import { slugify, suggestRequestName } from './slug';

describe('slugify', () => {
  it('makes file-safe names and never an empty one', () => {
    expect(slugify('Get user (v2) — café')).toBe('get-user-v2-cafe');
    expect(slugify('???')).toBe('untitled');
  });

  it('never produces a Windows device name (con, aux, prn, nul, com1–9, lpt1–9), in any case', () => {
    for (const name of ['con', 'CON', 'Aux', 'prn', 'NUL', 'nul.json', 'com1', 'COM9', 'lpt1', 'Lpt9', '  con  ', 'con.']) {
      const slug = slugify(name);
      expect(slug, name).not.toMatch(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i);
    }
    expect(slugify('CON')).toBe('con-item');
    expect(slugify('Console')).toBe('console');
    expect(slugify('com10')).toBe('com10');
  });
});

describe('suggestRequestName', () => {
  it('takes the last path segment, else the host', () => {
    expect(suggestRequestName('https://api.example.com/v1/users?page=2')).toBe('users');
    expect(suggestRequestName('{{base}}/orders/{{id}}')).toBe('orders');
    expect(suggestRequestName('https://api.example.com/')).toBe('api.example.com');
    expect(suggestRequestName('')).toBe('');
  });
});

describe('orderEntries', () => {
  it('keeps the listed order, then the rest in natural order', () => {
    expect(orderEntries(['b', 'req-10', 'req-2', 'a', 'gone'], ['b', 'missing', 'gone'])).toEqual(['b', 'gone', 'a', 'req-2', 'req-10']);
  });
});
