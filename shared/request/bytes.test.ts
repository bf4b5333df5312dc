import { describe, expect, it } from 'vitest';
import { base64ByteLength } from './bytes';

describe('base64ByteLength', () => {
  it('accounts for padding', () => {
    expect(base64ByteLength('')).toBe(0);
    expect(base64ByteLength('aGVsbG8gd29ybGQ=')).toBe(11);
    expect(base64ByteLength('aGk=')).toBe(2);
    expect(base64ByteLength('aA==')).toBe(1);
    expect(base64ByteLength('YWJj')).toBe(3);
  });
});
