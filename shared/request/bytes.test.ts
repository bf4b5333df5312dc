import { describe, expect, it } from 'vitest';
import { base64ByteLength, formatByteCount } from './bytes';

describe('formatByteCount', () => {
  it('uses B below 1 KB and one decimal above', () => {
    expect(formatByteCount(0)).toBe('0 B');
    expect(formatByteCount(1023)).toBe('1023 B');
    expect(formatByteCount(1536)).toBe('1.5 KB');
    expect(formatByteCount(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('base64ByteLength', () => {
  it('accounts for padding', () => {
    expect(base64ByteLength('')).toBe(0);
    expect(base64ByteLength('aGVsbG8gd29ybGQ=')).toBe(11);
    expect(base64ByteLength('aGk=')).toBe(2);
    expect(base64ByteLength('aA==')).toBe(1);
    expect(base64ByteLength('YWJj')).toBe(3);
  });
});
