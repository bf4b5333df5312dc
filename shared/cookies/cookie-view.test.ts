import { describe, expect, it } from 'vitest';
import type { StoredCookie } from '../contract/cookies';
import { cookieScope, formatCookieExpiry, groupByDomain } from './cookie-view';

const cookie = (domain: string, name: string): StoredCookie => ({
  domain,
  hostOnly: true,
  path: '/',
  name,
  value: 'v',
  expires: null,
  secure: false,
  httpOnly: false,
});

describe('cookie view', () => {
  it('groups cookies by domain in the order listed', () => {
    const groups = groupByDomain([cookie('a.test', 'x'), cookie('a.test', 'y'), cookie('b.test', 'z')]);
    expect(groups.map((group) => [group.domain, group.cookies.map((c) => c.name)])).toEqual([
      ['a.test', ['x', 'y']],
      ['b.test', ['z']],
    ]);
    expect(groupByDomain([])).toEqual([]);
  });

  it('says Session for a cookie without expiry, a UTC minute otherwise', () => {
    expect(formatCookieExpiry(null)).toBe('Session');
    expect(formatCookieExpiry(Date.UTC(2030, 0, 2, 3, 4, 5))).toBe('2030-01-02 03:04 UTC');
  });

  it('names where a Domain cookie goes', () => {
    expect(cookieScope({ domain: 'example.com', hostOnly: false })).toBe('example.com and its subdomains');
    expect(cookieScope({ domain: 'api.example.com', hostOnly: true })).toBe('api.example.com');
  });
});
