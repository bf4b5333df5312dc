import { type HeaderList } from '../contract';

/** What a response says about the rate limit: wait this long, then the request may be sent (again). */
interface RateLimitWait {
  waitMs: number;
  /** the header that said so, for the countdown's message */
  source: string;
}

function header(headers: HeaderList, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1]?.trim();
}

/** RFC 9110 Retry-After: delay-seconds or an HTTP date. */
function retryAfterMs(value: string, now: number): number | null {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * A reset given in seconds: a delta (the IETF draft's and most APIs') or, when larger than any sane delta, a Unix
 * time (GitHub's and Twitter's X-RateLimit-Reset). A billion seconds is 2001, longer than any window anyone sets.
 */
function resetMs(value: string, now: number): number | null {
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const seconds = Number(value);
  return seconds > 1e9 ? Math.max(0, seconds * 1000 - now) : seconds * 1000;
}

/** A structured-field parameter (draft-ietf-httpapi-ratelimit-headers ≥ 07: `"default";r=0;t=30`) or a dictionary key (≤ 06: `limit=10, remaining=0, reset=30`). */
function fieldParam(value: string, names: readonly string[]): string | undefined {
  for (const part of value.split(/[;,]/)) {
    const match = /^\s*([a-z]+)\s*=\s*"?([^";,]*)"?\s*$/i.exec(part);
    if (match && names.includes(match[1]!.toLowerCase())) return match[2]!.trim();
  }
  return undefined;
}

/** Remaining-at-zero with a reset, from whichever family of headers the server speaks. */
function exhaustedQuota(headers: HeaderList, now: number): RateLimitWait | null {
  const combined = header(headers, 'RateLimit');
  if (combined !== undefined) {
    const remaining = fieldParam(combined, ['r', 'remaining']);
    const reset = fieldParam(combined, ['t', 'reset']);
    if (remaining !== undefined && Number(remaining) <= 0 && reset !== undefined) {
      const waitMs = resetMs(reset, now);
      if (waitMs !== null) return { waitMs, source: 'RateLimit' };
    }
  }
  for (const prefix of ['RateLimit-', 'X-RateLimit-']) {
    const remaining = header(headers, `${prefix}Remaining`);
    const reset = header(headers, `${prefix}Reset`);
    if (remaining !== undefined && reset !== undefined && Number(remaining) <= 0) {
      const waitMs = resetMs(reset, now);
      if (waitMs !== null) return { waitMs, source: `${prefix}Reset` };
    }
  }
  // RateLimit-Policy alone gives the window (w) but not when it resets; the window is the longest wait it implies.
  const policy = header(headers, 'RateLimit-Policy');
  if (combined !== undefined && policy !== undefined && Number(fieldParam(combined, ['r', 'remaining'])) <= 0) {
    const window = fieldParam(policy, ['w']);
    if (window !== undefined && /^\d+$/.test(window)) return { waitMs: Number(window) * 1000, source: 'RateLimit-Policy' };
  }
  return null;
}

/**
 * A 429 or 503 the runner should wait out and send again: Retry-After first (RFC 9110), then the rate-limit headers.
 * null: not rate limited, or nothing says how long to wait (then the answer stands as the result).
 */
export function retryWait(status: number, headers: HeaderList, now: number): RateLimitWait | null {
  if (status !== 429 && status !== 503) return null;
  const retryAfter = header(headers, 'Retry-After');
  if (retryAfter !== undefined) {
    const waitMs = retryAfterMs(retryAfter, now);
    if (waitMs !== null) return { waitMs, source: 'Retry-After' };
  }
  return exhaustedQuota(headers, now);
}

/** A successful answer that spent the last of the quota: the next request waits for the reset instead of failing. */
export function quotaWait(status: number, headers: HeaderList, now: number): RateLimitWait | null {
  if (status === 429 || status === 503) return null;
  return exhaustedQuota(headers, now);
}
