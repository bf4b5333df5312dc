import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../contract';
import { errorAdvice } from './error-advice';

describe('errorAdvice', () => {
  it('has a headline for every code', () => {
    for (const code of ERROR_CODES) expect(errorAdvice(code)).toBeTruthy();
    expect(errorAdvice('DNS_FAILED')).toBe('The host name could not be found');
    expect(errorAdvice('CANCELLED')).toBe('Request cancelled');
  });
});
