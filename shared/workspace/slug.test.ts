import { describe, expect, it } from 'vitest';
import { slugify, suggestRequestName } from './slug';

describe('slugify', () => {
  it('makes file-safe names and never an empty one', () => {
    expect(slugify('Get user (v2) — café')).toBe('get-user-v2-cafe');
    expect(slugify('???')).toBe('untitled');
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
