import type { Cookie, CookieJar as ToughJar } from 'tough-cookie';
import type { CookieKey, StoredCookie } from '../../../shared/contract';

/**
 * The cookies Courier keeps for one app run (or one `courier run`), in memory only: nothing is written to disk, so a
 * session cookie (a login) never outlives the process. Matching follows RFC 6265 (tough-cookie): domain, path,
 * Secure and expiry. SameSite is not applied, as curl and Postman do not: every request is the user's own.
 */
export interface CookieJar {
  /** the jar's cookies for this URL as name/value pairs, in the order RFC 6265 sends them */
  cookiesFor(url: URL): Promise<[string, string][]>;
  /** stores each Set-Cookie line of a response to `url`; an expired one (Max-Age=0) removes the cookie it names */
  storeFrom(url: URL, setCookieLines: readonly string[]): Promise<void>;
  list(): Promise<StoredCookie[]>;
  delete(key: CookieKey): Promise<boolean>;
  /** one domain's cookies (exactly that domain), or all of them; how many there were */
  clear(domain?: string): Promise<number>;
}

const loadToughCookie = () => import('tough-cookie');

export function createCookieJar(): CookieJar {
  // tough-cookie (and its public suffix list) loads with the first Set-Cookie: a run without cookies never pays for it
  let jar: Promise<ToughJar> | null = null;
  const open = (): Promise<ToughJar> =>
    (jar ??= loadToughCookie().then(
      // loose: a bare "value" without a name is kept, as browsers do; a cookie for a public suffix (Domain=com) is refused
      ({ CookieJar }) => new CookieJar(undefined, { looseMode: true, rejectPublicSuffixes: true, prefixSecurity: 'silent' }),
    ));

  const live = async (): Promise<Cookie[]> => {
    if (jar === null) return [];
    const now = Date.now();
    return (await (await jar).store.getAllCookies()).filter((cookie) => cookie.TTL(now) > 0);
  };

  return {
    async cookiesFor(url) {
      if (jar === null) return [];
      const cookies = await (await jar).getCookies(url, { http: true, expire: true, sort: true });
      return cookies.map((cookie) => [cookie.key, cookie.value]);
    },
    async storeFrom(url, lines) {
      if (lines.length === 0) return;
      const opened = await open();
      const { Cookie } = await loadToughCookie();
      for (const line of lines) {
        // one malformed or refused line (wrong domain, public suffix) is skipped, as a browser does, not the whole response
        const cookie = Cookie.parse(line, { loose: true });
        if (!cookie) continue;
        // RFC 6265 §5.3: Max-Age fixes the expiry when the cookie is received; tough-cookie would count it from the
        // cookie's last use, so a cookie sent now and then would never expire
        if (typeof cookie.maxAge === 'number' || cookie.maxAge === '-Infinity') {
          const seconds = typeof cookie.maxAge === 'number' ? cookie.maxAge : 0;
          cookie.expires = new Date(seconds <= 0 ? 0 : Date.now() + seconds * 1000);
          cookie.maxAge = null;
        }
        await opened.setCookie(cookie, url, { http: true, ignoreError: true });
      }
    },
    async list() {
      return (await live()).map(toStoredCookie).sort(byDomainPathName);
    },
    async delete({ domain, path, name }) {
      const found = (await live()).some((cookie) => cookie.domain === domain && cookie.path === path && cookie.key === name);
      if (found && jar !== null) await (await jar).store.removeCookie(domain, path, name);
      return found;
    },
    async clear(domain) {
      const doomed = (await live()).filter((cookie) => domain === undefined || cookie.domain === domain);
      if (jar === null) return 0;
      const store = (await jar).store;
      if (domain === undefined) await store.removeAllCookies();
      else await store.removeCookies(domain, null);
      return doomed.length;
    },
  };
}

function toStoredCookie(cookie: Cookie): StoredCookie {
  const expiry = cookie.expiryTime();
  return {
    domain: cookie.domain ?? '',
    hostOnly: cookie.hostOnly === true,
    path: cookie.path ?? '/',
    name: cookie.key,
    value: cookie.value,
    expires: expiry === undefined || !Number.isFinite(expiry) ? null : expiry,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
  };
}

function byDomainPathName(a: StoredCookie, b: StoredCookie): number {
  return a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name);
}
