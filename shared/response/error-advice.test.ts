import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../contract';
import { errorAdvice } from './error-advice';

describe('errorAdvice', () => {
  it('has a headline for every code', () => {
    for (const code of ERROR_CODES) expect(errorAdvice(code)).toBeTruthy();
    expect(errorAdvice('DNS_FAILED')).toBe('The host name could not be found');
    expect(errorAdvice('CANCELLED')).toBe('Request cancelled');
  });

  it('says nothing was sent when a pre-request script or a missing value stopped the request', () => {
    // a person reading "The request failed" looks at the server; these never reached it
    for (const code of ['SCRIPT_FAILED', 'VAULT_LOCKED', 'CREDENTIAL_UNAVAILABLE', 'VARIABLE_NOT_FOUND'] as const)
      expect(errorAdvice(code)).toMatch(/nothing was sent$/);
  });
});
