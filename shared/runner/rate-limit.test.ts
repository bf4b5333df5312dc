import { describe, expect, it } from 'vitest';
import { quotaWait, retryWait } from './rate-limit';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('rate-limit answers', () => {
  it('reads Retry-After as seconds or as an HTTP date, on 429 and 503 only', () => {
    expect(retryWait(429, [['Retry-After', '3']], now)).toEqual({ waitMs: 3000, source: 'Retry-After' });
    expect(retryWait(503, [['retry-after', 'Thu, 01 Jan 2026 00:00:07 GMT']], now)).toEqual({ waitMs: 7000, source: 'Retry-After' });
    expect(retryWait(200, [['Retry-After', '3']], now)).toBeNull();
    expect(retryWait(429, [], now)).toBeNull();
    expect(retryWait(429, [['Retry-After', 'soon']], now)).toBeNull();
  });

  it('reads the IETF draft RateLimit field, its older dictionary form and RateLimit-Policy', () => {
    expect(retryWait(429, [['RateLimit', '"default";r=0;t=12']], now)).toEqual({ waitMs: 12_000, source: 'RateLimit' });
    expect(retryWait(429, [['RateLimit', 'limit=10, remaining=0, reset=4']], now)).toEqual({ waitMs: 4000, source: 'RateLimit' });
    expect(
      retryWait(
        429,
        [
          ['RateLimit', '"default";r=0'],
          ['RateLimit-Policy', '"default";q=100;w=60'],
        ],
        now,
      ),
    ).toEqual({ waitMs: 60_000, source: 'RateLimit-Policy' });
    expect(
      retryWait(
        429,
        [
          ['RateLimit-Remaining', '0'],
          ['RateLimit-Reset', '2'],
        ],
        now,
      ),
    ).toEqual({ waitMs: 2000, source: 'RateLimit-Reset' });
    expect(retryWait(429, [['RateLimit', '"default";r=5;t=12']], now)).toBeNull();
  });

  it('reads X-RateLimit-Reset as a delta or as a Unix time', () => {
    expect(
      retryWait(
        429,
        [
          ['X-RateLimit-Remaining', '0'],
          ['X-RateLimit-Reset', '5'],
        ],
        now,
      ),
    ).toEqual({ waitMs: 5000, source: 'X-RateLimit-Reset' });
    expect(
      retryWait(
        429,
        [
          ['X-RateLimit-Remaining', '0'],
          ['X-RateLimit-Reset', String(now / 1000 + 9)],
        ],
        now,
      ),
    ).toEqual({ waitMs: 9000, source: 'X-RateLimit-Reset' });
  });

  it('makes the next request wait when a success spent the last of the quota', () => {
    expect(
      quotaWait(
        200,
        [
          ['X-RateLimit-Remaining', '0'],
          ['X-RateLimit-Reset', '1'],
        ],
        now,
      ),
    ).toEqual({ waitMs: 1000, source: 'X-RateLimit-Reset' });
    expect(
      quotaWait(
        200,
        [
          ['X-RateLimit-Remaining', '3'],
          ['X-RateLimit-Reset', '1'],
        ],
        now,
      ),
    ).toBeNull();
    expect(
      quotaWait(
        429,
        [
          ['X-RateLimit-Remaining', '0'],
          ['X-RateLimit-Reset', '1'],
        ],
        now,
      ),
    ).toBeNull();
  });
});
