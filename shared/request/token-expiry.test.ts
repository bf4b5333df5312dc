import { describe, expect, it } from 'vitest';
import { describeTokenExpiry } from './token-expiry';

const NOW = 1_700_000_000_000;
const at = (ms: number) => describeTokenExpiry(NOW + ms, NOW);

describe('describeTokenExpiry', () => {
  it('says when there is no expiry or the token has expired', () => {
    expect(describeTokenExpiry(null, NOW)).toEqual({ state: 'none', text: 'no expiry' });
    expect(at(0)).toEqual({ state: 'expired', text: 'expired' });
    expect(at(-5_000)).toEqual({ state: 'expired', text: 'expired' });
  });

  it('rounds the time left down, in the largest sensible unit', () => {
    expect(at(4 * 60_000 + 59_000)).toEqual({ state: 'valid', text: 'expires in 4 min' });
    expect(at(60_000 + 1)).toEqual({ state: 'valid', text: 'expires in 1 min' });
    expect(at(3 * 3_600_000)).toEqual({ state: 'valid', text: 'expires in 3 h' });
    expect(at(3 * 3_600_000 + 5 * 60_000 + 30_000).text).toBe('expires in 3 h 5 min');
    expect(at(47 * 3_600_000).text).toBe('expires in 47 h');
    expect(at(9 * 86_400_000 + 1).text).toBe('expires in 9 days');
  });

  it('flags the last minute, when the main process refreshes the token before sending', () => {
    expect(at(60_000)).toEqual({ state: 'expiring', text: 'expires in 1 min' });
    expect(at(42_500)).toEqual({ state: 'expiring', text: 'expires in 42 s' });
    expect(at(200)).toEqual({ state: 'expiring', text: 'expires in 1 s' });
  });
});
