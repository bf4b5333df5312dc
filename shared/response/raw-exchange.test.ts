import { describe, expect, it } from 'vitest';
import { formatHeaderLines, formatRedirectHop } from './raw-exchange';

describe('raw exchange text', () => {
  it('keeps duplicate headers in order', () => {
    expect(
      formatHeaderLines([
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ]),
    ).toBe('Set-Cookie: a=1\nSet-Cookie: b=2');
  });
  it('formats a redirect hop', () => {
    expect(formatRedirectHop({ method: 'GET', url: 'http://a/x', status: 302, statusText: 'Found', headers: [['Location', '/y']] }, 0)).toBe(
      '# Hop 1\nGET http://a/x\n→ 302 Found\nLocation: /y',
    );
  });
});
