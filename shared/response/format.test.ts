import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatProgress } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [123.4 * 1024 * 1024, '123 MB'],
    [3 * 1024 ** 3, '3 GB'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%d → %s', (n, s) => expect(formatBytes(n)).toBe(s));
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [0.4, '<1 ms'],
    [12.6, '13 ms'],
    [1000, '1 s'],
    [1234, '1.23 s'],
    [1500, '1.5 s'],
    [125_000, '2 min 5 s'],
    [120_000, '2 min'],
    [-5, '—'],
  ])('%d → %s', (n, s) => expect(formatDuration(n)).toBe(s));
});

describe('formatProgress', () => {
  it('shows a fraction when the total is known', () => {
    expect(formatProgress(512, 1024)).toBe('512 B of 1 KB (50%)');
    expect(formatProgress(2048, null)).toBe('2 KB');
    expect(formatProgress(5, 0)).toBe('5 B');
  });
});
