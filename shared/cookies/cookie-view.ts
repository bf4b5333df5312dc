import type { StoredCookie } from '../contract/cookies';

export interface CookieDomainGroup {
  domain: string;
  cookies: StoredCookie[];
}

/** The jar's cookies grouped as the Cookies dialog shows them: one group per domain, in the order listed. */
export function groupByDomain(cookies: readonly StoredCookie[]): CookieDomainGroup[] {
  const groups = new Map<string, StoredCookie[]>();
  for (const cookie of cookies) {
    const group = groups.get(cookie.domain);
    if (group) group.push(cookie);
    else groups.set(cookie.domain, [cookie]);
  }
  return [...groups].map(([domain, list]) => ({ domain, cookies: list }));
}

/** "Session" for a cookie kept until Courier quits; otherwise the expiry as a UTC date and time, to the minute. */
export function formatCookieExpiry(expires: number | null): string {
  if (expires === null) return 'Session';
  const date = new Date(expires);
  if (Number.isNaN(date.getTime())) return 'Session';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Where a cookie goes, in words: "example.com and its subdomains" for a Domain cookie, the host alone otherwise. */
export function cookieScope(cookie: Pick<StoredCookie, 'domain' | 'hostOnly'>): string {
  return cookie.hostOnly ? cookie.domain : `${cookie.domain} and its subdomains`;
}
