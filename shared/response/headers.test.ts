import { describe, expect, it } from 'vitest';
import { explainHeader } from './headers';

describe('explainHeader', () => {
  it('explains common headers case-insensitively', () => {
    for (const name of [
      'Content-Type',
      'content-length',
      'CACHE-CONTROL',
      'ETag',
      'Set-Cookie',
      'Location',
      'Retry-After',
      'Vary',
      'Content-Encoding',
      'Access-Control-Allow-Origin',
      'Strict-Transport-Security',
      'WWW-Authenticate',
    ]) {
      expect(explainHeader(name), name).toBeTruthy();
    }
  });
  it('returns undefined for unknown headers', () => {
    expect(explainHeader('X-Something-Custom')).toBeUndefined();
  });
});
